/**
 * CodeArts Pipeline REST calls (`/v5/{project_id}/api/pipelines/...`), signed with SDK-HMAC-SHA256
 * per attempt or sent with an IAM token. No polling and no Actions globals here.
 */
import { joinUrl } from '../../endpoint.ts';
import { ProviderError, ResponseShapeError } from '../../errors.ts';
import {
  parseJson,
  pathSegment,
  validateShape,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
  type Method,
  type OutgoingRequest,
} from '../../http.ts';
import type { z } from 'zod';
import type { ErrorBody, LogResult, PipelineLatestRun, PipelineRunsPage, RunDetail } from './schemas.ts';
import { providerError, responseReader, type RequestOptions } from '../shared.ts';
import { sdkDate, signRequest } from './signer.ts';

export type Credentials =
  | { kind: 'aksk'; accessKeyId: string; secretAccessKey: string; securityToken?: string | undefined }
  | { kind: 'token'; token: string };

export interface CodeArtsClientOptions {
  base: URL;
  /**
   * The CodeArts project id: the path's `{project_id}` and the signed X-Project-Id header, one value as
   * the official SDK sends it (huaweicloud-sdk-core 3.1.211 auth/BasicCredentials.js:38-46 `getPathParams`
   * fills `{project_id}` from `projectId`; auth/BaseCredentials.js:170-176 `addAuthHeaders` sends the same
   * `projectId` as X-Project-Id before signing; the generated CodeArtsPipeline client never sets it itself).
   */
  projectId: string;
  credentials: Credentials;
  http: HttpClient;
  /** The signature's time (X-Sdk-Date): the step context's clock. */
  now: () => number;
}

/** The run was accepted but queued behind a concurrency limit (pipeline, tenant): it is started. */
export const QUEUED_CODES = new Set(['DEVPIPE.00011169', 'DEVPIPE.00011170']);
/** Concurrency limit reached and the start refused: nothing started, so trying again is safe. */
export const REFUSED_CODES = new Set(['DEVPIPE.00011104', 'DEVPIPE.00011105']);

export interface StartedRun {
  runId: string;
  /** The provider's code and message when the run was queued rather than started at once. */
  queued?: string;
  requestId?: string;
}

export interface Variable {
  name: string;
  value: string;
}

/** ShowPipelineLog's body (LogQuery in the spec); offsets are cursors taken from an earlier answer, or 0. */
export interface LogQuery {
  start_offset: number;
  end_offset: number;
  limit: number;
  sort: 'asc' | 'desc';
}

export interface RunBody {
  description?: string;
  variables?: Variable[];
}

/** One path segment: ids are data (from answers, inputs or a `runs` handle), never path syntax. */
const seg = pathSegment;

export class CodeArtsClient {
  private readonly options: CodeArtsClientOptions;
  constructor(options: CodeArtsClientOptions) {
    this.options = options;
  }

  /** BatchRunPipeline: one call starts every pipeline. Not idempotent: retried only when refused. */
  batchRunRequest(pipelineIds: string[]): HttpRequest {
    return this.start('/pipelines/batch-runs', { pipeline_ids: pipelineIds }, `start ${pipelineIds.length} pipelines`);
  }

  /** RunPipeline: starts one run; a repeat would start a second one. */
  runRequest(pipelineId: string, body: RunBody): HttpRequest {
    return this.start(`/pipelines/${seg(pipelineId)}/run`, body, `start pipeline ${pipelineId}`);
  }

  async startBatch(pipelineIds: string[]): Promise<{ runs: Map<string, string>; requestId?: string }> {
    const res = await this.options.http.send(this.batchRunRequest(pipelineIds));
    const body = await read(res, (m) => m.batchRunResponse, 'batch-runs');
    const runs = new Map<string, string>();
    for (const r of body.result ?? []) if (r.pipeline_run_id) runs.set(r.pipeline_id, r.pipeline_run_id);
    return { runs, ...requestIdOf(res) };
  }

