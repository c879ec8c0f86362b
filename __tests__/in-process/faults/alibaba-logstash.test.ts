/** The fault matrix for alibaba-logstash (the tests: __tests__/helpers/fault-matrix.ts; in process). */
import { faultMatrixTests } from '../../helpers/fault-matrix.ts';
import { alibabaLogstash } from '../../helpers/reliability-rows.ts';

faultMatrixTests(alibabaLogstash);
