/**
 * CodeArts' own logs of a run: the run detail names every stage's jobs and steps with their ids, and
 * ShowPipelineLog (`POST …/pipeline-runs/{run}/jobs/{job}/steps/{step}/logs`) pages through one
 * step's log, `limit` lines at a time, each page naming the cursors of the next one.
 */
import type { EndedRun, LogSource, StageSpan } from '../types.ts';
import { errorMessage } from '../../errors.ts';
import type { CodeArtsClient, LogQuery } from './client.ts';
import type { LogResult, RunDetail } from './schemas.ts';

/** Lines per ShowPipelineLog call (the description's example asks for 500). */
const PAGE_LINES = 500;
/** Pages read from a step's start; a longer log is then read from its end (the error is there). */
export const HEAD_PAGES = 4;
/** Steps in these states never ran, so they have no log. */
const NOT_RUN = new Set(['INIT', 'QUEUED', 'SKIPPED', 'IGNORED']);
/** Steps whose log explains a failure: read before the others (see readRunLog). */
const FAILED_STEP = new Set(['FAILED', 'ASYNC_FAILED', 'CANCELED']);

/** The run detail for a run's log: the one the wait already read when it has it, else a fresh read. */
export type DetailOf = (pipeline: string, runId: string) => Promise<RunDetail>;

export function codeArtsLogSources(client: CodeArtsClient, runs: EndedRun[], detailOf: DetailOf): LogSource[] {
  return runs.map((r) => ({
    title: `${r.handle.pipeline}: CodeArts run ${r.handle.runId}`,
    read: (onLine, signal) => readRunLog(client, r, detailOf, onLine, signal),
  }));
}

/**
 * Failed and cancelled steps are read first (a time limit or a later error cannot lose them) but
 * handed over last: the engine keeps a log's last `log-lines` lines. If the read is cut by `signal`,
 * their lines are handed over at once, from the abort listener, which runs before the engine stops
 * listening (it registers its own listener after `read` has begun).
 */
async function readRunLog(
  client: CodeArtsClient,
  r: EndedRun,
  detailOf: DetailOf,
  onLine: (l: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const held: string[] = [];
  const errors: string[] = [];
  let flushed = false;
  const flush = (): void => {
    if (flushed) return;
    flushed = true;
    for (const l of held) onLine(l);
  };
  signal.addEventListener('abort', flush, { once: true });
  try {
    const { pipeline, runId } = r.handle;
    const steps = stepsThatRan(await detailOf(pipeline, runId));
    const failed = steps.filter((s) => FAILED_STEP.has(s.status));
    const rest = steps.filter((x) => !FAILED_STEP.has(x.status));
    for (const s of failed) if (!signal.aborted) await readStep(client, r, s, (l) => held.push(l), signal, errors);
    for (const s of rest) if (!signal.aborted) await readStep(client, r, s, onLine, signal, errors);
  } finally {
    signal.removeEventListener('abort', flush);
    flush();
  }
  // The lines read are all handed over; the engine then warns that the log is incomplete.
  if (errors.length > 0) throw new Error(`${errors.length} step log(s) could not be read, the first: ${errors[0] ?? ''}`);
}

/** One step's log under its heading; an error ends this step's log only, said in its place. */
async function readStep(
  client: CodeArtsClient,
  r: EndedRun,
  s: StepRef,
  onLine: (l: string) => void,
  signal: AbortSignal,
  errors: string[],
): Promise<void> {
  onLine(`=== ${s.title}: ${s.status}`);
  try {
    await readStepPages(client, r, s, onLine, signal);
  } catch (e) {
    if (signal.aborted) throw e;
    errors.push(errorMessage(e));
    onLine(`(the log of this step could not be read: ${errorMessage(e)})`);
  }
}

async function readStepPages(
  client: CodeArtsClient,
  r: EndedRun,
  s: StepRef,
  onLine: (l: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const { pipeline, runId } = r.handle;
  const ask = (q: LogQuery): Promise<LogResult> => client.stepLog(pipeline, runId, s.jobId, s.stepId, q);
  let query: LogQuery = { start_offset: 0, end_offset: 0, limit: PAGE_LINES, sort: 'asc' };
  for (let page = 0; page < HEAD_PAGES; page++) {
    const answer = await ask(query);
    for (const line of linesOf(answer.log)) onLine(line);
    const next = nextQuery(query, answer);
    if (next === undefined || signal.aborted) return;
    query = next;
  }
  // The end of a long log, where a failing step says why. `desc` is the spec's "descending by the
  // sort field"; that its lines then come newest first is a guess (undocumented), so they are
  // reversed back into order. The page may repeat lines already printed above.
  const tail = await ask({ start_offset: 0, end_offset: 0, limit: PAGE_LINES, sort: 'desc' });
  onLine(`(… more than ${HEAD_PAGES * PAGE_LINES} lines: the last ${PAGE_LINES} follow, some may repeat lines above)`);
  for (const line of linesOf(tail.log).reverse()) onLine(line);
}

/**
 * The next page's query: the answer's `start_offset` and `end_offset` go back into the request's
 * fields of the same names (the spec's LogResult descriptions: "填入请求体start_offset/end_offset
 * 字段,用于查询下一页日志"); they are opaque cursors. Undefined when there is no more, or when the
 * cursors did not move (a page that would repeat forever).
 */
function nextQuery(sent: LogQuery, answer: LogResult): LogQuery | undefined {
  if (answer.has_more !== true) return undefined;
  const start = cursor(answer.start_offset);
  const end = cursor(answer.end_offset);
  if (start === undefined || end === undefined) return undefined;
  if (start === sent.start_offset && end === sent.end_offset) return undefined;
  return { ...sent, start_offset: start, end_offset: end };
}

/** A cursor as the request's int64 field takes it (answers give it as a string). */
function cursor(v: string | number | null | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

function linesOf(text: string | null | undefined): string[] {
  const t = text ?? '';
  if (t === '') return [];
  return t.split(/\r?\n/).slice(0, t.endsWith('\n') ? -1 : undefined);
}

interface StepRef {
  title: string;
  status: string;
  jobId: string;
  stepId: string;
}

function stepsThatRan(d: RunDetail): StepRef[] {
  return (d.stages ?? []).flatMap((stage) =>
    (stage.jobs ?? []).flatMap((job) =>
      (job.steps ?? []).flatMap((step) =>
        job.id && step.id && step.status && !NOT_RUN.has(step.status)
          ? [
              {
                title: `${stage.name ?? '?'} / ${job.name ?? '?'} / ${step.name ?? '?'}`,
                status: step.status,
                jobId: job.id,
                stepId: step.id,
              },
            ]
          : [],
      ),
    ),
  );
}

/** Stage times for the job summary's chart. */
export function codeArtsStageSpans(d: RunDetail): StageSpan[] {
  return (d.stages ?? []).map((s) => {
    const span: StageSpan = { name: s.name ?? '?', status: s.status ?? 'unknown' };
    if (s.start_time) span.startedAt = s.start_time;
    if (s.end_time) span.finishedAt = s.end_time;
    return span;
  });
}
