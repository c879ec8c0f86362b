/** Cancellation and the post step for huawei-codearts (the tests: __tests__/helpers/cancellation.ts). */
import { cancellationTests } from '../../helpers/cancellation.ts';
import { huaweiCodeArts } from '../../helpers/reliability-rows.ts';

cancellationTests(huaweiCodeArts);
