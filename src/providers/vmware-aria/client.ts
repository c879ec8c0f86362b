/**
 * Code Stream REST calls (`/codestream/api/...`, API version 2019-10-17) with bearer tokens from
 * AriaAuth. A 401 is answered by one fresh login and one resend: the server refused the request,
 * so even the execute call cannot have started anything.
 */
import { joinUrl } from '../../endpoint.ts';
import { pathSegment, type HttpClient, type HttpRequest, type HttpResponse, type Method } from '../../http.ts';
import type { AriaAuth } from './auth.ts';
import { expectSuccess, type RequestOptions } from '../shared.ts';
import { describeAriaError } from './errors.ts';
import type { Execution, ExecutionPage, ExecutionResponse, Pipeline } from './schemas.ts';
import { read } from './reader.ts';

/** The only Code Stream API version published; sent so a newer server keeps answering in this shape. */
export const API_VERSION = '2019-10-17';

export type PipelineRef = { id: string } | { project: string; name: string };

export interface ExecutionRequest {
  comments: string;
  input: Record<string, string>;
  tags?: string[];
}

export class AriaClient {
  private readonly base: URL;
  private readonly http: HttpClient;
  private readonly auth: AriaAuth;

  constructor(base: URL, http: HttpClient, auth: AriaAuth) {
    this.base = base;
    this.http = http;
    this.auth = auth;
  }

  /** Never repeated once it may have reached the server: a second execution would run the pipeline twice. */
  executeRequest(ref: PipelineRef, body: ExecutionRequest): HttpRequest {
    return this.request('POST', `${pipelinePath(ref)}/executions`, `execute pipeline ${describeRef(ref)}`, {
      idempotent: false,
      body,
    });
  }

  async execute(ref: PipelineRef, body: ExecutionRequest): Promise<ExecutionResponse> {
    const res = await this.send(this.executeRequest(ref, body));
    return read(res, (m) => m.executionResponse, `execute ${describeRef(ref)}`);
  }

  /** The pipeline's definition: a read that starts nothing, for dry-run's credential check. */
  async pipeline(ref: PipelineRef): Promise<Pipeline> {
    const req = this.request('GET', pipelinePath(ref), `read pipeline ${describeRef(ref)}`, { idempotent: true });
    return read(await this.send(req), (m) => m.pipeline, `pipeline ${describeRef(ref)}`);
  }

  /** The execution with stage and task detail (the description's `queryParams` map: `expand=…`). */
  async execution(id: string): Promise<Execution> {
    const req = this.request('GET', executionPath(id), `status of execution ${id}`, {
      idempotent: true,
      query: { expand: 'PIPELINE_STAGE_TASK' },
    });
    return read(await this.send(req), (m) => m.execution, `execution ${id}`);
  }

  /**
   * The execution's own index, read right after the execute call. Sent once, without retries: the
   * read is best-effort, and the step's deadline does not yet run while pipelines are being started,
   * so a retried read (a Retry-After, a backoff) could hold the step far past its timeout.
   */
  async executionIndex(id: string): Promise<number | undefined> {
    const req = this.request('GET', executionPath(id), `index of execution ${id}`, { idempotent: false });
    return (await read(await this.send(req), (m) => m.execution, `execution ${id}`)).index;
  }

  /** A pipeline's executions, filtered, ordered and cut by the server (OData `$filter`, `$orderby`, `$top`). */
  async executions(ref: PipelineRef, query: Record<string, string>): Promise<ExecutionPage> {
    const label = `executions of pipeline ${describeRef(ref)}`;
    const req = this.request('GET', `${pipelinePath(ref)}/executions`, label, { idempotent: true, query });
    return read(await this.send(req), (m) => m.executionPage, label);
  }

  async cancel(id: string, reason: string): Promise<void> {
    const req = this.request('POST', executionPath(id), `cancel execution ${id}`, {
      idempotent: true,
      query: { action: 'cancel' },
      body: { reason },
    });
    await this.send(req);
  }

  private async send(req: HttpRequest): Promise<HttpResponse> {
    let used = await this.auth.token();
    const withToken = (): HttpRequest => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${used}` } });
    let res = await this.http.send(withToken());
    if (res.status === 401) {
      used = await this.auth.renew(used);
      res = await this.http.send(withToken());
    }
    return expectSuccess(res, (r) => describeAriaError(r));
  }

  private request(
    method: Method,
    path: string,
    label: string,
    { idempotent, query, body }: RequestOptions<unknown>,
  ): HttpRequest {
    return {
      method,
      url: joinUrl(this.base, path, { apiVersion: API_VERSION, ...query }),
      headers: { accept: 'application/json' },
      label,
      idempotent,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
  }
}

function pipelinePath(ref: PipelineRef): string {
  const tail = 'id' in ref ? pathSegment(ref.id) : `${pathSegment(ref.project)}/${pathSegment(ref.name)}`;
  return `/codestream/api/pipelines/${tail}`;
}

export function executionPath(id: string): string {
  return `/codestream/api/executions/${pathSegment(id)}`;
}

export function describeRef(ref: PipelineRef): string {
  return 'id' in ref ? ref.id : `${ref.project}/${ref.name}`;
}