  async startRun(pipelineId: string, body: RunBody): Promise<StartedRun> {
    const res = await this.options.http.send(this.runRequest(pipelineId, body));
    if (!isSuccess(res)) await checkBody(res);
    const what = `start pipeline ${pipelineId}`;
    const parsed = validateShape((await schemas()).runResponse, parseJson(res, what), what);
    const code = codeOf(parsed);
    const queuedRun = parsed.error?.pipeline_run_id;
    if (code !== undefined && QUEUED_CODES.has(code) && queuedRun) {
      return { runId: queuedRun, queued: `${code}: ${messageOf(parsed) ?? 'queued'}`, ...requestIdOf(res) };
    }
    await checkBody(res);
    if (!parsed.pipeline_run_id) throw new ResponseShapeError(`start pipeline ${pipelineId}: the answer has no pipeline_run_id`);
    return { runId: parsed.pipeline_run_id, ...requestIdOf(res) };
  }

  async detail(pipelineId: string, runId: string): Promise<RunDetail> {
    const req = this.request('GET', `/pipelines/${seg(pipelineId)}/pipeline-runs/detail`, `status of run ${runId}`, {
      idempotent: true,
      query: {
        pipeline_run_id: runId,
      },
    });
    return read(await this.options.http.send(req), (m) => m.runDetail, `status of run ${runId}`);
  }

  /**
   * BatchShowPipelinesLatestStatus: the latest run of each pipeline, in one call. Pipelines that never
   * ran are left out, and the latest run may be one someone else started. A read, so retried freely.
   */
  async latestRuns(pipelineIds: string[]): Promise<PipelineLatestRun[]> {
    const label = `status of ${pipelineIds.length} pipelines`;
    const req = this.request('POST', '/pipelines/status', label, { idempotent: true });
    const res = await this.options.http.send({ ...req, body: JSON.stringify(pipelineIds) });
    return read(res, (m) => m.pipelineLatestRuns, label);
  }

  /** ListPipelineRuns: a page of the pipeline's runs, filtered and ordered as `body` asks. A read, so retried freely. */
  async listRuns(pipelineId: string, body: Record<string, unknown>): Promise<PipelineRunsPage> {
    const label = `runs of pipeline ${pipelineId}`;
    const req = this.request('POST', `/pipelines/${seg(pipelineId)}/pipeline-runs/list`, label, { idempotent: true });
    return read(await this.options.http.send({ ...req, body: JSON.stringify(body) }), (m) => m.pipelineRunsPage, label);
  }

  /** ShowPipelineDetail: a signed read that starts nothing, for dry-run's credential check. */
  async pipeline(pipelineId: string): Promise<void> {
    const req = this.request('GET', `/pipelines/${seg(pipelineId)}`, `read pipeline ${pipelineId}`, { idempotent: true });
    await read(await this.options.http.send(req), (m) => m.pipelineDetail, `pipeline ${pipelineId}`);
  }

  /**
   * ShowPipelineLog with the spec's LogQuery body (all four fields required). The offsets are the
   * service's own cursors: an answer's `start_offset`/`end_offset` go back into the next request's
   * fields of the same names (LogResult's descriptions in the API Explorer spec); nothing here does
   * arithmetic on them (the spec's one example answers a request from 0 with "6132"…"25705").
   */
  async stepLog(pipelineId: string, runId: string, jobRunId: string, stepRunId: string, query: LogQuery): Promise<LogResult> {
    const path = `/pipelines/${seg(pipelineId)}/pipeline-runs/${seg(runId)}/jobs/${seg(jobRunId)}/steps/${seg(stepRunId)}/logs`;
    const label = `log of step ${stepRunId} of run ${runId}`;
    const res = await this.options.http.send({
      ...this.request('POST', path, label, { idempotent: true }),
      body: JSON.stringify(query),
    });
    return read(res, (m) => m.logResult, label);
  }

  /** StopPipelineRun: stopping twice is harmless, so it is retried like a read. */
  async stop(pipelineId: string, runId: string): Promise<void> {
    const req = this.request('POST', `/pipelines/${seg(pipelineId)}/pipeline-runs/${seg(runId)}/stop`, `stop run ${runId}`, {
      idempotent: true,
    });
    const body = await read(await this.options.http.send(req), (m) => m.successResponse, `stop run ${runId}`);
    if (body.success === false) throw new ProviderError({ message: `stop run ${runId}: the service answered success=false` });
  }

