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
import type { FelderaData } from './handle.ts';
import { IDLE_MS } from './logs.ts';

/** Lines remembered to recognise a replay: the ring buffer's lines come back on a reconnect. */
const REMEMBERED_LINES = 2000;
/** Characters of a line kept for that comparison (lines start with a timestamp). */
const REMEMBERED_CHARS = 300;
/** A line without a newline longer than this is handed on in pieces: memory stays bounded. */
const MAX_PARTIAL_CHARS = 16_000;
/** Once the run ended, the stream is read until idle for IDLE_MS, at most this long. */
const CLOSE_MAX_MS = 1500;

export function felderaLiveLogs(client: FelderaClient, runs: RunHandle<FelderaData>[]): LiveLog<FelderaData>[] {
  return runs.map((h) => new FelderaLiveLog(client, h));
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
  private readonly recent = new Set<string>();

  constructor(client: FelderaClient, handle: RunHandle<FelderaData>) {
    this.client = client;
    this.runs = [handle];
    this.label = handle.pipeline;
  }

  /** Opens the stream when none is open; the lines then come as they arrive, between polls too. */
  read(onLine: (line: string) => void, signal: AbortSignal): Promise<void> {
    const failure = this.failure;
    this.failure = undefined;
    if (this.streaming === undefined && !this.closed && !signal.aborted) {
      this.streaming = this.open(onLine, signal)
        .catch((err: unknown) => {
          this.failure = err;
        })
        .finally(() => {
          this.streaming = undefined;
        });
    }
    // The failure of the previous connection is reported by this read (the stream was asked for again).
    if (failure !== undefined && !notYet(failure)) return Promise.reject(toError(failure));
    return Promise.resolve();
  }

  /** The run ended: reads on until the stream is quiet (its last lines), then closes it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const until = Date.now() + CLOSE_MAX_MS;
    while (this.streaming !== undefined && Date.now() < until && Date.now() - this.lastTextAt < IDLE_MS * 2) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS / 5));
    }
    this.stream?.abort(new Error('the run ended'));
  }

  private async open(onLine: (line: string) => void, outer: AbortSignal): Promise<void> {
    const stop = new AbortController();
    this.stream = stop;
    const signal = AbortSignal.any([outer, stop.signal]);
    // A reconnect replays the ring buffer: lines already handed on are skipped until the replay is over.
    let replaying = this.recent.size > 0;
    let replayTimer: NodeJS.Timeout | undefined;
    let partial = '';
    const emit = (raw: string): void => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const key = line.slice(0, REMEMBERED_CHARS);
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
      if (replaying) {
        clearTimeout(replayTimer);
        replayTimer = setTimeout(() => (replaying = false), IDLE_MS);
      }
    };
    this.lastTextAt = Date.now();
    try {
      await this.client.streamLogs(this.label, onText, signal);
    } finally {
      clearTimeout(replayTimer);
      if (partial !== '') emit(partial);
    }
  }

  private remember(key: string): void {
    this.recent.add(key);
    if (this.recent.size <= REMEMBERED_LINES) return;
    const oldest = this.recent.values().next().value;
    if (oldest !== undefined) this.recent.delete(oldest);
  }
}
