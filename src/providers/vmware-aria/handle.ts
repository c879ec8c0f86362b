/** An Aria run's handle: the execution id is the run id, and its index travels for the step outputs. */
import { z } from 'zod';
import { handleSchemaOf } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';

export const ariaData = z.object({
  /** The execution's number within its pipeline, when the execute call returned it. */
  executionIndex: z.number().int().nullable(),
});
export type AriaData = z.infer<typeof ariaData>;
export type AriaHandle = RunHandle<AriaData>;

export const handleSchema = handleSchemaOf('vmware-aria', ariaData);
