/** Secrets, remote text and transport for alibaba-logstash (the tests: __tests__/helpers/security.ts). */
import { alibabaLogstash } from '../../helpers/reliability-rows.ts';
import { securityTests } from '../../helpers/security.ts';

securityTests(alibabaLogstash);
