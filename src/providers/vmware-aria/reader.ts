/**
 * Aria's response schemas, with zod, loaded when a response is first read: no request waits for them
 * to compile (docs/performance.md).
 */
import { responseReader } from '../shared.ts';

export const { schemas, read } = responseReader(() => import('./schemas.ts'));
export { schemas as loadSchemas };
