/**
 * Huawei Cloud CodeArts Pipeline adapter: starts several pipelines with one BatchRunPipeline call
 * (or one RunPipeline call per pipeline when run variables are given) and polls each run's detail
 * until it ends. Requests are signed with the AK/SK (SDK-HMAC-SHA256) or carry an IAM token.
 */
import type { z } from 'zod';
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import { checkEndpoint } from '../../endpoint.ts';
import { InputError, ProviderError, errorMessage, toError } from '../../errors.ts';
import type { HttpRequest } from '../../http.ts';
import { readInputs, inputRules } from '../../inputs.ts';
import type { InputShapeOf, StepOutputsOf } from '../registry.ts';
import {
  HANDLE_VERSION,
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
import { repositoryAtCommit, valueText } from '../shared.ts';
import { CodeArtsClient, type Credentials, type RunBody, type Variable } from './client.ts';
import type { CodeArtsData, CodeArtsHandle } from './handle.ts';
import { CODEARTS_REGIONS, endpointOverrideVariable, regionEndpoint } from './regions.ts';
import { ID } from './ids.ts';
import { codeArtsInProgress } from './in-progress.ts';
import type { PipelineLatestRun, RunDetail } from './models.ts';
import type { PolledDetails } from './live-log.ts';
import { codeArtsLogSources, codeArtsStageSpans } from './logs.ts';
import { classifyLatestRun, classifyRun, type CodeArtsDetails } from './status.ts';

export { loadModels } from './client.ts';

/** The handle schema, loaded with zod on demand: only the `runs` input and the post step read handles back. */
export async function loadHandleSchema(): Promise<z.ZodType<CodeArtsHandle>> {
  return (await import('./handle.ts')).handleSchema;
}

export function stepOutputs(first: CodeArtsHandle | undefined, requestId: string | undefined): StepOutputsOf<'huawei-codearts'> {
  return {
    ...(requestId !== undefined ? { 'request-id': requestId } : {}),
    ...(first ? { pipeline_run_id: first.runId } : {}),
  };
}

type CodeArtsObservation = Observation<CodeArtsDetails>;

const MAX_VARIABLE_VALUE = 8192;
const MAX_DESCRIPTION = 1024;
/**
 * Pipeline ids per BatchShowPipelinesLatestStatus call. The API documents no limit; 100 is a guess
 * that keeps each request body a few kB, so 500 pipelines cost 5 calls a round instead of 500.
 */
export const STATUS_BATCH_SIZE = 100;

/** The variable names Huawei's SDKs and CLI (KooCLI) read, then those huaweicloud/auth-action exports. */
export const CREDENTIAL_ENV = {
  accessKeyId: ['HUAWEICLOUD_SDK_AK', 'HUAWEI_CLOUD_ACCESS_KEY_ID'],
  accessKeySecret: ['HUAWEICLOUD_SDK_SK', 'HUAWEI_CLOUD_SECRET_ACCESS_KEY'],
  securityToken: ['HUAWEICLOUD_SDK_SECURITY_TOKEN'],
  region: ['HUAWEICLOUD_SDK_REGION', 'HUAWEI_CLOUD_REGION'],
} as const;

const shape = {
  'project-id': inputRules.optionalText(ID, 'the 32-character CodeArts project id (letters and digits)'),
  parameters: inputRules.mapping(),
  'access-key-id': inputRules.optionalText(),
  'access-key-secret': inputRules.optionalText(),
  'security-token': inputRules.optionalText(),
  'auth-token': inputRules.optionalText(),
} satisfies InputShapeOf<'huawei-codearts'>;

export function createProvider(ctx: ProviderContext<CodeArtsData>): Provider<CodeArtsData, CodeArtsDetails> {
  const given = readInputs(shape, ctx.inputs);
  const bad = ctx.settings['pipeline-ids'].find((id) => !ID.test(id));
  if (bad !== undefined) throw new InputError('pipeline-ids', `has '${bad}': CodeArts pipeline ids are 32 letters and digits`);
  const projectId = given['project-id'] ?? ctx.resumed?.[0]?.data.projectId;
  const other = ctx.resumed?.find((h) => h.data.projectId !== projectId);
  if (other)
    throw new InputError('runs', `has a run in project ${other.data.projectId}, but this step's project is ${projectId}`);
  if (projectId === undefined)
    throw new InputError('project-id', 'is required for huawei-codearts: the 32-character CodeArts project id');
  const variables = toVariables(given.parameters);
  const credentials = readCredentials(given, ctx);
  const base = resolveEndpoint(ctx);
  const client = new CodeArtsClient({ base, projectId, credentials, http: ctx.http });
  return new CodeArtsProvider(client, ctx, variables, projectId);
}

function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): string | undefined {
  for (const n of names) if (env[n]) return env[n];
  return undefined;
}

