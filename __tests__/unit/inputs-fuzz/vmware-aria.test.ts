/** Property-based tests of every input for vmware-aria (the properties: __tests__/helpers/input-fuzz.ts). */
import { providerInputFuzz } from '../../helpers/input-fuzz.ts';
import { vmwareAria } from '../../helpers/reliability-rows.ts';

providerInputFuzz(vmwareAria);
