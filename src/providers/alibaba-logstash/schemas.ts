/**
 * The zod schemas of Alibaba's responses the adapter reads (unknown fields pass) and of its run handle,
 * one module loaded on demand by `loadSchemas` (src/providers/shared.ts, `responseReader`).
 */
import { z } from 'zod';
import { handleSchemaOf, idMatching } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';
import { CLIENT_TOKEN, INSTANCE_ID, PIPELINE_ID } from './ids.ts';

/** Alibaba's error body; the SDK also reads the lower-case spellings. */
export const errorBody = z.looseObject({
  Code: z.string().optional(),
  Message: z.string().optional(),
  RequestId: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
  requestId: z.string().optional(),
});

export const describeLogstash = z.looseObject({
  RequestId: z.string().optional(),
  Result: z.looseObject({ instanceId: z.string().optional(), status: z.string(), updatedAt: z.string().optional() }),
});
export type LogstashInstance = z.infer<typeof describeLogstash>['Result'];

export const pipelineItem = z.looseObject({
  pipelineId: z.string(),
  pipelineStatus: z.string(),
  gmtCreatedTime: z.string().optional(),
  gmtUpdateTime: z.string().optional(),
});
export type PipelineItem = z.infer<typeof pipelineItem>;

export const listPipeline = z.looseObject({
  RequestId: z.string().optional(),
  Headers: z.looseObject({ 'X-Total-Count': z.number().optional() }).optional(),
  Result: z.array(pipelineItem),
});

export const actionResult = z.looseObject({ RequestId: z.string().optional(), Result: z.boolean() });

export const logItem = z.looseObject({
  level: z.string().optional(),
  content: z.string().optional(),
  host: z.string().optional(),
  timestamp: z.number().optional(),
});
export const listLogstashLog = z.looseObject({ RequestId: z.string().optional(), Result: z.array(logItem) });
export type LogItem = z.infer<typeof logItem>;

/** STS AssumeRoleWithOIDC. */
export const assumeRoleResponse = z.looseObject({
  RequestId: z.string().optional(),
  Credentials: z.looseObject({
    AccessKeyId: z.string(),
    AccessKeySecret: z.string(),
    SecurityToken: z.string(),
    Expiration: z.string().optional(),
  }),
  AssumedRoleUser: z.looseObject({ Arn: z.string().optional() }).optional(),
});

/** The Actions OIDC token endpoint answers `{"value": "<jwt>"}`. */
export const idTokenResponse = z.looseObject({ value: z.string().min(1) });

/**
 * A Logstash deploy's handle: the pipeline id is the run id. The rest is what tells this deploy apart
 * from an earlier one and what a stop call needs.
 */
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
  // Handles of earlier versions may carry the trigger's `requestId`, which nothing read: zod drops it
  // (the step's `request-id` output carries it).
});
export type LogstashData = z.infer<typeof logstashData>;
export type LogstashHandle = RunHandle<LogstashData>;

export const handleSchema = handleSchemaOf('alibaba-logstash', logstashData, {
  pipeline: PIPELINE_ID,
  runId: PIPELINE_ID,
  what: "a Logstash pipeline id (letters, digits, '_' and '-')",
});
