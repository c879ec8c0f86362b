/**
 * Reading answers: bodies are untrusted bytes, each kind read up to a cap enforced while reading (the
 * body is destroyed past it), so no answer, however large or endless, grows memory past the cap; then
 * parsed and checked against the provider's schema.
 */
import type { z } from 'zod';
import { ResponseShapeError } from '../errors.ts';
import { describeRequest } from './errors.ts';
import type { HttpRequest, HttpResponse } from './types.ts';

/**
 * JSON answers (statuses, starts, log pages) are a few kB; the largest real ones, a page of 5000 log
 * lines, stay well under 4 MiB.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** Error answers (non-2xx) carry a code and a message: 64 KiB is plenty, and they are read that far. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** An answer outgrew its cap. A ResponseShapeError: to the poller a transient fault, polled again next round. */
export class BodyTooLargeError extends ResponseShapeError {
  readonly code = 'BODY_TOO_LARGE';
}

/**
 * Reads a body into memory up to `cap` bytes. A longer one (by its content-length, or as it arrives) is
 * destroyed at once, which drops the connection: the server's further bytes are never read.
 */
export async function readCapped(
  body: AsyncIterable<unknown> & { destroy(err?: Error): unknown },
  cap: number,
  req: HttpRequest,
  status: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > cap) {
      body.destroy();
      throw new BodyTooLargeError(
        `${describeRequest(req)}: HTTP ${status} with a body over ${formatBytes(cap)}; the read was stopped there`,
      );
    }
    chunks.push(bytes);
  }
  // As undici's body.text(): UTF-8, a leading byte-order mark dropped.
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MiB` : `${n / 1024} KiB`;
}

export function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/**
 * One path segment of a request: ids are data (from inputs, a `runs` handle or an answer), never path
 * syntax. Encoded as encodeURIComponent writes it; `.` and `..` (which URL parsing resolves, encoded or
 * not) and the empty segment are refused.
 */
export function pathSegment(id: string): string {
  if (id === '' || id === '.' || id === '..') throw new ResponseShapeError(`'${id}' is not an id that can name a resource`);
  return encodeURIComponent(id);
}

/** Parses a JSON body; a garbled one is a ResponseShapeError, which the poller treats as transient. */
export function parseJson(res: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    throw new ResponseShapeError(`${what}: HTTP ${res.status} with a body that is not JSON (${res.body.slice(0, 120)})`);
  }
}

/** Checks a decoded body against the provider's schema; a mismatch is a ResponseShapeError (transient to the poller). */
export function validateShape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ResponseShapeError(`${what}: unexpected response (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`);
  }
  return parsed.data;
}

/** parseJson + validateShape: the body of a response, as the provider's schema types it. */
export function parseResponse<T>(schema: z.ZodType<T>, res: HttpResponse, what: string): T {
  return validateShape(schema, parseJson(res, what), what);
}