function readCredentials(
  given: {
    'access-key-id'?: string | undefined;
    'access-key-secret'?: string | undefined;
    'security-token'?: string | undefined;
    'auth-token'?: string | undefined;
  },
  ctx: ProviderContext,
): Credentials {
  for (const s of [given['access-key-id'], given['access-key-secret'], given['security-token'], given['auth-token']])
    if (s) ctx.secret(s);
  const token = given['auth-token'];
  if (token !== undefined) {
    if (given['access-key-id'] !== undefined || given['access-key-secret'] !== undefined) {
      throw new InputError('auth-token', 'cannot be combined with access-key-id/access-key-secret: give one way to authenticate');
    }
    return { kind: 'token', token };
  }
  const fromInputs = given['access-key-id'] !== undefined;
  const ak = given['access-key-id'] ?? firstSet(ctx.env, CREDENTIAL_ENV.accessKeyId);
  const sk = given['access-key-secret'] ?? firstSet(ctx.env, CREDENTIAL_ENV.accessKeySecret);
  // A temporary token from the environment belongs to the environment's key, not to a key given as input.
  const securityToken = given['security-token'] ?? (fromInputs ? undefined : firstSet(ctx.env, CREDENTIAL_ENV.securityToken));
  for (const s of [ak, sk, securityToken]) if (s) ctx.secret(s);
  if (!ak) {
    throw new InputError(
      'access-key-id',
      `is required for huawei-codearts (or set ${CREDENTIAL_ENV.accessKeyId.join(' or ')}), unless auth-token is given`,
    );
  }
  if (!sk) {
    throw new InputError(
      'access-key-secret',
      `is required with access-key-id (or set ${CREDENTIAL_ENV.accessKeySecret.join(' or ')})`,
    );
  }
  return { kind: 'aksk', accessKeyId: ak, secretAccessKey: sk, securityToken };
}

function resolveEndpoint(ctx: ProviderContext): URL {
  const { endpoint, region: regionInput } = ctx.settings;
  const allowHttp = ctx.settings['allow-insecure-http'];
  if (endpoint !== undefined) return checkEndpoint(endpoint, 'endpoint', allowHttp);
  const region = regionInput ?? firstSet(ctx.env, CREDENTIAL_ENV.region);
  if (region === undefined) {
    throw new InputError(
      'region',
      `is required for huawei-codearts unless endpoint is given, e.g. cn-north-4 (or set ${CREDENTIAL_ENV.region.join(' or ')})`,
    );
  }
  const override = ctx.env[endpointOverrideVariable(region)];
  if (override) return checkEndpoint(override, endpointOverrideVariable(region), allowHttp);
  const url = regionEndpoint(region);
  if (url === undefined) {
    throw new InputError(
      'region',
      `'${region}' has no CodeArts Pipeline endpoint; use one of ${CODEARTS_REGIONS.join(', ')}, or give endpoint`,
    );
  }
  return new URL(url);
}

/** `parameters` → run `variables`: scalars as text, structures as JSON; each value at most 8192 characters. */
function toVariables(parameters: Record<string, unknown>): Variable[] {
  return Object.entries(parameters).map(([name, raw]) => {
    const value = valueText(raw);
    if (value.length > MAX_VARIABLE_VALUE) {
      throw new InputError(
        'parameters',
        `has '${name}' with ${value.length} characters: CodeArts accepts at most ${MAX_VARIABLE_VALUE}`,
      );
    }
    return { name, value };
  });
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
    const show = (pipeline: string, req: HttpRequest): RequestPreview => ({
      pipeline,
      method: req.method,
      url: req.url.href,
      ...(req.body !== undefined ? { body: req.body } : {}),
    });
    if (this.batch) return Promise.resolve([show(pipelines.join(','), this.client.batchRunRequest(pipelines))]);
    return Promise.resolve(pipelines.map((p) => show(p, this.client.runRequest(p, this.runBody()))));
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
        const data: CodeArtsData = { projectId: this.projectId, ...(started.queueId ? { queueId: started.queueId } : {}) };
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
  return { version: HANDLE_VERSION, provider: 'huawei-codearts', pipeline, runId, data };
}
