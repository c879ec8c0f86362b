/**
 * Feldera REST calls (`/v0/pipelines/...`). No polling and no Actions globals here.
 */
import { joinUrl } from '../../endpoint.ts';
import { pathSegment, type HttpClient, type HttpRequest, type HttpResponse, type Method } from '../../http.ts';
import { ResponseShapeError } from '../../errors.ts';
import { bodySnippet, expectSuccess, responseReader, type ErrorFields, type RequestOptions } from '../shared.ts';
import type { PipelineStatus, PipelineWithProgramError } from './schemas.ts';
import { parseServerInfo, type ServerInfo } from './server.ts';

/** Feldera's schemas.ts, loaded on demand: its adapter's `loadSchemas` (`responseReader`, src/providers/shared.ts). */
const { schemas, read } = responseReader(() => import('./schemas.ts'));
export { schemas as loadSchemas };

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
    return this.request('POST', `${pipelinePath(name)}/start`, `start pipeline ${name}`, { idempotent: true, query });
  }

  /**
   * `/activate` to the state the pipeline already has is a no-op 202 on the pipeline (runtime_status.rs
   * allows same → same), as Feldera's Python SDK relies on when it retries it; 503
   * PipelineInteractionUnreachable is transient. So it is retried like a start.
   */
  activateRequest(name: string, initial: string | undefined): HttpRequest {
    return this.request('POST', `${pipelinePath(name)}/activate`, `activate pipeline ${name}`, {
      idempotent: true,
      query: { initial },
    });
  }

  /** Clears a deployment error; refused (DismissErrorRestrictedToFullyStopped) until the pipeline is fully stopped. */
  dismissErrorRequest(name: string): HttpRequest {
    return this.request('POST', `${pipelinePath(name)}/dismiss_error`, `dismiss the deployment error of ${name}`, {
      idempotent: true,
    });
  }

  /**
   * The key's role, or undefined from a manager without the route (404, before v0.150.0). `role` is
   * null when no acting tenant was resolved, and undefined from a manager that predates roles (v0.327.0).
   */
  async sessionRole(): Promise<{ role: string | null | undefined } | undefined> {
    const req = this.request('GET', '/v0/config/session', 'session info', { idempotent: true });
    const res = await this.options.http.send(req);
    if (res.status === 404) return undefined;
    const info = await read(await this.check(res), (m) => m.sessionInfo, 'session info');
    return { role: info.role };
  }

  /**
   * `GET /v0/config`: the server's version and edition (server.ts), read without zod since the trigger
   * waits on it. Throws a short reason when the server gave none this can read.
   */
  async serverInfo(): Promise<ServerInfo> {
    const res = await this.answer(this.request('GET', '/v0/config', 'server version', { idempotent: true }));
    if (res.status < 200 || res.status >= 300) throw new Error(`GET /v0/config answered HTTP ${res.status}`);
    const info = parseServerInfo(res.body);
    if (info === undefined) throw new Error('GET /v0/config gave no version of the form x.y.z');
    return info;
  }

  /**
   * The deployment status and desired status of one pipeline, read without zod (an activate decides
   * from them before it is sent); a refusal is the provider's error as usual.
   */
  async deploymentState(name: string): Promise<{ status: string; desired: string }> {
    const req = this.request('GET', pipelinePath(name), `status of ${name}`, { idempotent: true, query: { selector: 'status' } });
    const res = await this.send(req);
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      body = undefined;
    }
    const { deployment_status: status, deployment_desired_status: desired } = (body ?? {}) as Record<string, unknown>;
    if (typeof status !== 'string' || typeof desired !== 'string') {
      throw new ResponseShapeError(`status of ${name}: the answer has no deployment_status and deployment_desired_status`);
    }
    return { status, desired };
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
    return expectSuccess(res, (r) => describeError(r, this.options.apiKey));
  }

  async status(name: string): Promise<PipelineStatus> {
    const req = this.request('GET', pipelinePath(name), `status of ${name}`, { idempotent: true, query: { selector: 'status' } });
    return read(await this.send(req), (m) => m.pipelineStatus, `status of ${name}`);
  }

  /** Every pipeline of the tenant with its status fields: one call can serve a whole poll round. */
  async statuses(): Promise<PipelineStatus[]> {
    const req = this.request('GET', '/v0/pipelines', 'status of all pipelines', {
      idempotent: true,
      query: { selector: 'status' },
    });
    return read(await this.send(req), (m) => m.pipelineList, 'status of all pipelines');
  }

  /** `selector=all` carries `program_error`, which the status selector omits. */
  async programError(name: string): Promise<PipelineWithProgramError> {
    const req = this.request('GET', pipelinePath(name), `program of ${name}`, { idempotent: true, query: { selector: 'all' } });
    return read(await this.send(req), (m) => m.pipelineWithProgramError, `program of ${name}`);
  }

  /** `force=true`: the graceful stop is an Enterprise feature (501 on the open-source build). */
  async stop(name: string): Promise<void> {
    await this.send(
      this.request('POST', `${pipelinePath(name)}/stop`, `stop pipeline ${name}`, { idempotent: true, query: { force: 'true' } }),
    );
  }

  /** `GET /logs`, read as it streams (see logs.ts); a refusal is the provider's error as usual. */
  async streamLogs(name: string, onText: (text: string) => void, signal: AbortSignal): Promise<void> {
    const req = this.request('GET', `${pipelinePath(name)}/logs`, `log of ${name}`, { idempotent: true });
    const res = await this.options.http.stream({ ...req, headers: { ...req.headers, accept: 'text/plain' } }, onText, signal);
    await this.check(res);
  }

  private request(method: Method, path: string, label: string, { idempotent, query }: RequestOptions): HttpRequest {
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
async function describeError(res: HttpResponse, apiKey: string | undefined): Promise<ErrorFields> {
  const { errorResponse } = await schemas();
  let fields: ErrorFields | undefined;
  try {
    const body = errorResponse.safeParse(JSON.parse(res.body));
    if (body.success) fields = { code: body.data.error_code, message: body.data.message };
  } catch {
    // not JSON: fall through to the raw text
  }
  if (res.status === 401) return describeUnauthorized(res, fields, apiKey);
  return fields ?? { message: bodySnippet(res) };
}

/** Longest `error_description` quoted from a 401 (it is the server's text, about a token). */
const MAX_DESCRIPTION = 300;

/**
 * A 401 (auth.rs `auth_validator`): a bad API key gets `{"message":"Unauthorized API key",
 * "error_code":"AuthenticationFailed"}`; a token that fails as a JWT gets no body and the reason in
 * `WWW-Authenticate: Bearer error_description="…"`. A token without the `apikey:` prefix is checked
 * as a JWT, so a key pasted without it fails as "Malformed JWT". With no key sent, the header is bare.
 */
function describeUnauthorized(res: HttpResponse, fields: ErrorFields | undefined, apiKey: string | undefined): ErrorFields {
  if (!apiKey) {
    return fields ?? { code: 'Unauthorized', message: 'authentication required: set api-key (or FELDERA_API_KEY)' };
  }
  const description = errorDescription(res.headers['www-authenticate']);
  const said = description === undefined ? '' : `: error_description "${description}"`;
  const prefix = apiKey.startsWith('apikey:')
    ? "check that the secret holds a current Feldera API key (they start with 'apikey:')"
    : "Feldera API keys start with 'apikey:', and a token without that prefix is checked as a JWT";
  const refused = `the API key was refused${said}; ${prefix}`;
  if (fields?.message) return { ...fields, message: `${fields.message} (${refused})` };
  return { code: fields?.code ?? 'Unauthorized', message: refused };
}

function errorDescription(header: string | undefined): string | undefined {
  const m = header === undefined ? null : /error_description="((?:[^"\\]|\\.)*)"/.exec(header);
  if (!m?.[1]) return undefined;
  const text = m[1].replace(/\\(.)/g, '$1');
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text;
}
