/**
 * The parts of Feldera's responses the adapter reads, validated with zod. Unknown fields pass: error
 * bodies keep them (they are reported), the polled status drops them (it is parsed hundreds of times a
 * round, and copying fields nobody reads was the largest allocation of a wide wait).
 */
import { z } from 'zod';

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

const compileMessages = z
  .looseObject({
    messages: z.array(z.looseObject({ message: z.string().optional(), start_line_number: z.number().optional() })).optional(),
  })
  .nullish();

export const pipelineWithProgramError = pipelineStatus.extend({
  program_error: z
    .looseObject({
      sql_compilation: compileMessages,
      rust_compilation: z.looseObject({ stderr: z.string().optional(), exit_code: z.number().optional() }).nullish(),
      system_error: nullableString,
    })
    .nullish(),
});
export type PipelineWithProgramError = z.infer<typeof pipelineWithProgramError>;
