/**
 * A Feldera run's handle: the pipeline is the run (Feldera has no run object). What the start asked
 * for travels with it, so a wait in another step (the `runs` input) waits for the same state.
 */
import { z } from 'zod';
import { handleSchemaOf } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';

export const felderaData = z.object({
  /** The call that started it: `start`, or `activate` (a pipeline in standby). */
  operation: z.enum(['start', 'activate']),
  /** The requested state (`initial`): the deployment status that ends the wait. */
  initial: z.enum(['running', 'paused', 'standby']),
});
export type FelderaData = z.infer<typeof felderaData>;
export type FelderaHandle = RunHandle<FelderaData>;

export const handleSchema = handleSchemaOf('feldera', felderaData);
