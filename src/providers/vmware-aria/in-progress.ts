/**
 * Aria's runs in progress (`if-running`): each pipeline's newest execution in an in-progress status,
 * read with the list operation's OData `$filter` and `$orderby` (getExecutionsByIdUsingGET in
 * __fixtures__/aria-codestream-swagger.json; vmware-archive/code-stream-cli lists the same way, with
 * `$filter=(status eq '…')` and `$orderby=_requestTimeInMicros desc`).
 */
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import type { FoundRun, InProgressRuns, RunHandle } from '../types.ts';
import type { AriaClient, PipelineRef } from './client.ts';
import type { AriaData } from './schemas.ts';
import { IN_PROGRESS } from './status.ts';

/** `(status eq 'QUEUED') or (status eq 'RUNNING') or …`: every status the step waits through. */
export const IN_PROGRESS_FILTER = [...IN_PROGRESS].map((s) => `(status eq '${s}')`).join(' or ');

export interface AriaRuns {
  client: AriaClient;
  ref(pipeline: string): PipelineRef;
  /** The handle of an execution, as the trigger builds it (absolute link, index). */
  handle(pipeline: string, executionId: string, link: string | undefined, index: number | undefined): RunHandle<AriaData>;
}

export function ariaInProgress(parts: AriaRuns): InProgressRuns<AriaData> {
  return {
    list: (pipelines) => mapConcurrent(pipelines, FAN_OUT_LIMIT, (p) => newestInProgress(parts, p)),
  };
}

async function newestInProgress(parts: AriaRuns, pipeline: string): Promise<FoundRun<AriaData> | undefined> {
  const page = await parts.client.executions(parts.ref(pipeline), {
    $filter: IN_PROGRESS_FILTER,
    $orderby: '_requestTimeInMicros desc',
    $top: '1',
  });
  // The server filters; the status is checked again so an older server that ignores `$filter` cannot
  // make a finished execution look in progress.
  const e = Object.values(page.documents ?? {}).find((d) => IN_PROGRESS.has(d.status));
  if (e === undefined) return undefined;
  return { handle: parts.handle(pipeline, e.id, e._link, e.index), status: e.status };
}
