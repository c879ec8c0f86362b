/**
 * `logs: live` and `logs-dir`: the providers' logs read while the runs go. Each log is read when one of
 * its runs was polled (so log reads ride on the poll schedule and add no status polling), once more
 * after its runs ended, and printed as it comes: one line of the job log per log line, labelled with
 * its pipeline (runs interleave, so groups cannot hold them), at most MAX_PRINTED_LINES a log, then one
 * notice. With `logs-dir`, every line also goes to the run's file, past the print cap. Names no provider.
 */
import { errorMessage } from './errors.ts';
import type { Logger } from './log.ts';
import { LogsDir, type LogFile } from './logs-dir.ts';
import type { LiveLog, Provider, RunHandle } from './providers/types.ts';
import { cutLogLine } from './remote-line-limit.ts';
import { redactSecrets } from './secrets.ts';

/** Lines printed per log at most ("about 5,000 lines a run"); the file keeps the rest. */
export const MAX_PRINTED_LINES = 5000;
/** How long the end of a run's log may take to read once the run ended normally. */
export const END_READ_MS = 5000;

export interface LiveLogsOptions {
  provider: Provider;
  runs: RunHandle[];
  /** `logs: live`: print the lines; otherwise only files are written. */
  print: boolean;
  /** `logs-dir`, when given. */
  dir?: string | undefined;
  log: Logger;
  maxPrinted?: number;
}

interface Entry {
  live: LiveLog;
  ended: Set<RunHandle>;
  controller: AbortController;
  reading?: Promise<void> | undefined;
  again: boolean;
  done: boolean;
  /** Abandoned: files closed, later lines dropped. */
  out: boolean;
  printed: number;
  warned: boolean;
  files: LogFile[];
  /** Settles when the log was read to its end (or abandoned). */
  finished: Promise<void>;
  finish: () => void;
}

/** Builds the readers of `runs`; undefined when the provider has no live log. */
export async function startLiveLogs(o: LiveLogsOptions): Promise<LiveLogs | undefined> {
  if (o.provider.liveLogs === undefined || o.runs.length === 0) return undefined;
  try {
    return new LiveLogs(o, await o.provider.liveLogs(o.runs));
  } catch (err) {
    o.log.warning(`the provider's logs will not be read live: ${errorMessage(err)}`);
    return undefined;
  }
}

export class LiveLogs {
  private readonly options: LiveLogsOptions;
  private readonly entries: Entry[];
  private readonly byHandle = new Map<RunHandle, Entry[]>();
  private readonly maxPrinted: number;
  private stopped = false;
  /** Files that could not be written. */
  private unwritten = 0;
  readonly dir: string | undefined;

  constructor(o: LiveLogsOptions, logs: LiveLog[]) {
    this.options = o;
    this.dir = o.dir;
    this.maxPrinted = o.maxPrinted ?? MAX_PRINTED_LINES;
    const dir = o.dir === undefined ? undefined : new LogsDir(o.dir);
    this.entries = logs.map((live) => this.entry(live, dir));
    for (const e of this.entries) for (const h of e.live.runs) this.byHandle.set(h, [...(this.byHandle.get(h) ?? []), e]);
  }

  private entry(live: LiveLog, dir: LogsDir | undefined): Entry {
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    return {
      live,
      ended: new Set(),
      controller: new AbortController(),
      again: false,
      done: false,
      out: false,
      printed: 0,
      warned: false,
      files: dir ? live.runs.map((h) => dir.file(h.pipeline, h.runId)) : [],
      finished,
      finish,
    };
  }

  /** A run was polled: its log is read now (or right after the read in progress). `ended`: it reached its end. */
  polled(handle: RunHandle, ended: boolean): void {
    for (const e of this.byHandle.get(handle) ?? []) {
      if (e.done || this.stopped) continue;
      if (ended) e.ended.add(handle);
      if (e.reading) e.again = true;
      else this.pump(e);
    }
  }

