/**
 * The zod schemas of Feldera's responses the adapter reads and of its run handle, one module loaded
 * on demand by `loadSchemas` (src/providers/shared.ts, `responseReader`). Unknown fields pass: error
 * bodies keep them (they are reported), the polled status drops them (it is parsed hundreds of times a
 * round, and copying fields nobody reads was the largest allocation of a wide wait).
 */
import { z } from 'zod';
import { handleSchemaOf } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';
import { NAME, NAME_MAX } from './ids.ts';

export const errorResponse = z.looseObject({
  message: z.string(),
  error_code: z.string(),
  details: z.unknown().optional(),
});
export type FelderaErrorBody = z.infer<typeof errorResponse>;

const nullableString = z.string().nullish();

export const pipelineStatus = z.object({
  id: z.string().optional(),
  name: z.string(),
  deployment_status: z.string(),
  deployment_desired_status: z.string(),
  deployment_error: errorResponse.nullish(),
  deployment_id: nullableString,
  deployment_initial: nullableString,
  program_status: z.string(),
  deployment_runtime_status_details: z.unknown().optional(),
});
export type PipelineStatus = z.infer<typeof pipelineStatus>;

/** `GET /v0/pipelines?selector=status`: every pipeline of the tenant. */
export const pipelineList = z.array(pipelineStatus);

/** One SQL compiler message (program.rs `SqlCompilerMessage`): errors and warnings alike. */
const sqlMessage = z.looseObject({
  message: z.string().optional(),
  start_line_number: z.number().optional(),
  start_column: z.number().optional(),
  warning: z.boolean().optional(),
  error_type: z.string().optional(),
  snippet: z.string().nullish(),
});
export type SqlMessage = z.infer<typeof sqlMessage>;

export const pipelineWithProgramError = pipelineStatus.extend({
  program_error: z
    .looseObject({
      sql_compilation: z.looseObject({ messages: z.array(sqlMessage).optional() }).nullish(),
      rust_compilation: z.looseObject({ stderr: z.string().optional(), exit_code: z.number().optional() }).nullish(),
      system_error: nullableString,
    })
    .nullish(),
});
export type PipelineWithProgramError = z.infer<typeof pipelineWithProgramError>;

const names = z.array(z.string()).optional();

/** `approval_diff` (feldera-types pipeline_diff.rs `PipelineDiff`); the API types it as any JSON. */
export const approvalDiff = z.looseObject({
  program_diff: z
    .looseObject({
      added_tables: names,
      removed_tables: names,
      modified_tables: names,
      added_views: names,
      removed_views: names,
      modified_views: names,
    })
    .nullish(),
  program_diff_error: nullableString,
  added_input_connectors: names,
  modified_input_connectors: names,
  removed_input_connectors: names,
  added_output_connectors: names,
  modified_output_connectors: names,
  removed_output_connectors: names,
});
export type ApprovalDiff = z.infer<typeof approvalDiff>;

/** `deployment_runtime_status_details` (runtime_status.rs `RuntimeStatusDetails`). */
export const runtimeStatusDetails = z.looseObject({ reason: nullableString, approval_diff: z.unknown().optional() });

/** `GET /v0/config/session`: the caller's role in the acting tenant, null when none was resolved. */
export const sessionInfo = z.looseObject({ role: z.string().nullish() });

/**
 * A Feldera run's handle: the pipeline is the run (Feldera has no run object). What the start asked
 * for travels with it, so a wait in another step (the `runs` input) waits for the same state.
 */
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
