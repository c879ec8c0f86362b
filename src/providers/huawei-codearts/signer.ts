/**
 * Huawei Cloud API Gateway request signing, `SDK-HMAC-SHA256` (the AK/SK scheme of the official
 * SDKs and the API signing guide). Pure: no clock, no I/O; the caller supplies the date.
 */
import { createHmac } from 'node:crypto';
import { percentEncode, sha256Hex, type Signature } from '../shared.ts';

export const ALGORITHM = 'SDK-HMAC-SHA256';

export interface SignableRequest {
  method: string;
  url: URL;
  /** Every header to sign, any case; `host` and `x-sdk-date` must be among them. */
  headers: Record<string, string>;
  /** The exact body bytes that will be sent ('' for none). */
  body: string;
}

/** `20250102T030405Z`: the X-Sdk-Date form of a UTC instant. */
export function sdkDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Each path segment encoded on its own, and always a trailing slash (the gateway signs it so). */
export function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map((segment) => percentEncode(decodeURIComponent(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Keys sorted, repeated keys with their values sorted, `k=v` joined by `&`. */
export function canonicalQuery(params: URLSearchParams): string {
  const keys = [...new Set(params.keys())].sort();
  return keys
    .flatMap((k) =>
      params
        .getAll(k)
        .sort()
        .map((v) => `${percentEncode(k)}=${percentEncode(v)}`),
    )
    .join('&');
}

export function signRequest(req: SignableRequest, accessKeyId: string, secretAccessKey: string): Signature {
  const headers = lowerCaseKeys(req.headers);
  const date = headers['x-sdk-date'];
  if (date === undefined) throw new Error('signRequest: the x-sdk-date header is required');
  const names = Object.keys(headers).sort();
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(req.url.pathname),
    canonicalQuery(req.url.searchParams),
    names.map((n) => `${n}:${headers[n] ?? ''}\n`).join(''),
    names.join(';'),
    sha256Hex(req.body),
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${date}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', Buffer.from(secretAccessKey, 'utf8')).update(stringToSign, 'utf8').digest('hex');
  const signedHeaders = names.join(';');
  return {
    canonicalRequest,
    stringToSign,
    signedHeaders,
    signature,
    authorization: `${ALGORITHM} Access=${accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}