  private start(path: string, body: unknown, label: string): HttpRequest {
    const req = this.request('POST', path, label, { idempotent: false });
    return { ...req, body: JSON.stringify(body), retryWhen: startRefused };
  }

  private request(method: Method, path: string, label: string, { idempotent, query }: RequestOptions): HttpRequest {
    const url = joinUrl(this.options.base, `/v5/${seg(this.options.projectId)}/api${path}`, query);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      // Signed with the rest (signHeaders signs every header but User-Agent), as the SDK core does.
      'x-project-id': this.options.projectId,
    };
    const creds = this.options.credentials;
    if (creds.kind === 'token') return { method, url, headers: { ...headers, 'x-auth-token': creds.token }, label, idempotent };
    const { now } = this.options;
    return { method, url, headers, label, idempotent, sign: (out) => signHeaders(out, creds, now()) };
  }
}

/** Headers the gateway needs for one attempt: a fresh X-Sdk-Date, the Host it will see, the signature. */
export function signHeaders(
  out: OutgoingRequest,
  creds: Extract<Credentials, { kind: 'aksk' }>,
  nowMs: number,
): Record<string, string> {
  const extra: Record<string, string> = { host: out.url.host, 'x-sdk-date': sdkDate(nowMs) };
  if (creds.securityToken) extra['x-security-token'] = creds.securityToken;
  const signable: Record<string, string> = { ...extra };
  // User-Agent is not signed (as in the SDKs): proxies may rewrite it.
  for (const [k, v] of Object.entries(out.headers)) if (k.toLowerCase() !== 'user-agent') signable[k.toLowerCase()] = v;
  const sig = signRequest(
    { method: out.method, url: out.url, headers: signable, body: out.body },
    creds.accessKeyId,
    creds.secretAccessKey,
  );
  return { ...extra, authorization: sig.authorization };
}

/** Refused starts and gateway throttling were not processed, so a non-idempotent start may repeat. */
async function startRefused(res: HttpResponse): Promise<boolean> {
  if (res.status === 429) return true;
  const code = codeOf(await errorBodyOf(jsonOrUndefined(res.body)));
  return code !== undefined && REFUSED_CODES.has(code);
}

function isSuccess(res: HttpResponse): boolean {
  return res.status >= 200 && res.status < 300;
}

/** CodeArts' schemas.ts, loaded on demand: its adapter's `loadSchemas` (`responseReader`, src/providers/shared.ts). */
const { schemas } = responseReader(() => import('./schemas.ts'));
export { schemas as loadSchemas };
type Schemas = Awaited<ReturnType<typeof schemas>>;

/** The body of `res`, checked as `checkBody` does, as the schema `pick` chooses types it. */
async function read<T>(res: HttpResponse, pick: (m: Schemas) => z.ZodType<T>, what: string): Promise<T> {
  const body = await checkBody(res);
  return validateShape(pick(await schemas()), body, what);
}

/** The JSON body, unless the status or an `error_code` in the body (even on 2xx) says it failed. */
async function checkBody(res: HttpResponse): Promise<unknown> {
  const json = jsonOrUndefined(res.body);
  const err = await errorBodyOf(json);
  const code = codeOf(err);
  if (isSuccess(res) && code === undefined) return json === undefined ? parseJson(res, 'response') : json;
  throw providerError(res, {
    message: messageOf(err),
    code,
    ...requestIdOf(res),
    ...(code !== undefined && REFUSED_CODES.has(code) ? { transient: true } : {}),
  });
}

/** The body parsed once, for both the error check and the caller: every poll goes through here. */
function jsonOrUndefined(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

async function errorBodyOf(json: unknown): Promise<ErrorBody | undefined> {
  const { errorBody } = await schemas();
  const parsed = errorBody.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function codeOf(body: ErrorBody | undefined): string | undefined {
  return body?.error_code || body?.error?.code || undefined;
}

function messageOf(body: ErrorBody | undefined): string | undefined {
  return body?.error_msg || body?.error?.message || undefined;
}

function requestIdOf(res: HttpResponse): { requestId?: string } {
  const id = res.headers['x-request-id'];
  return id ? { requestId: id } : {};
}
