/**
 * Feldera's log while a deployment goes: `GET /v0/pipelines/{name}/logs` is kept open (a text stream
 * that never ends on its own) and each line handed on as it arrives. A new connection replays the
 * runner's ring buffer first, so after a reconnect the replayed lines already handed on are skipped.
 * Early in a deployment the endpoint answers an empty 404 or 503 RunnerInteractionUnreachable: the
 * stream is simply asked for again on the next poll.
 */
import { ProviderError, toError } from '../../errors.ts';
import type { LiveLog, RunHandle } from '../types.ts';
import type { FelderaClient } from './client.ts';
import type { FelderaData } from './schemas.ts';
import { IDLE_MS } from './logs.ts';

/**
 * Lines remembered to recognise a replay: the ring buffer's lines come back on a reconnect. Each is
 * kept as a 48-bit number (a hash and the length), so a run's memory stays about 200 kB however long its lines.
 */
const REMEMBERED_LINES = 10_000;
/** A line without a newline longer than this is handed on in pieces: memory stays bounded. */
const MAX_PARTIAL_CHARS = 16_000;
/** Once the run ended, the stream is read until idle for IDLE_MS, at most this long. */
const CLOSE_MAX_MS = 1000;
/**
 * Streams held open at once. The HTTP client opens at most 64 streamed reads per origin (src/http.ts):
 * the rest are left for visits. The logs of runs beyond this are visited instead: every few seconds, at
 * a poll, the stream is opened, read until it is quiet, and closed, its replay skipped as on a reconnect.
 */
export const MAX_HELD_STREAMS = 40;
/** A log is visited at most this often: each visit costs a connection and a replay. */
const VISIT_EVERY_MS = 5000;
/** A visit waits this long for the first line, and lasts at most VISIT_MAX_MS. */
const VISIT_FIRST_LINE_MS = 2000;
const VISIT_MAX_MS = 4000;

export function felderaLiveLogs(client: FelderaClient, runs: RunHandle<FelderaData>[]): LiveLog<FelderaData>[] {
  const slots = { held: 0 };
  return runs.map((h) => new FelderaLiveLog(client, h, slots));
}

/** Not there yet: the runner is not up (an empty 404) or cannot be reached (503). */
function notYet(err: unknown): boolean {
  return err instanceof ProviderError && (err.status === 404 || err.status === 503);
}

class FelderaLiveLog implements LiveLog<FelderaData> {
  readonly runs: RunHandle<FelderaData>[];
  readonly label: string;
  private readonly client: FelderaClient;
  private streaming: Promise<void> | undefined;
  private stream: AbortController | undefined;
  private failure: unknown;
  private closed = false;
  private lastTextAt = 0;
  private visitedAt = -Infinity;
  private sink: ((line: string) => void) | undefined;
  private outer: AbortSignal | undefined;
  private readonly recent = new Set<number>();
  private readonly slots: { held: number };

  constructor(client: FelderaClient, handle: RunHandle<FelderaData>, slots: { held: number }) {
    this.client = client;
    this.slots = slots;
    this.runs = [handle];
    this.label = handle.pipeline;
  }

  /**
   * Opens the stream when none is open; the lines then come as they arrive, between polls too. When
   * MAX_HELD_STREAMS are open already, visits it instead: read until quiet, then closed.
   */
  async read(onLine: (line: string) => void, signal: AbortSignal): Promise<void> {
    this.sink = onLine;
    this.outer = signal;
    const failure = this.failure;
    this.failure = undefined;
    if (this.streaming === undefined && !this.closed && !signal.aborted) {
      if (this.slots.held < MAX_HELD_STREAMS) this.hold(onLine, signal);
      else if (Date.now() - this.visitedAt >= VISIT_EVERY_MS) await this.visit(onLine, signal);
    }
    // The failure of the previous connection is reported by this read (the stream was asked for again).
    if (failure !== undefined && !notYet(failure)) throw toError(failure);
  }

  private hold(onLine: (line: string) => void, signal: AbortSignal): void {
    this.slots.held++;
    this.streaming = this.open(onLine, signal)
      .catch((err: unknown) => {
        this.failure = err;
      })
      .finally(() => {
        this.slots.held--;
        this.streaming = undefined;
      });
  }

  private async visit(onLine: (line: string) => void, outer: AbortSignal): Promise<void> {
    this.visitedAt = Date.now();
    const stop = new AbortController();
    const opened = Date.now();
    const timer = setInterval(() => {
      const quiet = Date.now() - this.lastTextAt >= IDLE_MS && this.lastTextAt > opened;
      const waited = Date.now() - opened;
      if (quiet || waited >= VISIT_MAX_MS || (this.lastTextAt <= opened && waited >= VISIT_FIRST_LINE_MS)) {
        stop.abort(new Error('visited'));
      }
    }, IDLE_MS / 5);
    this.lastTextAt = 0;
    this.streaming = this.open(onLine, AbortSignal.any([outer, stop.signal]), true);
    try {
      await this.streaming;
    } catch (err) {
      // A visit cut short by its own limits (no connection free in time) is tried again later, quietly.
      if (!stop.signal.aborted) this.failure = err;
    } finally {
      clearInterval(timer);
      this.streaming = undefined;
    }
  }

  /** The run ended: reads on until the stream is quiet (its last lines), then closes it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A visited log gets one last visit, whatever the gap: the run's last lines.
    const visited = this.visitedAt > -Infinity && this.streaming === undefined;
    if (visited && this.sink && this.outer && !this.outer.aborted) await this.visit(this.sink, this.outer);
    const until = Date.now() + CLOSE_MAX_MS;
    while (this.streaming !== undefined && Date.now() < until && Date.now() - this.lastTextAt < IDLE_MS * 2) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS / 5));
    }
    this.stream?.abort(new Error('the run ended'));
  }

  private async open(onLine: (line: string) => void, outer: AbortSignal, visit = false): Promise<void> {
    const stop = new AbortController();
    this.stream = stop;
    const signal = AbortSignal.any([outer, stop.signal]);
    // A reconnect replays the ring buffer: lines already handed on are skipped until the replay is over
    // (a visit is all replay).
    let replaying = this.recent.size > 0 || visit;
    let replayTimer: NodeJS.Timeout | undefined;
    let partial = '';
    const emit = (raw: string): void => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const key = lineKey(line);
      if (replaying && this.recent.has(key)) return;
      this.remember(key);
      onLine(line);
    };
    const onText = (text: string): void => {
      this.lastTextAt = Date.now();
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) emit(l);
      if (partial.length > MAX_PARTIAL_CHARS) {
        emit(partial);
        partial = '';
      }
      if (replaying && !visit) {
        clearTimeout(replayTimer);
        replayTimer = setTimeout(() => (replaying = false), IDLE_MS);
      }
    };
    if (!visit) this.lastTextAt = Date.now();
    try {
      await this.client.streamLogs(this.label, onText, signal);
    } finally {
      clearTimeout(replayTimer);
      if (partial !== '') emit(partial);
    }
  }

  private remember(key: number): void {
    this.recent.add(key);
    if (this.recent.size <= REMEMBERED_LINES) return;
    const oldest = this.recent.values().next().value;
    if (oldest !== undefined) this.recent.delete(oldest);
  }
}

/** FNV-1a of the line with its length: equal lines give equal keys, and different ones almost never do. */
function lineKey(line: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < line.length; i++) {
    h ^= line.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h * 0x10000 + (line.length & 0xffff);
}
