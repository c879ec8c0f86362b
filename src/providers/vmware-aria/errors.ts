/**
 * Aria's error bodies, none of which the API description declares: Code Stream's
 * `{status, error, message, requestId}`, the IaaS login's `ServiceErrorResponse` and the identity
 * service's `{error, serverMessage}`. Read the message, then the error, then the raw text.
 */
import type { HttpResponse } from '../../http.ts';
import { bodySnippet, type ErrorFields } from '../shared.ts';
import { schemas } from './reader.ts';

export type AriaErrorDescription = ErrorFields;

export async function describeAriaError(res: HttpResponse, authHint?: string): Promise<AriaErrorDescription> {
  const out: AriaErrorDescription = await parsed(res);
  if ((res.status === 401 || res.status === 403 || res.status === 400) && authHint && out.message !== undefined) {
    out.message = `${out.message} (${authHint})`;
  }
  return out;
}

async function parsed(res: HttpResponse): Promise<AriaErrorDescription> {
  const { errorBody } = await schemas();
  let json: unknown;
  try {
    json = JSON.parse(res.body);
  } catch {
    return rawText(res);
  }
  const body = errorBody.safeParse(json);
  if (!body.success) return rawText(res);
  const b = body.data;
  const message = b.message || b.serverMessage || b.error;
  if (message === undefined) return rawText(res);
  const code = b.errorCode !== undefined ? String(b.errorCode) : (b.messageId ?? (b.message ? b.error : undefined));
  return {
    message: message.slice(0, 1000),
    ...(code ? { code } : {}),
    ...(b.requestId ? { requestId: b.requestId } : {}),
  };
}

function rawText(res: HttpResponse): AriaErrorDescription {
  if (res.status === 401 && res.body.trim() === '') return { message: 'Unauthorized (no body)' };
  return { message: bodySnippet(res) };
}
