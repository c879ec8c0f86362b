/**
 * The zod schemas of CodeArts Pipeline's responses the adapter reads and of its run handle, one module
 * loaded on demand by `loadSchemas` (src/providers/shared.ts, `responseReader`). Unknown fields pass
 * but are not copied into the result (strip mode): the run detail is parsed hundreds of times a round in
 * a wide wait, and copying fields nobody reads was most of what a poll allocated.
 */
import { z } from 'zod';
import { handleSchemaOf, idMatching } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';
import { ID } from './ids.ts';

const text = z.string().nullish();

/** `{error_code, error_msg}`, or `{error: {code, message}}` on some calls; queued runs add ids in `error`. */
const errorFields = {
  error_code: text,
  error_msg: text,
  error: z.looseObject({ code: text, message: text, pipeline_run_id: text, queue_id: text }).nullish().catch(undefined),
};
export const errorBody = z.object(errorFields);
export type ErrorBody = z.infer<typeof errorBody>;

export const runResponse = errorBody.extend({ pipeline_run_id: text });
export type RunResponse = z.infer<typeof runResponse>;

export const batchRunResponse = errorBody.extend({
  result: z.array(z.looseObject({ pipeline_id: z.string(), pipeline_run_id: text })).nullish(),
});
export type BatchRunResponse = z.infer<typeof batchRunResponse>;

/** `id`s name a job's and a step's log (ShowPipelineLog); times are epoch milliseconds. */
const times = { id: text, start_time: z.number().nullish(), end_time: z.number().nullish() };
const step = z.object({ ...times, name: text, status: text, message: text });
const job = z.object({ ...times, name: text, status: text, message: text, steps: z.array(step).nullish() });
const stage = z.object({ ...times, name: text, status: text, jobs: z.array(job).nullish() });

export const runDetail = z.object({
  ...errorFields,
  id: text,
  pipeline_id: text,
  name: text,
  status: z.string(),
  run_number: z.number().nullish(),
  start_time: z.number().nullish(),
  end_time: z.number().nullish(),
  detail_url: text,
  stages: z.array(stage).nullish(),
});
export type RunDetail = z.infer<typeof runDetail>;
export type StageRun = z.infer<typeof stage>;

/** `ListPipelineRunsPage` (ListPipelineRuns): one page of a pipeline's runs, as the body's filter and order chose. */
export const pipelineRunsPage = errorBody.extend({
  total: z.number().nullish(),
  pipeline_runs: z
    .array(z.object({ pipeline_id: text, pipeline_run_id: z.string(), status: z.string(), start_time: z.number().nullish() }))
    .nullish(),
});
export type PipelineRunsPage = z.infer<typeof pipelineRunsPage>;

export const successResponse = errorBody.extend({ success: z.boolean().nullish() });

/** `PipelineVO` (ShowPipelineDetail), read by dry-run's check. */
export const pipelineDetail = errorBody.extend({ id: text, name: text });

/** One `stage_status_list` item of a PipelineLatestRun: the stage's name and status, no jobs. */
const stageStatus = z.object({ name: text, status: text, sequence: z.number().nullish() });

/** `PipelineLatestRun` (BatchShowPipelinesLatestStatus): a pipeline's latest run, whoever started it. */
export const pipelineLatestRun = z.object({
  pipeline_id: z.string(),
  pipeline_run_id: text,
  status: text,
  run_number: z.number().nullish(),
  detail_url: text,
  stage_status_list: z.array(stageStatus).nullish(),
});
export type PipelineLatestRun = z.infer<typeof pipelineLatestRun>;

export const pipelineLatestRuns = z.array(pipelineLatestRun);

/** `LogResult` (ShowPipelineLog): a page of a step's log; offsets are strings in the answer. */
export const logResult = errorBody.extend({
  log: text,
  has_more: z.boolean().nullish(),
  start_offset: z.union([z.string(), z.number()]).nullish(),
  end_offset: z.union([z.string(), z.number()]).nullish(),
});
export type LogResult = z.infer<typeof logResult>;

/**
 * A CodeArts run's handle: the pipeline run id is the run id. Handles of earlier versions may carry a
 * `queueId` that nothing read: zod drops it.
 */
const ID_WHAT = '32 letters and digits (a CodeArts id)';

export const codeArtsData = z.object({
  /** The CodeArts project the run belongs to: every later call names it in its path. */
  projectId: idMatching(ID, ID_WHAT),
});
export type CodeArtsData = z.infer<typeof codeArtsData>;
export type CodeArtsHandle = RunHandle<CodeArtsData>;

export const handleSchema = handleSchemaOf('huawei-codearts', codeArtsData, { pipeline: ID, runId: ID, what: ID_WHAT });
