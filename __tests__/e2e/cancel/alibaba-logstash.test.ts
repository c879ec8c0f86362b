/** Cancellation and the post step for alibaba-logstash (the tests: __tests__/helpers/cancellation.ts). */
import { cancellationTests } from '../../helpers/cancellation.ts';
import { alibabaLogstash } from '../../helpers/reliability-rows.ts';

cancellationTests(alibabaLogstash);
