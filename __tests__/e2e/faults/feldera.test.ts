/** The fault matrix for feldera, and exactly-once for its /activate (the tests: __tests__/helpers/fault-matrix.ts). */
import { faultMatrixTests, felderaActivateTests } from '../../helpers/fault-matrix.ts';
import { feldera } from '../../helpers/reliability-rows.ts';

faultMatrixTests(feldera);
felderaActivateTests();
