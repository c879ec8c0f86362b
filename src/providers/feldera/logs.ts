/**
 * Feldera's own log of a pipeline: `GET /v0/pipelines/{name}/logs` is a text stream that first
 * replays the runner's bounded log buffer (up to 1 MB / 50,000 lines, runner/pipeline_logs.rs) and then
 * pushes new lines for as long as the pipeline exists. It is read as `fda logs` reads it
 * (crates/fda/src/main.rs `PipelineAction::Logs`): at most 5 s for the first chunk, then until 250 ms
 * pass without one. A long replay is never cut by the reader itself; the engine's log budget bounds
 * the whole read, and a read it stops is reported as cut (remote-logs.ts).
 */
import { MAX_LINE_CHARS } from '../../remote-line-limit.ts';
import type { EndedRun, LogSource } from '../types.ts';
import type { FelderaClient } from './client.ts';

/** How long the stream may stay silent once a chunk came (fda: 250 ms). */
export const IDLE_MS = 250;
/** Longest wait for the first chunk, the request included (fda: 5 s); nothing bounds the rest but `outer`. */
export const FIRST_LINE_MS = 5000;

/** The two waits, for tests that cannot spend seconds of real time. */
export interface LogWaits {
  firstChunkMs: number;
  idleMs: number;
}

export function felderaLogSources(
  client: FelderaClient,
  runs: EndedRun[],
  waits: LogWaits = { firstChunkMs: FIRST_LINE_MS, idleMs: IDLE_MS },
): LogSource[] {
  return runs.map((r) => ({
    title: `${r.handle.pipeline}: Feldera pipeline log`,
    read: (onLine, signal) => readUntilIdle(client, r.handle.pipeline, onLine, signal, waits),
  }));
}

/** Splits the stream into lines; ends the read when no first chunk came in time, once it is idle, or on `outer`. */
async function readUntilIdle(
  client: FelderaClient,
  name: string,
  onLine: (line: string) => void,
  outer: AbortSignal,
  waits: LogWaits,
): Promise<void> {
  const stop = new AbortController();
  const signal = AbortSignal.any([outer, stop.signal]);
  // The first wait ends the read as an empty log (as fda ends it); every chunk re-arms the idle wait.
  let idle: NodeJS.Timeout | undefined = setTimeout(() => stop.abort(new Error('no first chunk')), waits.firstChunkMs);
  let partial = '';
  // Past MAX_LINE_CHARS a line is reported cut at once and the rest of it dropped as it comes: one
  // endless line holds no more than the cap.
  let dropping = false;
  const onText = (text: string): void => {
    const lines = (partial + text).split(/\r?\n/);
    partial = lines.pop() ?? '';
    lines.forEach((line, i) => (i === 0 && dropping ? undefined : onLine(line)));
    if (lines.length > 0) dropping = false;
    if (partial.length > MAX_LINE_CHARS) {
      if (!dropping) onLine(partial.slice(0, MAX_LINE_CHARS + 1));
      dropping = true;
      partial = '';
    }
    clearTimeout(idle);
    idle = setTimeout(() => stop.abort(new Error('idle')), waits.idleMs);
  };
  try {
    await client.streamLogs(name, onText, signal);
  } finally {
    clearTimeout(idle);
  }
  if (partial !== '' && !dropping) onLine(partial);
}
