/**
 * CodeArts' runs in progress (`if-running`): ListPipelineRuns (`POST …/pipelines/{id}/pipeline-runs/list`,
 * __fixtures__/huawei-codearts-pipeline.json) with `status` RUNNING, PAUSED and SUSPEND, the run
 * statuses of the description that are neither an end nor a queue, newest start first.
 */
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import type { FoundRun, InProgressRuns, RunHandle } from '../types.ts';
import type { CodeArtsClient } from './client.ts';
import type { CodeArtsData } from './schemas.ts';

export const IN_PROGRESS_STATUSES = ['RUNNING', 'PAUSED', 'SUSPEND'] as const;

export function codeArtsInProgress(
  client: CodeArtsClient,
  handle: (pipeline: string, runId: string) => RunHandle<CodeArtsData>,
): InProgressRuns<CodeArtsData> {
  const newest = async (pipeline: string): Promise<FoundRun<CodeArtsData> | undefined> => {
    const page = await client.listRuns(pipeline, {
      status: IN_PROGRESS_STATUSES,
      sort_key: 'start_time',
      sort_dir: 'desc',
      offset: 0,
      limit: 1,
    });
    // Checked again in case a server ignores the filter: a finished run is never "in progress".
    const run = (page.pipeline_runs ?? []).find((r) => (IN_PROGRESS_STATUSES as readonly string[]).includes(r.status));
    return run ? { handle: handle(pipeline, run.pipeline_run_id), status: run.status } : undefined;
  };
  return { list: (pipelines) => mapConcurrent(pipelines, FAN_OUT_LIMIT, newest) };
}
