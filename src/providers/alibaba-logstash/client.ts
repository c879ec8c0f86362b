/**
 * Alibaba Cloud Elasticsearch (2017-06-13, ROA) calls for Logstash instances, signed with V3 on
 * every attempt. No polling and no Actions globals here.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.ts';
import { joinUrl } from '../../endpoint.ts';
import { ProviderError } from '../../errors.ts';
import {
  pathSegment,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
  type Method,
  type OutgoingRequest,
} from '../../http.ts';
import type { LogItem, LogstashInstance, PipelineItem } from './schemas.ts';
import { providerError, responseReader, type ErrorFields, type RequestOptions } from '../shared.ts';
import { acsDate, acsHeaders, sign, type Credentials } from './signer.ts';

/** Alibaba's schemas.ts, loaded on demand: its adapter's `loadSchemas` (`responseReader`, src/providers/shared.ts). */
const { schemas, read } = responseReader(() => import('./schemas.ts'));
export { read, schemas as loadSchemas };

/** Codes Alibaba documents as "not processed, try again"; Terraform's provider retries the same set. */
const RETRYABLE_CODES = new Set([
  'InstanceActivating',
  'ConcurrencyUpdateInstanceConflict',
  'InstanceStatusNotSupportCurrentAction',
  'TokenPreviousRequestProcessError',
  'InstanceDuplicateScheduledTask',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
]);

export function isRetryableCode(code: string | undefined): boolean {
  return code !== undefined && (code.includes('Throttling') || RETRYABLE_CODES.has(code));
}

/** ListPipeline's largest page; one page covers any instance with up to 200 pipelines. */
const PAGE_SIZE = 200;
const JSON_BODY = 'application/json; charset=utf-8';

export interface LogstashClientOptions {
  base: URL;
  instanceId: string;
  http: HttpClient;
  credentials: () => Promise<Credentials>;
  clock: Clock;
}

/** The documented spelling of the error level first, then the one Logstash prints. */
const ERROR_LEVEL_SPELLINGS = ['error', 'ERROR'] as const;

export class LogstashClient {
  private readonly options: LogstashClientOptions;
  constructor(options: LogstashClientOptions) {
    this.options = options;
  }

  async describeLogstash(): Promise<LogstashInstance> {
    const req = this.request('GET', 'DescribeLogstash', '', `describe instance ${this.options.instanceId}`, { idempotent: true });
    return (await read(await this.send(req), (m) => m.describeLogstash, 'DescribeLogstash')).Result;
  }

  /** Every pipeline of the instance: one request unless it has more than one page of them. */
  async listPipelines(): Promise<PipelineItem[]> {
    const all: PipelineItem[] = [];
    for (let page = 1; ; page++) {
      const query = { page: String(page), size: String(PAGE_SIZE) };
      const req = this.request('GET', 'ListPipeline', '/pipelines', 'list pipelines', { idempotent: true, query });
      const res = await read(await this.send(req), (m) => m.listPipeline, 'ListPipeline');
      all.push(...res.Result);
      const total = res.Headers?.['X-Total-Count'] ?? all.length;
      if (res.Result.length < PAGE_SIZE || all.length >= total) return all;
    }
  }

  /** The ClientToken makes a repeat of this call the same deploy, so every failure may be retried. */
  runPipelinesRequest(ids: string[], clientToken: string): HttpRequest {
    const label = `run pipelines ${ids.join(', ')}`;
    return this.request('POST', 'RunPipelines', '/pipelines/action/run', label, {
      idempotent: true,
      query: { ClientToken: clientToken },
      body: ids,
    });
  }

  async runPipelines(ids: string[], clientToken: string): Promise<string | undefined> {
    return this.action(this.runPipelinesRequest(ids, clientToken), 'RunPipelines');
  }

  async stopPipelines(ids: string[], clientToken: string): Promise<string | undefined> {
    const label = `stop pipelines ${ids.join(', ')}`;
    const req = this.request('POST', 'StopPipelines', '/pipelines/action/stop', label, {
      idempotent: true,
      query: { ClientToken: clientToken },
      body: ids,
    });
    return this.action(req, 'StopPipelines');
  }

  /**
   * The instance's newest error log lines in a time window (page 1 of a newest-first answer), oldest first. The SDK documents levels in lower
   * case (`level:info`), so that is searched first; Logstash itself prints them in upper case, so a
   * search that may be case-sensitive is repeated in upper case when the first finds nothing. Either
   * way only lines whose level reads `error` in any case are kept.
   */
  async errorLog(beginMs: number, endMs: number, size = 20): Promise<LogItem[]> {
    for (const level of ERROR_LEVEL_SPELLINGS) {
      const found = (await this.searchLog(`level:${level}`, beginMs, endMs, size)).filter(
        (l) => l.level === undefined || l.level.toLowerCase() === 'error',
      );
      // Newest first (see logs.ts): reversed, then by time, so lines of one moment keep their order.
      if (found.length > 0) return found.reverse().sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    }
    return [];
  }

