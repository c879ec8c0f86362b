/**
 * What every provider adapter and client would otherwise write for itself: turning a refused request
 * into a ProviderError, the text shown for an error body nobody could read, values as text, RFC 3986
 * encoding and the digest for the request signers, and how a run of this workflow is described to a
 * provider (comments, descriptions, cancel reasons).
 */
import { createHash } from 'node:crypto';
import { ProviderError } from '../errors.ts';
import type { z } from 'zod';
import { parseResponse, type HttpRequest, type HttpResponse } from '../http.ts';
import type { ProviderName } from './registry.ts';
import { HANDLE_VERSION, type RequestPreview, type RunHandle, type WorkflowContext } from './types.ts';

/** What a provider's error body said, as far as its format could be read. */
export interface ErrorFields {
  code?: string | undefined;
  message?: string | undefined;
  requestId?: string | undefined;
  /** Overrides the status-based guess of whether trying again later can help. */
  transient?: boolean | undefined;
}

/**
 * How a client's `request` builds one call, by name. `idempotent`: a repeat changes nothing, so the
 * call is retried after any failure, also once it may have reached the server (src/http.ts).
 */
export interface RequestOptions<Body = never> {
  idempotent: boolean;
  query?: Record<string, string | undefined>;
  body?: Body;
}

/** How much of an unreadable body goes into a message: enough to recognise a proxy's error page. */
const BODY_SNIPPET = 300;

/** The start of a body whose format was not understood, or a line saying there was none. */
export function bodySnippet(res: HttpResponse, max = BODY_SNIPPET): string {
  return res.body.trim().slice(0, max) || `HTTP ${res.status} with no body`;
}

/** The ProviderError for a refused request: the provider's own code, message and request id, the body's text where it gave no message. */
export function providerError(res: HttpResponse, fields: ErrorFields): ProviderError {
  return new ProviderError({
    status: res.status,
    message: fields.message ?? bodySnippet(res),
    ...(fields.code !== undefined ? { code: fields.code } : {}),
    ...(fields.requestId !== undefined ? { requestId: fields.requestId } : {}),
    ...(fields.transient !== undefined ? { transient: fields.transient } : {}),
  });
}

/**
 * Returns a 2xx response; throws the ProviderError `describe` reads from anything else. `describe` may
 * be async: error bodies are read with the provider's zod schemas (`responseReader`).
 */
export async function expectSuccess(
  res: HttpResponse,
  describe: (res: HttpResponse) => ErrorFields | Promise<ErrorFields>,
): Promise<HttpResponse> {
  if (res.status >= 200 && res.status < 300) return res;
  throw providerError(res, await describe(res));
}

/** A module imported on first use and kept (a failed import stays failed, reported by each caller). */
export function onDemand<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () => (loading ??= load());
}

/** A provider's schemas loaded on demand, and `read`: a body as the schema `pick` chooses types it. */
export interface ResponseReader<M> {
  /** The adapter's `loadSchemas`. */
  schemas: () => Promise<M>;
  /** Takes the response already received, so the schemas never load before the request is sent. */
  read: <T>(res: HttpResponse, pick: (schemas: M) => z.ZodType<T>, what: string) => Promise<T>;
}

/**
 * The one door to a provider's zod schemas (its `schemas.ts`: responses and handles). zod is a third of
 * the bundle, so nothing on the start path imports it or a schema module except as types (a lint rule,
 * eslint.config.js, and the build's "zod on demand" check, src/start-path/seam.mjs, hold this); the module
 * is imported on the first read, on the first handle read back (`runs` input, post step), or, in a step
 * that waits, as its first request's headers are written (src/start-path/first-send.ts), so zod compiles
 * during that round trip. Why and what it saved: docs/development.md, "The build and the start path".
 */
export function responseReader<M>(load: () => Promise<M>): ResponseReader<M> {
  const schemas = onDemand(load);
  return { schemas, read: async (res, pick, what) => parseResponse(pick(await schemas()), res, what) };
}

/** A parameter value as the provider's string-typed inputs and variables take it: scalars as text, structures as JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** RFC 3986: encodeURIComponent also leaves `!'()*` alone, which the signers' canonical forms escape (upper-case hex). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The parts an HMAC-SHA256 request signature is made of (Huawei SDK-HMAC-SHA256, Alibaba ACS3), kept for tests. */
export interface Signature {
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
  authorization: string;
}

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

/** `owner/repo@0123456789ab`: the repository and the first 12 characters of the commit, where known. */
export function repositoryAtCommit(w: WorkflowContext & { repository: string }): string {
  return `${w.repository}${w.sha ? `@${w.sha.slice(0, 12)}` : ''}`;
}

/** The workflow run's page (`https://github.com/owner/repo/actions/runs/123`), when the repository and run are known. */
export function workflowRunUrl(w: WorkflowContext): string | undefined {
  if (!w.repository || w.runId === undefined || w.runId === '') return undefined;
  return `${w.serverUrl ?? 'https://github.com'}/${w.repository}/actions/runs/${w.runId}`;
}

/** A handle of the current version, the same shape from every provider (a link only where the run has one). */
export function runHandle<D>(
  provider: ProviderName,
  run: { pipeline: string; runId: string; url?: string | undefined; data: D },
): RunHandle<D> {
  const { pipeline, runId, url, data } = run;
  return { version: HANDLE_VERSION, provider, pipeline, runId, ...(url !== undefined ? { url } : {}), data };
}

/** What `dry-run` shows of a request the trigger would send (its headers, which carry credentials, never). */
export function requestPreview(pipeline: string, req: HttpRequest): RequestPreview {
  return { pipeline, method: req.method, url: req.url.href, ...(req.body ? { body: req.body } : {}) };
}
