/**
 * A Logstash deploy's handle: the pipeline id is the run id. The rest is what tells this deploy apart
 * from an earlier one and what a stop call needs.
 */
import { z } from 'zod';
import { handleSchemaOf, idMatching } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';
import { CLIENT_TOKEN, INSTANCE_ID, PIPELINE_ID } from './settings.ts';

export const logstashData = z.object({
  instanceId: idMatching(INSTANCE_ID, 'a Logstash instance id (letters, digits and "-")'),
  /** The RunPipelines ClientToken; follow-up calls derive their own tokens from it. */
  clientToken: idMatching(CLIENT_TOKEN, 'at most 64 letters, digits, ".", "_" or "-"'),
  /** When RunPipelines was sent (epoch ms): the error log is searched from shortly before it. */
  triggeredAt: z.number(),
  /** The pipeline's `gmtUpdateTime` just before the trigger; a new one shows this deploy happened. */
  updatedBefore: z.string().optional(),
  /**
   * The pipeline's status just before the trigger (added later: handles from older versions lack it
   * and are read as before). A wait in a later job names it when the deploy left it NOT_DEPLOYED.
   */
  statusBefore: z.string().optional(),
  requestId: z.string().optional(),
});
export type LogstashData = z.infer<typeof logstashData>;
export type LogstashHandle = RunHandle<LogstashData>;

export const handleSchema = handleSchemaOf('alibaba-logstash', logstashData, {
  pipeline: PIPELINE_ID,
  runId: PIPELINE_ID,
  what: "a Logstash pipeline id (letters, digits, '_' and '-')",
});
