/**
 * The providers' own logs of ended runs, in the job log: which runs (the `logs` input), the last
 * `log-lines` lines of each, each log in its own inert group. Logs are read a few at a time and each
 * is printed as soon as it has been read, so memory holds only the tails of the logs being read,
 * never the logs of every run.
 */
import { errorMessage } from './errors.ts';
import type { Logger } from './log.ts';
import type { EndedRun, LogSource, Provider, RunHandle } from './providers/types.ts';
import { cutLogLine, MAX_LINE_CHARS } from './remote-line-limit.ts';

export { MAX_LINE_CHARS };

export type LogsMode = 'failed' | 'all' | 'live' | 'none';

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

/** Lines held at once across the logs being read, so memory stays bounded whatever `log-lines` is. */
const LINES_IN_FLIGHT = 20_000;
/** Logs read at once at most (a Feldera log costs an idle pause, so reading many at once saves time). */
const MAX_PARALLEL = 64;

/** `failed`: every run that did not succeed (failed, timed out, cancelled, never started). */
export function wantsLog(mode: LogsMode, conclusion: string): boolean {
  // `live` printed the lines as they came: nothing is printed again at the end.
  if (mode === 'none' || mode === 'live') return false;
  if (mode === 'all') return true;
  return conclusion !== 'success' && conclusion !== 'triggered';
}

/**
 * Reads the logs of runs as they end, a few at a time, and prints each once read. A run that ends
 * while others are still going has its log read at once, alongside the wait; runs stopped by a
 * timeout or a job cancellation are handed over by `finish`, after their cancels went out. A
 * provider whose log belongs to the whole step (`logScope: 'step'`) is read once, in `finish`.
 */
export class RemoteLogs {
  private readonly options: Omit<RemoteLogOptions, 'runs' | 'budgetMs' | 'signal'>;
  private readonly parallel: number;
  private readonly controller = new AbortController();
  /** Runs that ended in this turn of the event loop: handed to the provider together. */
  private batch: EndedRun[] = [];
  private batchTimer: NodeJS.Immediate | undefined;
  private readonly atEnd: EndedRun[] = [];
  private readonly queue: LogSource[] = [];
  private readonly reading = new Set<Promise<void>>();
  private skipped = false;

  constructor(options: Omit<RemoteLogOptions, 'runs' | 'budgetMs' | 'signal'>) {
    this.options = options;
    this.parallel = Math.max(1, Math.min(MAX_PARALLEL, Math.floor(LINES_IN_FLIGHT / options.maxLines)));
  }

  /** A run reached its end; its log is read soon if `logs` asks for it. */
  ended(run: LoggedRun): void {
    const ended = this.select(run);
    if (ended === undefined) return;
    if (this.options.provider.logScope === 'step') return void this.atEnd.push(ended);
    this.batch.push(ended);
    this.batchTimer ??= setImmediate(() => this.flush());
  }

  /**
   * Reads the logs of `stopped` (runs a timeout or cancellation ended) and of everything still
   * waiting, and returns once every log was printed or `budgetMs` ran out (or `signal` aborted).
   */
  async finish(stopped: readonly LoggedRun[], budgetMs: number, signal?: AbortSignal): Promise<void> {
    for (const r of stopped) {
      const ended = this.select(r);
      if (ended) this.batch.push(ended);
    }
    this.batch.push(...this.atEnd.splice(0));
    this.flush();
    const timer = setTimeout(() => this.controller.abort(new Error('time for reading logs ran out')), Math.max(0, budgetMs));
    const onCancel = (): void => this.controller.abort(new Error('the job is being cancelled'));
    signal?.addEventListener('abort', onCancel, { once: true });
    try {
      while (this.reading.size > 0) await Promise.all(this.reading);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
    }
  }

  /** Drops whatever is not read yet, quietly: on job cancellation with no time left. */
  skip(): void {
    this.skipped = true;
    this.queue.length = 0;
    this.batch = [];
    if (this.batchTimer) clearImmediate(this.batchTimer);
    this.controller.abort(new Error('skipped'));
  }

  private select(r: LoggedRun): EndedRun | undefined {
    if (this.skipped || r.handle === undefined || !wantsLog(this.options.mode, r.conclusion)) return undefined;
    return { handle: r.handle, startedAt: r.startedAt, finishedAt: r.finishedAt ?? this.options.now() };
  }

  private flush(): void {
    if (this.batchTimer) clearImmediate(this.batchTimer);
    this.batchTimer = undefined;
    const runs = this.batch;
    this.batch = [];
    if (runs.length === 0 || this.skipped) return;
    try {
      this.queue.push(...(this.options.provider.logs?.(runs) ?? []));
    } catch (err) {
      this.options.log.warning(`could not read the provider's logs: ${errorMessage(err)}`);
    }
    this.pump();
  }

  private pump(): void {
    while (this.reading.size < this.parallel && this.queue.length > 0) {
      const source = this.queue.shift() as LogSource;
      const read: Promise<void> = readAndPrint(source, this.options, this.controller.signal, () => this.skipped).finally(() => {
        this.reading.delete(read);
        this.pump();
      });
      this.reading.add(read);
    }
  }
}

/** Every wanted log of `runs`, read and printed: the whole job of `RemoteLogs` at once. */
export async function printRemoteLogs(o: RemoteLogOptions): Promise<void> {
  if (o.mode === 'none' || o.provider.logs === undefined) return;
  await new RemoteLogs(o).finish(o.runs, o.budgetMs, o.signal);
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
    const kept = cutLogLine(line);
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

async function readAndPrint(
  source: LogSource,
  o: Pick<RemoteLogOptions, 'log' | 'maxLines'>,
  signal: AbortSignal,
  skipped: () => boolean,
): Promise<void> {
  if (skipped()) return;
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
  if (skipped()) return;
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
