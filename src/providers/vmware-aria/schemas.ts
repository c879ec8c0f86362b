/**
 * The zod schemas of Code Stream's and the login services' responses the adapter reads and of its run
 * handle, one module loaded on demand by `loadSchemas` (src/providers/shared.ts, `responseReader`).
 * Unknown fields pass: the published description's own examples break its schemas, so nothing here
 * is stricter than what the adapter needs.
 */
import { z } from 'zod';
import { handleSchemaOf } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';
import { EXECUTION_ID, PIPELINE_REF } from './ids.ts';

/** `ExecutionResponse` of the execute calls (200 or 202). */
export const executionResponse = z.looseObject({
  executionId: z.string().min(1),
  executionIndex: z.number().int().optional(),
  executionLink: z.string().optional(),
});
export type ExecutionResponse = z.infer<typeof executionResponse>;

const taskExecution = z.looseObject({
  name: z.string().optional(),
  type: z.string().optional(),
  status: z.string().optional(),
  statusMessage: z.string().nullish(),
  failureMessage: z.string().nullish(),
  ignoreFailure: z.boolean().optional(),
  /** The task's results (a CI task's jobUrl, a REST task's response); printed for failed tasks. */
  output: z.unknown().optional(),
});
export type TaskExecution = z.infer<typeof taskExecution>;

const stageExecution = z.looseObject({
  name: z.string().optional(),
  status: z.string().optional(),
  /** Microseconds since the epoch. */
  _startTime: z.number().nullish(),
  _endTime: z.number().nullish(),
  statusMessage: z.string().nullish(),
  taskOrder: z.array(z.string()).optional(),
  tasks: z.record(z.string(), taskExecution).nullish(),
});
export type StageExecution = z.infer<typeof stageExecution>;

/** `Execution` (GET /codestream/api/executions/{id}). */
export const execution = z.looseObject({
  id: z.string(),
  index: z.number().int().optional(),
  name: z.string().optional(),
  project: z.string().optional(),
  status: z.string(),
  statusMessage: z.string().nullish(),
  reason: z.string().nullish(),
  output: z.record(z.string(), z.unknown()).nullish(),
  stageOrder: z.array(z.string()).optional(),
  stages: z.record(z.string(), stageExecution).nullish(),
  /** Logs of the CI workspace's own steps (Git clone, container creation). */
  workspaceResults: z
    .array(z.looseObject({ step: z.string().nullish(), status: z.string().nullish(), logs: z.array(z.string()).nullish() }))
    .nullish(),
  _link: z.string().optional(),
});
export type Execution = z.infer<typeof execution>;

/** `Executions` (GET /codestream/api/pipelines/{id}/executions): one page, `documents` keyed by execution link. */
export const executionPage = z.looseObject({
  count: z.number().int().optional(),
  documents: z
    .record(
      z.string(),
      z.looseObject({ id: z.string(), status: z.string(), index: z.number().int().optional(), _link: z.string().optional() }),
    )
    .nullish(),
});
export type ExecutionPage = z.infer<typeof executionPage>;

/** `AuthResponse` of `POST /iaas/api/login`. */
export const iaasLoginResponse = z.looseObject({ tokenType: z.string().optional(), token: z.string().min(1) });

/** The on-premises identity service's login answer; only the refresh token is used. */
export const cspLoginResponse = z.looseObject({ refresh_token: z.string().min(1) });

/**
 * Error bodies as the services send them (none is in the description): Code Stream
 * `{status, error, message, requestId}`, IaaS `ServiceErrorResponse {message, messageId, errorCode}`,
 * identity service `{status, error, serverMessage}`.
 */
export const errorBody = z.looseObject({
  message: z.string().optional(),
  error: z.string().optional(),
  errorCode: z.union([z.string(), z.number()]).optional(),
  messageId: z.string().optional(),
  serverMessage: z.string().optional(),
  requestId: z.string().optional(),
});

/** `Pipeline` (GET /codestream/api/pipelines/{id} or /{project}/{name}), read by dry-run's check. */
export const pipeline = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  project: z.string().optional(),
  enabled: z.boolean().optional(),
});
export type Pipeline = z.infer<typeof pipeline>;

/** An Aria run's handle: the execution id is the run id, and its index travels for the step outputs. */

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
