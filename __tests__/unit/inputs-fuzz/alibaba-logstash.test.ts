/** Property-based tests of every input for alibaba-logstash (the properties: __tests__/helpers/input-fuzz.ts). */
import { providerInputFuzz } from '../../helpers/input-fuzz.ts';
import { alibabaLogstash } from '../../helpers/reliability-rows.ts';

providerInputFuzz(alibabaLogstash);
