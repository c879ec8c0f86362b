/**
 * The emulator's check of Alibaba's V3 signature (`ACS3-HMAC-SHA256`), written apart from the
 * action's signer: it rebuilds the canonical request from what arrived on the wire (raw path,
 * raw query string, received headers, body bytes) with its own encoder, and answers with the error
 * codes Alibaba's gateway uses.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface WireRequest {
  method: string;
  /** The request target as received: encoded path plus `?query`. */
  target: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface KeyRecord {
  secret: string;
  /** Temporary credentials must come with their token. */
  securityToken?: string;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

export interface VerifyOptions {
  lookup: (accessKeyId: string) => KeyRecord | undefined;
  /** When given, dates more than 15 minutes away are refused. */
  now?: number;
  /** When given, a nonce seen before is refused. */
  nonces?: Set<string>;
}

const REQUIRED = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
const SKEW_MS = 15 * 60_000;
const AUTH = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/;

const refuse = (status: number, code: string, message: string): Refusal => ({ status, code, message });
const hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** Byte-wise RFC 3986 encoding: only unreserved characters stay as they are. */
function rfc3986(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function canonicalQueryFromWire(rawQuery: string): string {
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    pairs.push([key, value]);
  }
  pairs.sort((a, b) => (a[0] === b[0] ? 0 : a[0] < b[0] ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${rfc3986(v)}`).join('&');
}

export function verifyV3(req: WireRequest, opts: VerifyOptions): Refusal | undefined {
  const auth = header(req.headers, 'authorization');
  if (!auth) return refuse(400, 'IncompleteSignature', 'The request is not signed: no Authorization header.');
  const m = AUTH.exec(auth);
  if (!m)
    return refuse(
      400,
      'IncompleteSignature',
      'The Authorization header is not ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=….',
    );
  const [, keyId = '', signedList = '', signature = ''] = m;
  const signed = signedList.split(';');
  const problem = checkSignedHeaders(req.headers, signed);
  if (problem) return problem;
  const key = opts.lookup(keyId);
  if (!key) return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  if (key.securityToken !== undefined) {
    if (
      header(req.headers, 'x-acs-security-token') !== key.securityToken ||
      header(req.headers, 'x-acs-accesskey-id') !== keyId
    ) {
      return refuse(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'The security token does not match the access key.');
    }
  }
  if (header(req.headers, 'x-acs-content-sha256') !== hex(Buffer.from(req.body, 'utf8'))) {
    return refuse(400, 'IncompleteSignature', 'x-acs-content-sha256 is not the SHA-256 of the body.');
  }
  const dated = checkDate(header(req.headers, 'x-acs-date') ?? '', opts.now);
  if (dated) return dated;
  const q = req.target.indexOf('?');
  const path = q < 0 ? req.target : req.target.slice(0, q);
  const canonical = [
    req.method,
    path,
    canonicalQueryFromWire(q < 0 ? '' : req.target.slice(q + 1)),
    signed.map((n) => `${n}:${(header(req.headers, n) ?? '').trim()}\n`).join(''),
    signedList,
    hex(Buffer.from(req.body, 'utf8')),
  ].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${hex(canonical)}`;
  const expected = createHmac('sha256', key.secret).update(toSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return refuse(
      400,
      'SignatureDoesNotMatch',
      `The request signature does not conform to Aliyun standards. server string to sign is:${toSign.replace('\n', ' ')}`,
    );
  }
  const nonce = header(req.headers, 'x-acs-signature-nonce') ?? '';
  if (opts.nonces) {
    if (opts.nonces.has(nonce)) return refuse(400, 'SignatureNonceUsed', 'The request signature nonce has been used.');
    opts.nonces.add(nonce);
  }
  return undefined;
}

function checkSignedHeaders(h: IncomingHttpHeaders, signed: string[]): Refusal | undefined {
  const sorted = [...signed].sort();
  if (signed.some((n, i) => n !== sorted[i] || n !== n.toLowerCase())) {
    return refuse(400, 'IncompleteSignature', 'SignedHeaders must be lower case and sorted.');
  }
  for (const name of REQUIRED) {
    if (!signed.includes(name)) return refuse(400, 'IncompleteSignature', `The header ${name} must be signed.`);
  }
  for (const name of Object.keys(h)) {
    const mustSign = name.startsWith('x-acs-') || name === 'content-type';
    if (mustSign && !signed.includes(name))
      return refuse(400, 'IncompleteSignature', `The header ${name} is sent but not signed.`);
  }
  for (const name of signed) {
    if (header(h, name) === undefined) return refuse(400, 'IncompleteSignature', `The signed header ${name} is missing.`);
  }
  return undefined;
}

function checkDate(value: string, now: number | undefined): Refusal | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value)) {
    return refuse(400, 'InvalidTimeStamp.Format', 'x-acs-date must be yyyy-MM-ddTHH:mm:ssZ in UTC.');
  }
  if (now !== undefined && Math.abs(Date.parse(value) - now) > SKEW_MS) {
    return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  return undefined;
}
