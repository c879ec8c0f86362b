/** The fault matrix for vmware-aria (the tests: __tests__/helpers/fault-matrix.ts; in process). */
import { faultMatrixTests } from '../../helpers/fault-matrix.ts';
import { vmwareAria } from '../../helpers/reliability-rows.ts';

faultMatrixTests(vmwareAria);
