/**
 * Huawei Cloud CodeArts Pipeline adapter: starts several pipelines with one BatchRunPipeline call
 * (or one RunPipeline call per pipeline when run variables are given) and polls each run's detail
 * until it ends. Requests are signed with the AK/SK (SDK-HMAC-SHA256) or carry an IAM token.
 */
import { readSettings } from './settings.ts';
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import { ProviderError, errorMessage, toError } from '../../errors.ts';
import type { StepOutputsOf } from '../registry.ts';
import {
  type EndedRun,
  type InProgressRuns,
  type LiveLog,
  type LogSource,
  type Observation,
  type Provider,
  type ProviderContext,
  type RequestPreview,
  type TriggerOutcome,
  type TriggerResult,
} from '../types.ts';
import { repositoryAtCommit, requestPreview, runHandle } from '../shared.ts';
import { CodeArtsClient, type RunBody, type Variable } from './client.ts';
import type { CodeArtsData, CodeArtsHandle, PipelineLatestRun, RunDetail } from './schemas.ts';
import { codeArtsInProgress } from './in-progress.ts';
import type { PolledDetails } from './live-log.ts';
import { codeArtsLogSources, codeArtsStageSpans } from './logs.ts';
import { classifyLatestRun, classifyRun, type CodeArtsDetails } from './status.ts';

export function stepOutputs(first: CodeArtsHandle | undefined, requestId: string | undefined): StepOutputsOf<'huawei-codearts'> {
  return {
    ...(requestId !== undefined ? { 'request-id': requestId } : {}),
    ...(first ? { pipeline_run_id: first.runId } : {}),
  };
}

type CodeArtsObservation = Observation<CodeArtsDetails>;

const MAX_DESCRIPTION = 1024;
/**
 * Pipeline ids per BatchShowPipelinesLatestStatus call. The API documents no limit; 100 is a guess
 * that keeps each request body a few kB, so 500 pipelines cost 5 calls a round instead of 500.
 */
export const STATUS_BATCH_SIZE = 100;

export function createProvider(ctx: ProviderContext<CodeArtsData>): Provider<CodeArtsData, CodeArtsDetails> {
  const { projectId, variables, credentials, base } = readSettings(ctx);
  const client = new CodeArtsClient({ base, projectId, credentials, http: ctx.http, now: () => ctx.step.clock.now() });
  return new CodeArtsProvider(client, ctx, variables, projectId);
}

class CodeArtsProvider implements Provider<CodeArtsData, CodeArtsDetails> {
  readonly name = 'huawei-codearts' as const;
  private readonly client: CodeArtsClient;
  private readonly ctx: ProviderContext<CodeArtsData>;
  private readonly variables: Variable[];
  private readonly projectId: string;
  /** Whether the batch status call is still worth a try (see batchStatusFailed). */
  private batchStatus = true;
  /** Its pipelines' runs in progress (`if-running`). */
  readonly inProgress: InProgressRuns<CodeArtsData>;
  /** The detail of each run seen ended, by run id: its log reads it from here, not a second time. */
  private readonly endedDetails = new Map<string, RunDetail>();
  /** The details the polls read, kept for the live log only once it asked (`logs: live`, `logs-dir`). */
  private polled: PolledDetails | undefined;
  constructor(client: CodeArtsClient, ctx: ProviderContext<CodeArtsData>, variables: Variable[], projectId: string) {
    this.client = client;
    this.inProgress = codeArtsInProgress(client, (pipeline, runId) => handle(pipeline, runId, { projectId }));
    this.projectId = projectId;
    this.ctx = ctx;
    this.variables = variables;
  }

  /** One batch call for several pipelines; run variables exist only on the single-run call. */
  private get batch(): boolean {
    return this.variables.length === 0 && this.ctx.settings['pipeline-ids'].length > 1;
  }

  preview(pipelines: string[]): Promise<RequestPreview[]> {
    if (this.batch) return Promise.resolve([requestPreview(pipelines.join(','), this.client.batchRunRequest(pipelines))]);
    return Promise.resolve(pipelines.map((p) => requestPreview(p, this.client.runRequest(p, this.runBody()))));
  }

  /**
   * Reads each pipeline's definition (ShowPipelineDetail), signed like the start: proves the key,
   * the project membership and that the pipeline exists. Starts nothing.
   */
  async verify(pipelines: string[]): Promise<void> {
    await mapConcurrent(pipelines, FAN_OUT_LIMIT, (p) => this.client.pipeline(p));
  }

  trigger(pipelines: string[]): Promise<TriggerResult<CodeArtsData>> {
    return this.batch ? this.triggerBatch(pipelines) : this.triggerEach(pipelines);
  }

  /**
   * Two or more runs: one batch status call per round (per STATUS_BATCH_SIZE pipelines), and the run
   * detail only for runs the batch answer cannot settle (see classifyLatestRun) or when it failed.
   * One run: its detail, a smaller answer than the batch one.
   */
  async observe(runs: CodeArtsHandle[]): Promise<Array<CodeArtsObservation | Error>> {
    if (runs.length < 2 || !this.batchStatus) return this.observeEach(runs);
    const latest = await this.latestRuns([...new Set(runs.map((r) => r.pipeline))]);
    const results: Array<CodeArtsObservation | Error | undefined> = runs.map((r) =>
      classifyLatestRun(latest.get(r.pipeline), r.runId),
    );
    const unsettled = runs.flatMap((_, i) => (results[i] === undefined ? [i] : []));
    const details = await this.observeEach(unsettled.map((i) => runs[i] as CodeArtsHandle));
    unsettled.forEach((runIndex, k) => (results[runIndex] = details[k]));
    return results.map((o) => o ?? new Error('no observation returned'));
  }

