/**
 * A Feldera run's handle: the pipeline is the run (Feldera has no run object). What the start asked
 * for travels with it, so a wait in another step (the `runs` input) waits for the same state.
 */
import { z } from 'zod';
import { handleSchemaOf } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';
import { NAME, NAME_MAX } from './settings.ts';

/** The pipeline name is the run id; both follow Feldera's rule for names, as `pipeline-ids` does. */
const PIPELINE_NAME = new RegExp(`^(?=.{1,${NAME_MAX}}$)${NAME.source.slice(1)}`);

export const felderaData = z.object({
  /** The call that started it: `start`, or `activate` (a pipeline in standby). */
  operation: z.enum(['start', 'activate']),
  /** The requested state (`initial`): the deployment status that ends the wait. */
  initial: z.enum(['running', 'paused', 'standby']),
});
export type FelderaData = z.infer<typeof felderaData>;
export type FelderaHandle = RunHandle<FelderaData>;

export const handleSchema = handleSchemaOf('feldera', felderaData, {
  pipeline: PIPELINE_NAME,
  runId: PIPELINE_NAME,
  what: `a Feldera pipeline name (letters, digits, '-' and '_', at most ${NAME_MAX} characters)`,
});
