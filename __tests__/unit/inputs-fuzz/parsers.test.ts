/** Property-based tests of the input parsers (the properties: __tests__/helpers/input-fuzz.ts). */
import { parserFuzz } from '../../helpers/input-fuzz.ts';

parserFuzz();
