/** Secrets, remote text and transport for feldera (the tests: __tests__/helpers/security.ts). */
import { feldera } from '../../helpers/reliability-rows.ts';
import { securityTests } from '../../helpers/security.ts';

securityTests(feldera);
