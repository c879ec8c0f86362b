/** A CodeArts run's handle: the pipeline run id is the run id; a queued start also names its queue entry. */
import { z } from 'zod';
import { handleSchemaOf } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';

export const codeArtsData = z.object({
  /** The CodeArts project the run belongs to: every later call names it in its path. */
  projectId: z.string().min(1),
  /** Set when the start was queued behind a concurrency limit (DEVPIPE.00011169/70). */
  queueId: z.string().optional(),
});
export type CodeArtsData = z.infer<typeof codeArtsData>;
export type CodeArtsHandle = RunHandle<CodeArtsData>;

export const handleSchema = handleSchemaOf('huawei-codearts', codeArtsData);
