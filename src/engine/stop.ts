/** The end of a wait cut short: what a timeout or a job cancellation makes of the runs still under way. */
import { errorMessage } from '../errors.ts';
import { formatDuration } from '../parse.ts';
import type { PollEnd } from '../poll.ts';
import { redactSecrets } from '../secrets.ts';
import type { Conclusion, EngineOptions, RunRecord } from './types.ts';

/** Marks the unfinished runs timed out or cancelled and, with `cancel-on-abort`, cancels the ones this step started. */
export async function stopUnfinished(
  opts: EngineOptions,
  pending: RunRecord[],
  end: PollEnd,
  pollErrors: Map<RunRecord, string>,
): Promise<void> {
  const conclusion: Conclusion = end === 'timeout' ? 'timed_out' : 'cancelled';
  const now = opts.clock.now();
  for (const r of pending) {
    r.conclusion = conclusion;
    r.finishedAt = now;
    const lastError = pollErrors.get(r);
    r.message =
      (end === 'timeout'
        ? `still ${r.status}${r.progress ? ` (${r.progress})` : ''} when the timeout of ${formatDuration(opts.timeoutMs)} ran out`
        : 'the job was cancelled') + (lastError ? `; the last status check failed: ${redactSecrets(lastError)}` : '');
    if (end === 'timeout') opts.log.error(r.message, r.pipeline);
  }
  // A run found in progress and waited for (if-running: wait) belongs to whoever started it.
  const ours = pending.filter((r) => !r.adopted);
  for (const r of pending)
    if (r.adopted && opts.cancelOnAbort)
      opts.log.info(`${r.pipeline}: run ${r.handle?.runId ?? ''} left running: this step did not start it`);
  if (!opts.cancelOnAbort || ours.length === 0) return;
  await cancelRuns(opts, ours);
}

/** Cancels runs in parallel, giving up after the budget: the runner kills the step soon after a signal. */
async function cancelRuns(opts: EngineOptions, records: RunRecord[]): Promise<void> {
  const budget = opts.cancelBudgetMs ?? 5000;
  const unsettled = new Set(records.filter((r) => r.handle));
  const cancels = records.map(async (r) => {
    if (!r.handle) return;
    try {
      await opts.provider.cancel(r.handle);
      r.message = `${r.message ?? ''}; cancelled run ${r.handle.runId}`;
      opts.log.info(`${r.pipeline}: cancelled run ${r.handle.runId}`);
      opts.onRunFinished?.(r);
    } catch (err) {
      if (unsettled.has(r)) opts.log.warning(`could not cancel run ${r.handle.runId}: ${errorMessage(err)}`, r.pipeline);
    } finally {
      unsettled.delete(r);
    }
  });
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budget);
  });
  await Promise.race([Promise.all(cancels), giveUp]);
  clearTimeout(timer);
  // The rest are abandoned (the post step tries them again): say so once, and not again when they fail late.
  for (const r of [...unsettled]) {
    unsettled.delete(r);
    opts.log.warning(
      `cancel of run ${r.handle?.runId ?? ''} got no answer within ${formatDuration(budget)}; the post step will retry it`,
      r.pipeline,
    );
  }
}
