/** Secrets, remote text and transport for vmware-aria (the tests: __tests__/helpers/security.ts). */
import { vmwareAria } from '../../helpers/reliability-rows.ts';
import { securityTests } from '../../helpers/security.ts';

securityTests(vmwareAria);
