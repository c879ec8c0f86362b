/** Cancellation and the post step for vmware-aria (the tests: __tests__/helpers/cancellation.ts). */
import { cancellationTests } from '../../helpers/cancellation.ts';
import { vmwareAria } from '../../helpers/reliability-rows.ts';

cancellationTests(vmwareAria);
