/**
 * Aria's schemas.ts, loaded on demand: its adapter's `loadSchemas` (`responseReader`,
 * src/providers/shared.ts), shared by client.ts, auth.ts and errors.ts.
 */
import { responseReader } from '../shared.ts';

export const { schemas, read } = responseReader(() => import('./schemas.ts'));
export { schemas as loadSchemas };
