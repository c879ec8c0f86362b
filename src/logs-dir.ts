/**
 * `logs-dir`: each run's whole provider log as a file, for `actions/upload-artifact`. Writes are
 * buffered a little and appended synchronously, so memory per file stays at the buffer whatever the
 * log's size, and a flush is done when it returns (the step may end right after).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The most a run's file holds; past it one line says the log was cut. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Bytes held before they are written out. */
const BUFFER_BYTES = 64 * 1024;
/** Long names are cut: most file systems allow 255 bytes. */
const MAX_NAME_CHARS = 200;

/** `pipeline-runId.log` with every character outside `[A-Za-z0-9._-]` replaced by `_`. */
export function logFileName(pipeline: string, runId: string): string {
  const base = `${pipeline}-${runId}`.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, MAX_NAME_CHARS);
  // A name of dots alone would name a folder; the suffix keeps every name a plain file.
  return `${base}.log`;
}

/** The files of one step: names made unique (two pipelines may differ only in replaced characters). */
export class LogsDir {
  readonly dir: string;
  private readonly used = new Set<string>();
  private made = false;
  constructor(dir: string) {
    this.dir = dir;
  }

  file(pipeline: string, runId: string): LogFile {
    const name = logFileName(pipeline, runId);
    let unique = name;
    for (let n = 2; this.used.has(unique.toLowerCase()); n++) unique = name.replace(/\.log$/, `-${n}.log`);
    this.used.add(unique.toLowerCase());
    return new LogFile(join(this.dir, unique), () => this.ensureDir());
  }

  private ensureDir(): void {
    if (this.made) return;
    mkdirSync(this.dir, { recursive: true });
    this.made = true;
  }
}

export class LogFile {
  readonly path: string;
  private readonly prepare: () => void;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingBytes = 0;
  private written = 0;
  private cut = false;
  private failed: Error | undefined;

  constructor(path: string, prepare: () => void) {
    this.path = path;
    this.prepare = prepare;
  }

  /** Why writing stopped, if it did (a full disk, a path that is a file…). */
  get error(): Error | undefined {
    return this.failed;
  }

  line(text: string): void {
    if (this.cut || this.failed) return;
    const bytes = Buffer.byteLength(text) + 1;
    if (this.written + this.pendingBytes + bytes > MAX_FILE_BYTES) {
      this.cut = true;
      this.pending.push(`[run-pipelines: the log was cut here at ${MAX_FILE_BYTES / 1024 / 1024} MB]`);
      this.flush();
      return;
    }
    this.pending.push(text);
    this.pendingBytes += bytes;
    if (this.pendingBytes >= BUFFER_BYTES) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0 || this.failed) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingBytes = 0;
    try {
      if (this.fd === undefined) {
        this.prepare();
        this.fd = openSync(this.path, 'w');
      }
      writeSync(this.fd, text);
      this.written += Buffer.byteLength(text);
    } catch (err) {
      this.failed = err instanceof Error ? err : new Error(String(err));
    }
  }

  /** Writes what is held and closes the file; an empty log still leaves its (empty) file. */
  close(): void {
    if (this.fd === undefined && !this.failed && this.pending.length === 0) this.touch();
    else this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private touch(): void {
    try {
      this.prepare();
      this.fd = openSync(this.path, 'w');
    } catch (err) {
      this.failed = err instanceof Error ? err : new Error(String(err));
    }
  }
}
