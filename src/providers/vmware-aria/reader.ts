/**
 * Aria's response schemas, with zod, loaded when a response is first read: no request waits for them
 * to compile (docs/performance.md).
 */
import { responseReader } from '../shared.ts';

export const { models, read } = responseReader(() => import('./models.ts'));
export { models as loadModels };
