/** The fault matrix for huawei-codearts (the tests: __tests__/helpers/fault-matrix.ts; in process). */
import { faultMatrixTests } from '../../helpers/fault-matrix.ts';
import { huaweiCodeArts } from '../../helpers/reliability-rows.ts';

faultMatrixTests(huaweiCodeArts);
