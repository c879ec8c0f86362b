/**
 * The job summary's picture of a step: a Mermaid `gantt` chart (GitHub draws it in job summaries),
 * one bar per run from its trigger to its end, marked by its conclusion, and under each run the stages
 * the provider reported with their times. With many runs the chart shows the failed and the slowest.
 */
import type { RunRecord } from './engine.ts';

/** Runs drawn at most; above this, the failed (slowest first) and then the slowest of the rest. */
export const MAX_BARS = 40;
/** Of those, at most this many failed runs, so the slowest successful runs still show. */
export const MAX_FAILED_BARS = 30;
/** Stages drawn per run at most. */
const MAX_STAGES = 12;
const MAX_LABEL = 60;

/** Each conclusion's mark, in the chart and in the summary's table alike. */
export const CONCLUSION_MARK: Record<string, string> = {
  success: '✅',
  failure: '❌',
  timed_out: '⏱️',
  cancelled: '🚫',
  triggered: '▶️',
  skipped: '⏭️',
  pending: '⏳',
};

/** Mermaid's task tags: `done` grey, `crit` red, `active` highlighted. */
const TAGS: Record<string, string[]> = {
  success: ['done'],
  failure: ['crit'],
  timed_out: ['crit', 'active'],
  cancelled: ['active'],
};

export interface GanttChart {
  /** The fenced ```mermaid block. */
  text: string;
  shown: number;
  total: number;
}

type Drawn = Pick<RunRecord, 'pipeline' | 'conclusion' | 'startedAt' | 'finishedAt' | 'stages'>;

const endedBadly = (r: Drawn): boolean =>
  r.conclusion !== 'success' && r.conclusion !== 'triggered' && r.conclusion !== 'pending';
const duration = (r: Drawn): number => (r.finishedAt ?? r.startedAt) - r.startedAt;

/** The runs to draw, in their input order: all of them, or the failed and the slowest. */
export function chooseRuns<T extends Drawn>(runs: readonly T[]): T[] {
  if (runs.length <= MAX_BARS) return [...runs];
  const slowestFirst = (a: T, b: T): number => duration(b) - duration(a);
  const failed = runs.filter(endedBadly).sort(slowestFirst).slice(0, MAX_FAILED_BARS);
  const others = runs
    .filter((r) => !endedBadly(r))
    .sort(slowestFirst)
    .slice(0, MAX_BARS - failed.length);
  const chosen = new Set<T>([...failed, ...others]);
  return runs.filter((r) => chosen.has(r));
}

/** Undefined when no run has ended (a step that did not wait has nothing to draw). */
export function ganttChart(title: string, runs: readonly Drawn[]): GanttChart | undefined {
  const ended = runs.filter((r) => r.finishedAt !== undefined);
  if (ended.length === 0) return undefined;
  const shown = chooseRuns(ended);
  const lines = [
    '```mermaid',
    'gantt',
    `  title ${label(title)}`,
    '  dateFormat x',
    '  axisFormat %H:%M:%S',
    '  todayMarker off',
  ];
  const staged = shown.some((r) => (r.stages ?? []).some((s) => s.startedAt !== undefined));
  if (!staged) lines.push('  section Runs');
  shown.forEach((r, i) => {
    if (staged) lines.push(`  section ${label(r.pipeline)}`);
    lines.push(runBar(r, `r${i + 1}`));
    if (staged) lines.push(...stageBars(r, `r${i + 1}`));
  });
  lines.push('```');
  return { text: lines.join('\n'), shown: shown.length, total: runs.length };
}

function runBar(r: Drawn, id: string): string {
  const end = Math.max(r.finishedAt ?? r.startedAt, r.startedAt + 1);
  const text = `${CONCLUSION_MARK[r.conclusion] ?? ''} ${label(r.pipeline)} ${r.conclusion}`;
  return task(text, TAGS[r.conclusion] ?? [], id, r.startedAt, end);
}

function stageBars(r: Drawn, runId: string): string[] {
  const runEnd = r.finishedAt ?? r.startedAt;
  return (r.stages ?? [])
    .filter((s) => s.startedAt !== undefined)
    .slice(0, MAX_STAGES)
    .map((s, j) => {
      const start = s.startedAt ?? r.startedAt;
      const end = Math.max(s.finishedAt ?? runEnd, start + 1);
      return task(`▸ ${label(s.name)} ${label(s.status)}`, stageTags(s.status), `${runId}s${j + 1}`, start, end);
    });
}

/** A provider's own stage status, read loosely: it names failure, completion or cancellation somehow. */
function stageTags(status: string): string[] {
  if (/fail|error/i.test(status)) return ['crit'];
  if (/cancel|abort/i.test(status)) return ['active'];
  if (/complete|success|succeed|done/i.test(status)) return ['done'];
  return [];
}

function task(text: string, tags: string[], id: string, start: number, end: number): string {
  return `    ${text} :${[...tags, id, String(Math.round(start)), String(Math.round(end))].join(', ')}`;
}

/**
 * Text Mermaid reads literally: a task's text ends at ':', its data at '#' or ';', '%%' starts a
 * comment, and the chart is HTML in the end. Those characters become spaces; the result is never
 * empty and never starts with a keyword (a run's text starts with its mark, a stage's with '▸').
 */
export function label(raw: string): string {
  const clean = raw
    .replace(/[:;#%<>&"'`\\{}[\]\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = clean.length > MAX_LABEL ? `${clean.slice(0, MAX_LABEL - 1)}…` : clean;
  return cut === '' ? '-' : cut;
}
