/**
 * The providers' own logs of the runs (`logs`, `log-lines`, `logs-dir`): read live during the wait, or
 * once the runs ended, within budgets that leave the step time to end before the runner kills it.
 */
import type { LiveLogs } from '../live-logs.ts';
import { RemoteLogs } from '../remote-logs.ts';
import type { EngineOptions, RunRecord } from './types.ts';

/** Longest time spent reading logs once the runs ended. */
export const LOGS_BUDGET_MS = 30_000;
/** After a timeout the step is already late: logs get a few seconds more, not the full budget. */
export const TIMED_OUT_LOGS_MS = 5_000;
/** The runner sends SIGTERM 7.5 s after SIGINT: after a job cancellation, logs must be read before that. */
const CANCELLED_LOGS_UNTIL_MS = 6_000;
/** Less time than this left after the cancels: the logs are skipped. */
const CANCELLED_LOGS_MIN_MS = 1_500;

/** `logs: live` or `logs-dir`: the module loads only then (src/live-logs.ts). */
export async function liveLogs(opts: EngineOptions, started: RunRecord[]): Promise<LiveLogs | undefined> {
  const { mode, dir } = opts.logs ?? {};
  if (mode !== 'live' && dir === undefined) return undefined;
  const { startLiveLogs } = await import('../live-logs.ts');
  const runs = started.flatMap((r) => (r.handle ? [r.handle] : []));
  return startLiveLogs({ provider: opts.provider, runs, print: mode === 'live', dir, log: opts.log });
}

export function remoteLogs(opts: EngineOptions): RemoteLogs | undefined {
  if (!opts.logs || opts.logs.mode === 'none' || opts.provider.logs === undefined) return undefined;
  return new RemoteLogs({
    provider: opts.provider,
    mode: opts.logs.mode,
    maxLines: opts.logs.maxLines,
    log: opts.log,
    now: () => opts.clock.now(),
  });
}

/** When the job was cancelled, if it was. */
export function abortTime(opts: EngineOptions): { at(): number | undefined; dispose(): void } {
  let at: number | undefined;
  const onAbort = (): void => {
    at = opts.clock.now();
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });
  return { at: () => at, dispose: () => opts.signal?.removeEventListener('abort', onAbort) };
}

/**
 * Logs of runs that ended during the wait are read already; those a timeout or cancellation stopped
 * are read now, after their cancels went out. On job cancellation only if time is left.
 */
export async function finishLogs(
  opts: EngineOptions,
  logs: RemoteLogs,
  stopped: RunRecord[],
  budget: number,
  abortedAt: number | undefined,
): Promise<void> {
  let budgetMs = budget;
  if (abortedAt !== undefined) {
    budgetMs = abortedAt + CANCELLED_LOGS_UNTIL_MS - opts.clock.now();
    if (budgetMs < CANCELLED_LOGS_MIN_MS) {
      logs.skip();
      opts.log.info('provider logs skipped: the job is being cancelled, and cancelling the runs came first');
      return;
    }
  }
  await logs.finish(stopped, budgetMs, opts.signal);
}
