/** Secrets, remote text and transport for huawei-codearts (the tests: __tests__/helpers/security.ts). */
import { huaweiCodeArts } from '../../helpers/reliability-rows.ts';
import { securityTests } from '../../helpers/security.ts';

securityTests(huaweiCodeArts);
