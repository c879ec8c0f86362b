/**
 * A Logstash deploy's handle: the pipeline id is the run id. The rest is what tells this deploy apart
 * from an earlier one and what a stop call needs.
 */
import { z } from 'zod';
import { handleSchemaOf } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';

export const logstashData = z.object({
  instanceId: z.string().min(1),
  /** The RunPipelines ClientToken; follow-up calls derive their own tokens from it. */
  clientToken: z.string().min(1),
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

export const handleSchema = handleSchemaOf('alibaba-logstash', logstashData);
