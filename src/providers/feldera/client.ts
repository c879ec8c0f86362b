/**
 * Feldera REST calls (`/v0/pipelines/...`). No polling and no Actions globals here.
 */
import { joinUrl } from '../../endpoint.ts';
import { pathSegment, type HttpClient, type HttpRequest, type HttpResponse, type Method } from '../../http.ts';
import { bodySnippet, expectSuccess, responseReader, type ErrorFields } from '../shared.ts';
import type { PipelineStatus, PipelineWithProgramError } from './models.ts';

/** Feldera's response schemas, with zod, loaded when a response is first read (never before a request is sent). */
const { models, read } = responseReader(() => import('./models.ts'));
export { models as loadModels };

export interface FelderaClientOptions {
  base: URL;
  apiKey?: string | undefined;
  tenant?: string | undefined;
  http: HttpClient;
}

export type StartQuery = { initial: string; bootstrap_policy?: string; dismiss_error: string };

export class FelderaClient {
  private readonly options: FelderaClientOptions;
  constructor(options: FelderaClientOptions) {
    this.options = options;
  }

  /**
   * `/start` on a provisioned pipeline with the same initial state and bootstrap config answers 202 and
   * changes nothing, so it is safe to repeat. The adapter always sends `dismiss_error=false` (an error is
   * dismissed beforehand, once): a repeat can then never wipe the error of the start it repeats.
   */
  startRequest(name: string, query: StartQuery): HttpRequest {
    return this.request('POST', `${pipelinePath(name)}/start`, `start pipeline ${name}`, true, query);
  }

  /**
   * `/activate` to the state the pipeline already has is a no-op 202 on the pipeline (runtime_status.rs
   * allows same → same), as Feldera's Python SDK relies on when it retries it; 503
   * PipelineInteractionUnreachable is transient. So it is retried like a start.
   */
  activateRequest(name: string, initial: string | undefined): HttpRequest {
    return this.request('POST', `${pipelinePath(name)}/activate`, `activate pipeline ${name}`, true, { initial });
  }

  /** Clears a deployment error; refused (DismissErrorRestrictedToFullyStopped) until the pipeline is fully stopped. */
  dismissErrorRequest(name: string): HttpRequest {
    return this.request('POST', `${pipelinePath(name)}/dismiss_error`, `dismiss the deployment error of ${name}`, true);
  }

  /** The key's role, or undefined from a manager without the route (404). */
  async sessionRole(): Promise<{ role: string | null } | undefined> {
    const req = this.request('GET', '/v0/config/session', 'session info', true);
    const res = await this.options.http.send(req);
    if (res.status === 404) return undefined;
    const info = await read(await expectSuccess(res, describeError), (m) => m.sessionInfo, 'session info');
    return { role: info.role ?? null };
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    return this.check(await this.options.http.send(req));
  }

  /** The answer whatever its status, with `attempts`: for a caller that must know whether a refusal answered a repeat. */
  async answer(req: HttpRequest): Promise<HttpResponse> {
    return this.options.http.send(req);
  }

  /** A refusal as a ProviderError with Feldera's error_code and message. */
  async check(res: HttpResponse): Promise<HttpResponse> {
    return expectSuccess(res, describeError);
  }

  async status(name: string): Promise<PipelineStatus> {
    const req = this.request('GET', pipelinePath(name), `status of ${name}`, true, { selector: 'status' });
    return read(await this.send(req), (m) => m.pipelineStatus, `status of ${name}`);
  }

  /** Every pipeline of the tenant with its status fields: one call can serve a whole poll round. */
  async statuses(): Promise<PipelineStatus[]> {
    const req = this.request('GET', '/v0/pipelines', 'status of all pipelines', true, { selector: 'status' });
    return read(await this.send(req), (m) => m.pipelineList, 'status of all pipelines');
  }

  /** `selector=all` carries `program_error`, which the status selector omits. */
  async programError(name: string): Promise<PipelineWithProgramError> {
    const req = this.request('GET', pipelinePath(name), `program of ${name}`, true, { selector: 'all' });
    return read(await this.send(req), (m) => m.pipelineWithProgramError, `program of ${name}`);
  }

  /** `force=true`: the graceful stop is an Enterprise feature (501 on the open-source build). */
  async stop(name: string): Promise<void> {
    await this.send(this.request('POST', `${pipelinePath(name)}/stop`, `stop pipeline ${name}`, true, { force: 'true' }));
  }

  /** `GET /logs`, read as it streams (see logs.ts); a refusal is the provider's error as usual. */
  async streamLogs(name: string, onText: (text: string) => void, signal: AbortSignal): Promise<void> {
    const req = this.request('GET', `${pipelinePath(name)}/logs`, `log of ${name}`, true);
    const res = await this.options.http.stream({ ...req, headers: { ...req.headers, accept: 'text/plain' } }, onText, signal);
    await expectSuccess(res, describeError);
  }

  private request(
    method: Method,
    path: string,
    label: string,
    idempotent: boolean,
    query?: Record<string, string | undefined>,
  ): HttpRequest {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.apiKey) headers['authorization'] = `Bearer ${this.options.apiKey}`;
    if (this.options.tenant) headers['feldera-tenant'] = this.options.tenant;
    return { method, url: joinUrl(this.options.base, path, query), headers, label, idempotent };
  }
}

function pipelinePath(name: string): string {
  return `/v0/pipelines/${pathSegment(name)}`;
}

/** Feldera's ErrorResponse `{message, error_code, details}`; proxies may answer without it. */
async function describeError(res: HttpResponse): Promise<ErrorFields> {
  const { errorResponse } = await models();
  try {
    const body = errorResponse.safeParse(JSON.parse(res.body));
    if (body.success) return { code: body.data.error_code, message: body.data.message };
  } catch {
    // not JSON: fall through to the raw text
  }
  if (res.status === 401) return { code: 'Unauthorized', message: 'authentication required: set api-key (or FELDERA_API_KEY)' };
  return { message: bodySnippet(res) };
}
