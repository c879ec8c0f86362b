/**
 * CodeArts' log while a run goes: on each poll, the run's detail (the one the status poll read, or a
 * read of its own when the poll used the batch status call) names the steps that started, and
 * ShowPipelineLog reads each step's log on from where the last answer left off: the next request's
 * `start_offset` is the previous answer's `end_offset` (LogResult in the description), so no line is
 * read twice. A step whose log is complete (it ended and the answer has no more) is not asked again.
 */
import type { LiveLog, RunHandle } from '../types.ts';
import type { CodeArtsClient } from './client.ts';
import type { CodeArtsData, RunDetail } from './schemas.ts';

/** The details the status polls read, by run id, until the live log takes them. */
export type PolledDetails = Map<string, RunDetail>;

/** Lines per ShowPipelineLog call (the description's example asks for 500). */
const PAGE_LINES = 500;
/** Pages per step and poll while it runs: a chatty step is read on over the next polls. */
const PAGES_WHILE_RUNNING = 4;
/** Pages per step once it ended: the rest of its log, for logs-dir (which stops at 50 MB). */
const PAGES_AFTER_END = 400;
/** Steps in these states never ran, so they have no log yet. */
const NOT_STARTED = new Set(['INIT', 'QUEUED', 'SKIPPED', 'IGNORED']);
/** Steps in these states may still log. */
const STILL_LOGGING = new Set(['RUNNING', 'PAUSED', 'PENDING']);
/** A line without a newline is held at most this long before it is handed on as it is. */
const MAX_PARTIAL_CHARS = 16_000;

export function codeArtsLiveLogs(
  client: CodeArtsClient,
  runs: RunHandle<CodeArtsData>[],
  polled: PolledDetails,
): LiveLog<CodeArtsData>[] {
  return runs.map((h) => new CodeArtsLiveLog(client, h, polled));
}

interface StepCursor {
  offset: number;
  /** The end of the last answer when it was not a whole line. */
  partial: string;
  complete: boolean;
}

interface StepRef {
  key: string;
  title: string;
  status: string;
  jobId: string;
  stepId: string;
}

class CodeArtsLiveLog implements LiveLog<CodeArtsData> {
  readonly runs: RunHandle<CodeArtsData>[];
  readonly label: string;
  private readonly client: CodeArtsClient;
  private readonly polled: PolledDetails;
  private readonly steps = new Map<string, StepCursor>();

  constructor(client: CodeArtsClient, handle: RunHandle<CodeArtsData>, polled: PolledDetails) {
    this.client = client;
    this.runs = [handle];
    this.label = handle.pipeline;
    this.polled = polled;
  }

  async read(onLine: (line: string) => void, signal: AbortSignal): Promise<void> {
    const { pipeline, runId } = this.runs[0] as RunHandle<CodeArtsData>;
    const detail = this.polled.get(runId) ?? (await this.client.detail(pipeline, runId));
    this.polled.delete(runId);
    for (const step of startedSteps(detail)) {
      if (signal.aborted) return;
      await this.readStep(step, onLine, signal);
    }
  }

  private async readStep(s: StepRef, onLine: (line: string) => void, signal: AbortSignal): Promise<void> {
    let cursor = this.steps.get(s.key);
    if (cursor?.complete) return;
    const ended = !STILL_LOGGING.has(s.status);
    const { pipeline, runId } = this.runs[0] as RunHandle<CodeArtsData>;
    for (let page = 0; page < (ended ? PAGES_AFTER_END : PAGES_WHILE_RUNNING) && !signal.aborted; page++) {
      // From the last answer's `end_offset` on, to the end (`end_offset` 0). The spec calls the offsets
      // cursors for the next page; that `end_offset` also resumes a log that grew since is a guess.
      const query = { start_offset: cursor?.offset ?? 0, end_offset: 0, limit: PAGE_LINES, sort: 'asc' as const };
      const answer = await this.client.stepLog(pipeline, runId, s.jobId, s.stepId, query);
      if (cursor === undefined) {
        // The step's heading goes with its first answer: a step whose log cannot be read shows nothing.
        this.steps.set(s.key, (cursor = { offset: 0, partial: '', complete: false }));
        onLine(`=== ${s.title}`);
      }
      const lines = (cursor.partial + (answer.log ?? '')).split('\n');
      cursor.partial = lines.pop() ?? '';
      for (const line of lines) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
      if (cursor.partial.length > MAX_PARTIAL_CHARS) {
        onLine(cursor.partial);
        cursor.partial = '';
      }
      const next = Number(answer.end_offset ?? Number.NaN);
      const moved = Number.isFinite(next) && next > cursor.offset;
      if (moved) cursor.offset = next;
      if (answer.has_more !== true || !moved) break;
    }
    if (ended && !signal.aborted) {
      if (cursor?.partial) onLine(cursor.partial);
      if (cursor) cursor.complete = true;
    }
  }
}

function startedSteps(d: RunDetail): StepRef[] {
  return (d.stages ?? []).flatMap((stage) =>
    (stage.jobs ?? []).flatMap((job) =>
      (job.steps ?? []).flatMap((step) =>
        job.id && step.id && step.status && !NOT_STARTED.has(step.status)
          ? [
              {
                key: `${job.id}/${step.id}`,
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
