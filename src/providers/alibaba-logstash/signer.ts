/**
 * Alibaba Cloud request signature V3 (`ACS3-HMAC-SHA256`), pure: no clock, no randomness, no I/O.
 * The caller supplies the date and nonce, so the vectors made with Alibaba's own signer can be
 * reproduced byte for byte.
 */
import { createHmac } from 'node:crypto';
import { percentEncode, sha256Hex, type Signature } from '../shared.ts';

export const ALGORITHM = 'ACS3-HMAC-SHA256';
export const API_VERSION = '2017-06-13';

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** Set for temporary (STS) credentials. */
  securityToken?: string | undefined;
}

export interface SignableRequest {
  method: string;
  /** The path exactly as sent, already percent-encoded. */
  path: string;
  /** Decoded query values. */
  query: Record<string, string>;
  /** Header names in any case; only `host`, `content-type` and `x-acs-*` are signed. */
  headers: Record<string, string>;
  body: string;
}

export function canonicalQuery(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((k) => `${k}=${percentEncode(query[k] ?? '')}`)
    .join('&');
}

function isSigned(lowerName: string): boolean {
  return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}

export function sign(req: SignableRequest, creds: Credentials): Signature {
  const signed = Object.entries(req.headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim()] as const)
    .filter(([k]) => isSigned(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = signed.map(([k]) => k).join(';');
  const canonicalRequest = [
    req.method.toUpperCase(),
    req.path,
    canonicalQuery(req.query),
    signed.map(([k, v]) => `${k}:${v}\n`).join(''),
    signedHeaders,
    sha256Hex(req.body),
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', creds.accessKeySecret).update(stringToSign, 'utf8').digest('hex');
  const authorization = `${ALGORITHM} Credential=${creds.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { canonicalRequest, stringToSign, signedHeaders, signature, authorization };
}

export interface AcsHeaderInput {
  action: string;
  host: string;
  body: string;
  /** `yyyy-MM-ddTHH:mm:ssZ`, UTC. */
  date: string;
  nonce: string;
  creds: Credentials;
  contentType?: string | undefined;
}

/** The headers Alibaba's SDK sends with a V3 request, before the Authorization header. */
export function acsHeaders(h: AcsHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    host: h.host,
    'x-acs-action': h.action,
    'x-acs-version': API_VERSION,
    'x-acs-date': h.date,
    'x-acs-signature-nonce': h.nonce,
    accept: 'application/json',
    'x-acs-content-sha256': sha256Hex(h.body),
  };
  if (h.contentType !== undefined) headers['content-type'] = h.contentType;
  if (h.creds.securityToken) {
    headers['x-acs-accesskey-id'] = h.creds.accessKeyId;
    headers['x-acs-security-token'] = h.creds.securityToken;
  }
  return headers;
}

/** `2024-05-01T12:00:00Z`: ISO 8601 without milliseconds, as the V3 date header wants it. */
export function acsDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