  /**
   * Ends every reader: logs whose runs all ended get up to `budgetMs` to read their last lines; the
   * others (runs a timeout or cancellation stopped) stop at once. Files are flushed and closed either way.
   */
  async stop(budgetMs: number = END_READ_MS): Promise<void> {
    const open = this.entries.filter((e) => !e.done);
    for (const e of open) if (e.ended.size < e.live.runs.length) this.abandon(e);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(open.map((e) => e.finished)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs))),
    ]);
    clearTimeout(timer);
    this.stopped = true;
    for (const e of this.entries) this.abandon(e);
  }

  /** Where the files are, with how many there are, for the job summary; undefined without `logs-dir`. */
  filesNote(): string | undefined {
    if (this.dir === undefined) return undefined;
    const files = this.entries.reduce((n, e) => n + e.live.runs.length, 0);
    const failed = this.unwritten;
    const count = `${files} ${files === 1 ? 'file' : 'files'}`;
    return `Full provider logs: ${count} in \`${this.dir}\`${failed ? `, ${failed} could not be written` : ''}.`;
  }

  private pump(e: Entry): void {
    const sink = (line: string): void => this.line(e, line);
    e.reading = (async () => {
      do {
        e.again = false;
        try {
          await e.live.read(sink, e.controller.signal);
        } catch (err) {
          if (!e.controller.signal.aborted) this.readFailed(e, err);
        }
        for (const f of e.files) f.flush();
      } while (e.again && !e.controller.signal.aborted);
      if (e.ended.size === e.live.runs.length) await this.close(e);
    })().finally(() => {
      e.reading = undefined;
      if (e.again && !e.done && !this.stopped) this.pump(e);
    });
  }

  private async close(e: Entry): Promise<void> {
    if (e.done) return;
    e.done = true;
    try {
      await e.live.close?.();
    } catch (err) {
      this.readFailed(e, err);
    }
    this.abandon(e, false);
  }

  /** Stops the reader for good (`closeLog`: unless `close` ran) and closes its files; later lines are dropped. */
  private abandon(e: Entry, closeLog = true): void {
    e.done = true;
    if (e.out) return;
    e.out = true;
    if (!e.controller.signal.aborted) e.controller.abort(new Error('the live log was stopped'));
    if (closeLog) void e.live.close?.().catch(() => undefined);
    for (const f of e.files) {
      f.close();
      if (f.error === undefined) continue;
      this.unwritten++;
      this.options.log.warning(`could not write ${f.path}: ${f.error.message}`, e.live.label);
    }
    e.files = [];
    e.finish();
  }

  /** A failed read is a warning once per log; the reader tries again on the next poll. */
  private readFailed(e: Entry, err: unknown): void {
    if (e.warned) return this.options.log.debug(`${e.live.label}: log read failed again: ${errorMessage(err)}`);
    e.warned = true;
    this.options.log.warning(`could not read the live log (will retry on the next poll): ${errorMessage(err)}`, e.live.label);
  }

  private line(e: Entry, text: string): void {
    if (e.out) return;
    // A CR would start a new line of the job log without the label: each part is a line of its own.
    for (const part of text.split(/\r\n|\r|\n/)) {
      // The files are uploaded as they are: no secret goes into them either.
      if (e.files.length > 0) {
        const kept = redactSecrets(part);
        for (const f of e.files) f.line(kept);
      }
      if (!this.options.print) continue;
      if (e.printed < this.maxPrinted) {
        this.options.log.info(`${e.live.label} | ${cutLogLine(part)}`);
      } else if (e.printed === this.maxPrinted) {
        const where = this.dir === undefined ? 'set logs-dir to keep whole logs' : `the whole log is in ${this.dir}`;
        this.options.log.notice(`more than ${this.maxPrinted} log lines: the rest is not printed (${where})`, e.live.label);
      }
      e.printed++;
    }
  }
}
