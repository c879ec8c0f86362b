/** Property-based tests of every input for feldera (the properties: __tests__/helpers/input-fuzz.ts). */
import { providerInputFuzz } from '../../helpers/input-fuzz.ts';
import { feldera } from '../../helpers/reliability-rows.ts';

providerInputFuzz(feldera);
