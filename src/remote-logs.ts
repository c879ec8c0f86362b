/**
 * The providers' own logs of ended runs, in the job log: which runs (the `logs` input), the last
 * `log-lines` lines of each, each log in its own inert group. Logs are read a few at a time and each
 * is printed as soon as it has been read, so memory holds only the tails of the logs being read,
 * never the logs of every run.
 */
import { mapConcurrent } from './concurrency.ts';
import { errorMessage } from './errors.ts';
import type { Logger } from './log.ts';
import type { EndedRun, LogSource, Provider, RunHandle } from './providers/types.ts';

export type LogsMode = 'failed' | 'all' | 'none';

export interface LoggedRun {
  handle?: RunHandle | undefined;
  conclusion: string;
  startedAt: number;
  finishedAt?: number | undefined;
}

export interface RemoteLogOptions {
  provider: Provider;
  runs: readonly LoggedRun[];
  mode: LogsMode;
  maxLines: number;
  log: Logger;
  /** How long all reads together may take, in milliseconds; a read still going then is cut off. */
  budgetMs: number;
  now: () => number;
  /** The job's cancellation: reading stops at once. */
  signal?: AbortSignal;
}

/** A line longer than this is cut: one runaway line must not hold megabytes. */
export const MAX_LINE_CHARS = 2000;
/** Lines held at once across the logs being read, so memory stays bounded whatever `log-lines` is. */
const LINES_IN_FLIGHT = 20_000;
/** Logs read at once at most (a Feldera log costs an idle pause, so reading many at once saves time). */
const MAX_PARALLEL = 64;

/** `failed`: every run that did not succeed (failed, timed out, cancelled, never started). */
export function wantsLog(mode: LogsMode, conclusion: string): boolean {
  if (mode === 'none') return false;
  if (mode === 'all') return true;
  return conclusion !== 'success' && conclusion !== 'triggered';
}

export async function printRemoteLogs(o: RemoteLogOptions): Promise<void> {
  if (o.mode === 'none' || o.provider.logs === undefined) return;
  const ended: EndedRun[] = o.runs.flatMap((r) =>
    r.handle !== undefined && wantsLog(o.mode, r.conclusion)
      ? [{ handle: r.handle, startedAt: r.startedAt, finishedAt: r.finishedAt ?? o.now() }]
      : [],
  );
  if (ended.length === 0) return;
  const sources = o.provider.logs(ended);
  const parallel = Math.max(1, Math.min(MAX_PARALLEL, Math.floor(LINES_IN_FLIGHT / o.maxLines)));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('time for reading logs ran out')), Math.max(0, o.budgetMs));
  const onCancel = (): void => controller.abort(new Error('the job is being cancelled'));
  o.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    await mapConcurrent(sources, parallel, (s) => readAndPrint(s, o, controller.signal));
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onCancel);
  }
}

/** Keeps the last `size` lines pushed into it, and counts the ones it let go. */
export class TailBuffer {
  private readonly ring: string[] = [];
  private start = 0;
  dropped = 0;
  private readonly size: number;
  constructor(size: number) {
    this.size = size;
  }

  push(line: string): void {
    const kept = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)} [line cut]` : line;
    if (this.ring.length < this.size) {
      this.ring.push(kept);
      return;
    }
    this.ring[this.start] = kept;
    this.start = (this.start + 1) % this.size;
    this.dropped++;
  }

  lines(): string[] {
    return [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }
}

async function readAndPrint(source: LogSource, o: RemoteLogOptions, signal: AbortSignal): Promise<void> {
  if (signal.aborted) {
    o.log.warning(`log not read: ${errorMessage(signal.reason)}`, source.title);
    return;
  }
  const tail = new TailBuffer(o.maxLines);
  let failure: unknown;
  try {
    // A read that ignores the signal is left behind, not waited for: the budget is a promise to the step.
    await untilAborted(
      source.read((line) => tail.push(line), signal),
      signal,
    );
  } catch (err) {
    failure = err;
  }
  const lines = tail.lines();
  if (tail.dropped > 0) lines.unshift(`(${tail.dropped} earlier line(s) not shown: log-lines is ${o.maxLines})`);
  if (lines.length > 0 || failure === undefined) print(o.log, source.title, lines.length > 0 ? lines : ['(the log is empty)']);
  if (failure !== undefined) o.log.warning(`could not read the whole log: ${errorMessage(failure)}`, source.title);
}

/** Settles with `work`, or rejects as soon as `signal` aborts; the listener goes when either happens. */
function untilAborted(work: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) return fail();
    signal.addEventListener('abort', fail, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', fail));
  });
}

function print(log: Logger, title: string, lines: string[]): void {
  if (log.block) return log.block(title, lines);
  log.info(`--- ${title}`);
  for (const l of lines) log.info(`  ${l}`);
}