  private async searchLog(q: string, beginMs: number, endMs: number, size: number): Promise<LogItem[]> {
    const query = {
      type: 'LOGSTASH_INSTANCE_LOG',
      query: q,
      beginTime: String(beginMs),
      endTime: String(endMs),
      page: '1',
      size: String(size),
    };
    const req = this.request('GET', 'ListLogstashLog', '/search-log', 'instance error log', { idempotent: true, query });
    return (await read(await this.send(req), (m) => m.listLogstashLog, 'ListLogstashLog')).Result;
  }

  /**
   * One page of the instance's log (ListLogstashLog, LOGSTASH_INSTANCE_LOG) in a time window, every
   * level. `query` is required and Lucene-like; `*` for "everything" is a guess (the documentation's
   * only example is `level:ERROR`).
   */
  async instanceLog(beginMs: number, endMs: number, page: number, size: number): Promise<LogItem[]> {
    const query = {
      type: 'LOGSTASH_INSTANCE_LOG',
      query: '*',
      beginTime: String(beginMs),
      endTime: String(endMs),
      page: String(page),
      size: String(size),
    };
    const req = this.request('GET', 'ListLogstashLog', '/search-log', `instance log, page ${page}`, { idempotent: true, query });
    return (await read(await this.send(req), (m) => m.listLogstashLog, 'ListLogstashLog')).Result;
  }

  private async action(req: HttpRequest, api: string): Promise<string | undefined> {
    const res = await read(await this.send(req), (m) => m.actionResult, api);
    if (!res.Result) {
      throw new ProviderError({
        status: 200,
        message: `${api} answered Result: false: the request was not carried out`,
        ...(res.RequestId ? { requestId: res.RequestId } : {}),
      });
    }
    return res.RequestId;
  }

  private async send(req: HttpRequest): Promise<HttpResponse> {
    const res = await this.options.http.send(req);
    if (res.status >= 200 && res.status < 300) return res;
    throw await alibabaError(res);
  }

  private request(
    method: Method,
    action: string,
    subPath: string,
    label: string,
    { idempotent, query, body: bodyIds }: RequestOptions<string[]>,
  ): HttpRequest {
    const path = `/openapi/logstashes/${pathSegment(this.options.instanceId)}${subPath}`;
    const body = bodyIds === undefined ? undefined : JSON.stringify(bodyIds);
    return {
      method,
      url: joinUrl(this.options.base, path, query),
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': JSON_BODY },
      ...(body === undefined ? {} : { body }),
      label,
      idempotent,
      retryWhen: async (res) =>
        res.status >= 400 ? isRetryableCode((await errorFields(res)).code) : idempotent && res.status < 300 && !isJson(res.body),
      sign: (out) => this.signHeaders(action, out),
    };
  }

  /** Each attempt gets its own date, nonce and signature: Alibaba refuses a reused nonce. */
  private async signHeaders(action: string, out: OutgoingRequest): Promise<Record<string, string>> {
    const creds = await this.options.credentials();
    const headers = acsHeaders({
      action,
      host: out.url.host,
      body: out.body,
      date: acsDate(this.options.clock.now()),
      nonce: randomUUID(),
      creds,
      contentType: out.headers['content-type'],
    });
    const query = Object.fromEntries(out.url.searchParams);
    const { authorization } = sign({ method: out.method, path: out.url.pathname, query, headers, body: out.body }, creds);
    return { ...headers, authorization };
  }
}

/** A garbled answer to a call that may be repeated is treated like a lost one: the ClientToken makes the repeat safe. */
function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

async function errorFields(res: HttpResponse): Promise<ErrorFields> {
  const { errorBody } = await schemas();
  try {
    const parsed = errorBody.safeParse(JSON.parse(res.body));
    if (!parsed.success) return {};
    const b = parsed.data;
    return { code: b.Code ?? b.code, message: b.Message ?? b.message, requestId: b.RequestId ?? b.requestId };
  } catch {
    return {};
  }
}

/** Alibaba's `Code`, `Message` and `RequestId`, with its documented retryable codes marked transient. */
export async function alibabaError(res: HttpResponse): Promise<ProviderError> {
  const f = await errorFields(res);
  return providerError(res, { ...f, transient: isRetryableCode(f.code) || res.status >= 500 || res.status === 429 });
}
