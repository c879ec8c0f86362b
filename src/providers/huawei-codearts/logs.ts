/**
 * CodeArts' own logs of a run: the run detail names every stage's jobs and steps with their ids, and
 * ShowPipelineLog (`POST …/pipeline-runs/{run}/jobs/{job}/steps/{step}/logs`) pages through one
 * step's log, `limit` lines at a time, each page naming the offset the next one starts at.
 */
import type { EndedRun, LogSource, StageSpan } from '../types.ts';
import type { CodeArtsClient } from './client.ts';
import type { RunDetail } from './models.ts';

/** Lines per ShowPipelineLog call (the description's example asks for 500). */
const PAGE_LINES = 500;
/** Pages read per step at most: a runaway log is cut, the reader keeps the last lines it got. */
const MAX_PAGES = 20;
/** Steps in these states never ran, so they have no log. */
const NOT_RUN = new Set(['INIT', 'QUEUED', 'SKIPPED', 'IGNORED']);

export function codeArtsLogSources(client: CodeArtsClient, runs: EndedRun[]): LogSource[] {
  return runs.map((r) => ({
    title: `${r.handle.pipeline}: CodeArts run ${r.handle.runId}`,
    read: (onLine, signal) => readRunLog(client, r, onLine, signal),
  }));
}

async function readRunLog(client: CodeArtsClient, r: EndedRun, onLine: (l: string) => void, signal: AbortSignal): Promise<void> {
  const { pipeline, runId } = r.handle;
  const detail = await client.detail(pipeline, runId);
  for (const s of stepsThatRan(detail)) {
    let offset = 0;
    for (let page = 0; page < MAX_PAGES && !signal.aborted; page++) {
      const answer = await client.stepLog(pipeline, runId, s.jobId, s.stepId, offset, PAGE_LINES);
      // The step's heading goes with its first page: a step whose log cannot be read shows nothing.
      if (page === 0) onLine(`=== ${s.title}: ${s.status}`);
      const text = answer.log ?? '';
      for (const line of text.split(/\r?\n/).slice(0, text.endsWith('\n') ? -1 : undefined)) onLine(line);
      const next = Number(answer.end_offset ?? Number.NaN);
      if (answer.has_more !== true || !Number.isFinite(next) || next <= offset) break;
      offset = next;
    }
  }
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
