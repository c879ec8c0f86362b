/** What the runner sees of a fault, through dist/: the matrix itself runs in process (__tests__/in-process/faults/). */
import { faultMatrixSpawnedTests } from '../helpers/fault-matrix.ts';
import { feldera } from '../helpers/reliability-rows.ts';

faultMatrixSpawnedTests(feldera);
