/**
 * Feldera's own log of a pipeline: `GET /v0/pipelines/{name}/logs` is a text stream that first
 * replays the runner's bounded log buffer and then pushes new lines for as long as the pipeline
 * exists. It is read until it goes quiet after the replay (fda, Feldera's CLI, stops after 250 ms
 * without a line) or a few seconds have passed, whichever comes first: the step never waits on it.
 */
import { MAX_LINE_CHARS } from '../../remote-logs.ts';
import type { EndedRun, LogSource } from '../types.ts';
import type { FelderaClient } from './client.ts';

/** How long the stream may stay silent once lines came (fda: 250 ms). */
export const IDLE_MS = 250;
/** Longest wait for the first line (fda: 5 s) and longest read in all. */
export const FIRST_LINE_MS = 5000;

export function felderaLogSources(client: FelderaClient, runs: EndedRun[]): LogSource[] {
  return runs.map((r) => ({
    title: `${r.handle.pipeline}: Feldera pipeline log`,
    read: (onLine, signal) => readUntilIdle(client, r.handle.pipeline, onLine, signal),
  }));
}

/** Splits the stream into lines; stops the read once it is idle, after FIRST_LINE_MS, or on `outer`. */
async function readUntilIdle(
  client: FelderaClient,
  name: string,
  onLine: (line: string) => void,
  outer: AbortSignal,
): Promise<void> {
  const stop = new AbortController();
  const signal = AbortSignal.any([outer, stop.signal]);
  let idle: NodeJS.Timeout | undefined;
  const cap = setTimeout(() => stop.abort(new Error('read for long enough')), FIRST_LINE_MS);
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
    idle = setTimeout(() => stop.abort(new Error('idle')), IDLE_MS);
  };
  try {
    await client.streamLogs(name, onText, signal);
  } finally {
    clearTimeout(cap);
    clearTimeout(idle);
  }
  if (partial !== '' && !dropping) onLine(partial);
}
