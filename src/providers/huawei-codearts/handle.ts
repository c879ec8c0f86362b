/** A CodeArts run's handle: the pipeline run id is the run id; a queued start also names its queue entry. */
import { z } from 'zod';
import { handleSchemaOf, idMatching } from '../handle-schema.ts';
import type { RunHandle } from '../types.ts';
import { ID } from './settings.ts';

const ID_WHAT = '32 letters and digits (a CodeArts id)';
/** Queue entries are not described anywhere; a guess that keeps them a plain token. */
const QUEUE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const codeArtsData = z.object({
  /** The CodeArts project the run belongs to: every later call names it in its path. */
  projectId: idMatching(ID, ID_WHAT),
  /** Set when the start was queued behind a concurrency limit (DEVPIPE.00011169/70). */
  queueId: idMatching(QUEUE_ID, 'letters, digits, "_" or "-"').optional(),
});
export type CodeArtsData = z.infer<typeof codeArtsData>;
export type CodeArtsHandle = RunHandle<CodeArtsData>;

export const handleSchema = handleSchemaOf('huawei-codearts', codeArtsData, { pipeline: ID, runId: ID, what: ID_WHAT });
