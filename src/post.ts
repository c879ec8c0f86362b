/**
 * The post step: the backstop when the job was cancelled before main could cancel what it started.
 * It cancels only runs main neither saw end nor cancelled, checks each is still going first, and
 * only ever warns: cleanup must not fail a job.
 */
import * as core from '@actions/core';
import { errorMessage } from './errors.ts';
import { githubWorkflowContext } from './github-context.ts';
import { coreLogger, registerSecret } from './log.ts';
import { prepareStep, type PreparedStep } from './setup.ts';
import { parseEach, readSavedState } from './saved-state.ts';

export async function post(): Promise<void> {
  const state = readSavedState();
  const unfinished = state.runs.filter((r) => !state.ended.has(r.runId));
  if (state.completed) return;
  if (state.unreadable > 0) coreLogger.warning(`${state.unreadable} saved run(s) could not be read and are left alone`);
  if (unfinished.length === 0) return;
  let step: PreparedStep | undefined;
  try {
    step = await prepareStep({
      inputs: (n) => core.getInput(n),
      env: process.env,
      log: coreLogger,
      secret: registerSecret,
      workflow: githubWorkflowContext(),
    });
    if (!step.cancelOnAbort) {
      coreLogger.info(`${unfinished.length} run(s) may still be going; cancel-on-abort is off, so they are left alone`);
      return;
    }
    // The provider's own schema reads each handle's data back; a handle it refuses is left alone.
    const { parsed: open, refused } = parseEach((await step.adapter.loadSchemas()).handleSchema, unfinished);
    if (refused > 0)
      coreLogger.warning(`${refused} saved run(s) do not match the ${step.settings.provider} handle and are left alone`);
    const seen = await step.provider.observe(open);
    // A run whose state cannot be read is left alone: it may have finished, and a finished run is never cancelled.
    const stillGoing = open.filter((run, i) => {
      const o = seen[i];
      if (o instanceof Error)
        coreLogger.warning(`run ${run.runId} left alone: its status could not be read (${errorMessage(o)})`, run.pipeline);
      return o !== undefined && !(o instanceof Error) && o.phase === 'pending';
    });
    const { provider } = step;
    await Promise.all(
      stillGoing.map(async (run) => {
        try {
          await provider.cancel(run);
          coreLogger.info(`${run.pipeline}: cancelled run ${run.runId} left running by the cancelled job`);
        } catch (err) {
          coreLogger.warning(`could not cancel run ${run.runId} of ${run.pipeline}: ${errorMessage(err)}`);
        }
      }),
    );
  } catch (err) {
    coreLogger.warning(`post step: ${errorMessage(err)}`);
  } finally {
    // Also when cancel-on-abort is off or a request threw: an open client would hold the step open.
    await step?.http.close().catch(() => undefined);
  }
}