  /** Each pipeline's latest run by pipeline id; a chunk whose call failed is simply absent. */
  private async latestRuns(pipelines: string[]): Promise<Map<string, PipelineLatestRun>> {
    const chunks = Array.from({ length: Math.ceil(pipelines.length / STATUS_BATCH_SIZE) }, (_, i) =>
      pipelines.slice(i * STATUS_BATCH_SIZE, (i + 1) * STATUS_BATCH_SIZE),
    );
    const answers = await mapConcurrent(chunks, FAN_OUT_LIMIT, async (ids) => {
      try {
        return await this.client.latestRuns(ids);
      } catch (e) {
        this.batchStatusFailed(e);
        return [];
      }
    });
    return new Map(answers.flat().map((entry) => [entry.pipeline_id, entry]));
  }

  /**
   * A failed batch call leaves its runs to their detail calls. A refusal (an error code, or a 4xx
   * other than throttling: not permitted, not published in this region) will not change, so the call
   * is not tried again in this step; throttling, server errors and garbled answers may pass, so the
   * next round tries again.
   */
  private batchStatusFailed(e: unknown): void {
    const lasting = e instanceof ProviderError && !e.transient;
    if (lasting && this.batchStatus) {
      this.batchStatus = false;
      this.ctx.log.info(`the batch status call failed (${errorMessage(e)}); polling each run's detail from now on`);
    } else this.ctx.log.debug(`the batch status call failed (${errorMessage(e)}); polling each run's detail this round`);
  }

  private observeEach(runs: CodeArtsHandle[]): Promise<Array<CodeArtsObservation | Error>> {
    return mapConcurrent(runs, FAN_OUT_LIMIT, async (r) => {
      try {
        const detail = await this.client.detail(r.pipeline, r.runId);
        this.polled?.set(r.runId, detail);
        const seen = classifyRun(detail);
        if (seen.phase !== 'pending') this.endedDetails.set(r.runId, detail);
        return { ...seen, stages: codeArtsStageSpans(detail) };
      } catch (e) {
        return toError(e);
      }
    });
  }

  async cancel(run: CodeArtsHandle): Promise<void> {
    await this.client.stop(run.pipeline, run.runId);
  }

  logs(runs: EndedRun<CodeArtsData>[]): LogSource[] {
    return codeArtsLogSources(this.client, runs, (pipeline, runId) => {
      const seen = this.endedDetails.get(runId);
      return seen ? Promise.resolve(seen) : this.client.detail(pipeline, runId);
    });
  }

  async liveLogs(runs: CodeArtsHandle[]): Promise<LiveLog<CodeArtsData>[]> {
    this.polled ??= new Map();
    return (await import('./live-log.ts')).codeArtsLiveLogs(this.client, runs, this.polled);
  }

  private async triggerBatch(pipelines: string[]): Promise<TriggerResult<CodeArtsData>> {
    const { runs, requestId } = await this.client.startBatch(pipelines);
    const outcomes = pipelines.map((pipeline): TriggerOutcome<CodeArtsData> => {
      const runId = runs.get(pipeline);
      if (runId) return { pipeline, run: handle(pipeline, runId, { projectId: this.projectId }) };
      return {
        pipeline,
        error: new ProviderError({ message: 'batch-runs returned no pipeline_run_id for this pipeline (not started)' }),
      };
    });
    return { outcomes, ...(requestId ? { requestId } : {}) };
  }

  private async triggerEach(pipelines: string[]): Promise<TriggerResult<CodeArtsData>> {
    const body = this.runBody();
    const results = await mapConcurrent(pipelines, FAN_OUT_LIMIT, async (pipeline) => {
      try {
        const started = await this.client.startRun(pipeline, body);
        if (started.queued) this.ctx.log.notice(`run ${started.runId} is queued (${started.queued}); waiting for it`, pipeline);
        const data: CodeArtsData = { projectId: this.projectId };
        const outcome: TriggerOutcome<CodeArtsData> = { pipeline, run: handle(pipeline, started.runId, data) };
        return { outcome, requestId: started.requestId };
      } catch (err) {
        const outcome: TriggerOutcome<CodeArtsData> = { pipeline, error: toError(err) };
        return { outcome, requestId: undefined };
      }
    });
    const requestId = pipelines.length === 1 ? results[0]?.requestId : undefined;
    return { outcomes: results.map((r) => r.outcome), ...(requestId ? { requestId } : {}) };
  }

  private runBody(): RunBody {
    const w = this.ctx.workflow;
    const description = w.repository
      ? `GitHub Actions: ${repositoryAtCommit({ ...w, repository: w.repository })}${w.runId ? ` run ${w.runId}` : ''}`.slice(
          0,
          MAX_DESCRIPTION,
        )
      : undefined;
    return {
      ...(description ? { description } : {}),
      ...(this.variables.length > 0 ? { variables: this.variables } : {}),
    };
  }
}

function handle(pipeline: string, runId: string, data: CodeArtsData): CodeArtsHandle {
  return runHandle('huawei-codearts', { pipeline, runId, data });
}
