/** Property-based tests of every input for huawei-codearts (the properties: __tests__/helpers/input-fuzz.ts). */
import { providerInputFuzz } from '../../helpers/input-fuzz.ts';
import { huaweiCodeArts } from '../../helpers/reliability-rows.ts';

providerInputFuzz(huaweiCodeArts);
