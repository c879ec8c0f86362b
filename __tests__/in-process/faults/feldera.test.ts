/** The fault matrix for feldera, and its /activate retried after a lost answer (the tests: __tests__/helpers/fault-matrix.ts; in process). */
import { faultMatrixTests, felderaActivateTests } from '../../helpers/fault-matrix.ts';
import { feldera } from '../../helpers/reliability-rows.ts';

faultMatrixTests(feldera);
felderaActivateTests();
