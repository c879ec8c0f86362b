/**
 * Reading an answer that carries credentials (a login's tokens, the runner's OIDC token, STS keys).
 * Its secrets are registered only once it is read, so nothing here may quote the body: a garbled
 * answer or a missing field is reported by what was expected, never by what came.
 */
import type { z } from 'zod';
import { ResponseShapeError } from './errors.ts';
import type { HttpResponse } from './http.ts';

/** The body as JSON; one that is not JSON is named by its status, length and content type only. */
export function parseCredentialJson(res: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(res.body) as unknown;
  } catch {
    const type = /^[\w.+-]+\/[\w.+-]+/.exec(res.headers['content-type'] ?? '')?.[0];
    const typed = type === undefined ? '' : `, ${type}`;
    throw new ResponseShapeError(
      `${what}: HTTP ${res.status} with a body that is not JSON (${res.body.length} characters${typed}; not shown: it may hold credentials)`,
    );
  }
}

/** The body checked against its schema; a mismatch names the field, never its value. */
export function readCredential<T>(schema: z.ZodType<T>, res: HttpResponse, what: string): T {
  const parsed = schema.safeParse(parseCredentialJson(res, what));
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path.join('.') ?? '';
  throw new ResponseShapeError(`${what}: unexpected response (missing or invalid '${path}')`);
}
