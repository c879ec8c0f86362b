/** An Aria run's handle: the execution id is the run id, and its index travels for the step outputs. */
import { z } from 'zod';
import { handleSchemaOf } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';

/**
 * An execution id as Code Stream gives it (a UUID); the pipeline is an id or project/name as the
 * `pipeline-ids` input takes it (its parts are encoded into paths).
 */
const EXECUTION_ID = /^[A-Za-z0-9-]{1,128}$/;
const PIPELINE_REF = /^[^/]+(\/[^/]+)?$/;

export const ariaData = z.object({
  /** The execution's number within its pipeline, when the execute call returned it. */
  executionIndex: z.number().int().nullable(),
});
export type AriaData = z.infer<typeof ariaData>;
export type AriaHandle = RunHandle<AriaData>;

export const handleSchema = handleSchemaOf('vmware-aria', ariaData, {
  pipeline: PIPELINE_REF,
  runId: EXECUTION_ID,
  what: 'an Aria pipeline id or project/name, and an execution id (letters, digits and "-")',
});
