/**
 * Logstash's own log belongs to the instance, not to a pipeline: it is read once per instance with
 * ListLogstashLog for the deploy's time window (from a minute before the trigger, for clock skew,
 * to the end of the last run), every level, and printed oldest first.
 *
 * The console guide's "Query logs" page says the log is shown newest first by default (help.aliyun.com
 * document 139563: "日志默认按时间倒序展示"); the API reference says nothing of order. Taking the
 * search API to answer in that order too, the pages are read only until `log-lines` lines are held:
 * those are the newest, the only ones the step prints.
 */
import type { EndedRun, LogSource } from '../types.ts';
import type { LogItem, LogstashData } from './schemas.ts';
import type { LogstashClient } from './client.ts';

/** Searched before the trigger, for clock skew between runner and service. */
export const LOG_LEAD_MS = 60_000;
/** Lines per call: the API's largest page. */
const PAGE_SIZE = 100;
/** Pages read at most (the API allows page 1 to 200). */
const MAX_PAGES = 20;

export function logstashLogSources(
  client: LogstashClient,
  runs: EndedRun<LogstashData>[],
  now: () => number,
  maxLines: number,
): LogSource[] {
  const byInstance = new Map<string, EndedRun<LogstashData>[]>();
  for (const r of runs) {
    const id = r.handle.data.instanceId;
    byInstance.set(id, [...(byInstance.get(id) ?? []), r]);
  }
  return [...byInstance].map(([instanceId, rs]) => ({
    title: `instance ${instanceId} (pipelines ${rs.map((r) => r.handle.pipeline).join(', ')}): Logstash instance log`,
    read: async (onLine, signal) => {
      const begin = Math.min(...rs.map((r) => r.handle.data.triggeredAt)) - LOG_LEAD_MS;
      const end = Math.min(now(), Math.max(...rs.map((r) => r.finishedAt)) + LOG_LEAD_MS);
      const items: LogItem[] = [];
      let more = false;
      for (let page = 1; page <= MAX_PAGES && !signal.aborted; page++) {
        const got = await client.instanceLog(begin, end, page, PAGE_SIZE);
        items.push(...got);
        more = got.length === PAGE_SIZE;
        if (!more || items.length >= maxLines) break;
      }
      // Printed oldest first: the answer reversed, then by time (a stable sort), should its order not be the guide's.
      items.reverse().sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
      if (more) onLine(`(older lines not read: log-lines is ${maxLines})`);
      for (const i of items) onLine(logLine(i));
    },
  }));
}

export function logLine(i: LogItem): string {
  const at = i.timestamp === undefined ? '' : `${new Date(i.timestamp).toISOString()} `;
  return `${at}${i.level ? `[${i.level}] ` : ''}${i.host ? `${i.host} ` : ''}${i.content ?? ''}`.trimEnd();
}
