/** The parts of Alibaba's responses the adapter reads, validated with zod (unknown fields pass). */
import { z } from 'zod';

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
