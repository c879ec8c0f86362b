/** Cancellation and the post step for feldera (the tests: __tests__/helpers/cancellation.ts). */
import { cancellationTests } from '../../helpers/cancellation.ts';
import { feldera } from '../../helpers/reliability-rows.ts';

cancellationTests(feldera);
