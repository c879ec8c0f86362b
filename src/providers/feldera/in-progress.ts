/**
 * Feldera's runs in progress (`if-running`): Feldera has no run object, so a pipeline whose deployment
 * is under way or up (desired status other than `Stopped`: the combined
 * `deployment_desired_status` of the API description) is the run in progress. Stopped again (status and desired status `Stopped`) it has ended.
 */
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import type { FoundRun, InProgressRuns, RunHandle } from '../types.ts';
import type { FelderaClient } from './client.ts';
import type { FelderaData } from './schemas.ts';

export function felderaInProgress(
  client: FelderaClient,
  operation: FelderaData['operation'],
  handle: (pipeline: string) => RunHandle<FelderaData>,
): InProgressRuns<FelderaData> {
  const found = async (pipeline: string): Promise<FoundRun<FelderaData> | undefined> => {
    const p = await client.status(pipeline);
    const desired = p.deployment_desired_status;
    // A pipeline resting in standby is what `operation: activate` acts on, not a run in progress.
    if (desired === 'Stopped' || (operation === 'activate' && desired === 'Standby')) return undefined;
    return { handle: handle(pipeline), status: `${p.deployment_status} (desired ${desired})` };
  };
  return {
    list: (pipelines) => mapConcurrent(pipelines, FAN_OUT_LIMIT, found),
    // The stop (`/stop?force=true`) sets the desired status to Stopped at once; the deployment is gone when the status follows.
    ended: async (run) => {
      const p = await client.status(run.pipeline);
      return p.deployment_status === 'Stopped' && p.deployment_desired_status === 'Stopped';
    },
  };
}
