/**
 * Logstash's log while a deploy goes. The log belongs to the instance, so there is one live log per
 * instance, for every run on it, labelled with the instance and the pipelines of the deploy. Each read
 * asks ListLogstashLog for the window since the last read; the window starts OVERLAP_MS early, since
 * lines reach the search a little after they were logged, and lines already handed on are skipped.
 */
import type { LiveLog, RunHandle } from '../types.ts';
import type { LogstashClient } from './client.ts';
import type { LogItem, LogstashData } from './schemas.ts';
import { LOG_LEAD_MS, logLine } from './logs.ts';

/** Lines per call: the API's largest page. */
const PAGE_SIZE = 100;
/** Pages per read at most: a chattier instance is cut, with a line saying so. */
const MAX_PAGES = 10;
/** How far back each window reaches into the previous one (lines indexed late). */
const OVERLAP_MS = 30_000;
/** At most one read a second per instance, however many of its runs were polled in a round. */
const MIN_GAP_MS = 1000;
/** Pipelines named in the label at most. */
const LABEL_PIPELINES = 5;

export function logstashLiveLogs(
  client: LogstashClient,
  runs: RunHandle<LogstashData>[],
  now: () => number,
): LiveLog<LogstashData>[] {
  const byInstance = new Map<string, RunHandle<LogstashData>[]>();
  for (const r of runs) byInstance.set(r.data.instanceId, [...(byInstance.get(r.data.instanceId) ?? []), r]);
  return [...byInstance].map(([instanceId, rs]) => new InstanceLiveLog(client, instanceId, rs, now));
}

class InstanceLiveLog implements LiveLog<LogstashData> {
  readonly runs: RunHandle<LogstashData>[];
  readonly label: string;
  private readonly client: LogstashClient;
  private readonly now: () => number;
  /** Where the next window starts, before the overlap. */
  private since: number;
  private lastReadAt = -Infinity;
  /** Lines handed on whose time is inside the overlap: the next window finds them again. */
  private seen = new Map<string, number>();
  private sink: ((line: string) => void) | undefined;
  private signal: AbortSignal | undefined;

  constructor(client: LogstashClient, instanceId: string, runs: RunHandle<LogstashData>[], now: () => number) {
    this.client = client;
    this.runs = runs;
    this.now = now;
    const names = runs.map((r) => r.pipeline);
    const more = names.length > LABEL_PIPELINES ? `, +${names.length - LABEL_PIPELINES} more` : '';
    this.label = `${instanceId} (${names.slice(0, LABEL_PIPELINES).join(', ')}${more})`;
    this.since = Math.min(...runs.map((r) => r.data.triggeredAt)) - LOG_LEAD_MS;
  }

  async read(onLine: (line: string) => void, signal: AbortSignal): Promise<void> {
    this.sink = onLine;
    this.signal = signal;
    if (this.now() - this.lastReadAt < MIN_GAP_MS) return;
    await this.readWindow(onLine, signal);
  }

  /** Every run ended: one last window, so the deploy's last lines are not missed by the gap. */
  async close(): Promise<void> {
    if (this.sink && this.signal && !this.signal.aborted) await this.readWindow(this.sink, this.signal);
  }

  private async readWindow(onLine: (line: string) => void, signal: AbortSignal): Promise<void> {
    const end = this.now();
    this.lastReadAt = end;
    const begin = this.since - OVERLAP_MS;
    const items: LogItem[] = [];
    let full = false;
    for (let page = 1; page <= MAX_PAGES && !signal.aborted; page++) {
      const got = await this.client.instanceLog(begin, end, page, PAGE_SIZE);
      items.push(...got);
      full = got.length === PAGE_SIZE && page === MAX_PAGES;
      if (got.length < PAGE_SIZE) break;
    }
    // The order of the answer is not documented: oldest first.
    items.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    for (const item of items) {
      const line = logLine(item);
      const key = `${item.timestamp ?? ''}|${line}`;
      if (this.seen.has(key)) continue;
      this.seen.set(key, item.timestamp ?? end);
      onLine(line);
    }
    if (full) onLine(`[run-pipelines: more than ${MAX_PAGES * PAGE_SIZE} lines in this window; the rest was not read]`);
    this.since = end;
    // Only lines the next window can find again are remembered: memory stays at one overlap's lines.
    for (const [key, at] of this.seen) if (at < end - OVERLAP_MS * 2) this.seen.delete(key);
  }
}
