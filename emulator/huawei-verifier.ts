/**
 * The API gateway's check of an `SDK-HMAC-SHA256` signature, written from the signing guide and
 * independently of the action's signer: it rebuilds the canonical request from what arrived on the
 * wire (raw path and query, header values, body bytes), so a signer bug cannot verify itself.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface GatewayRequest {
  method: string;
  /** Path and query exactly as in the request line. */
  rawUrl: string;
  /** Lower-case names, as node:http delivers them. */
  headers: Record<string, string | undefined>;
  body: string;
}

export type Verdict = { ok: true; accessKeyId: string } | { ok: false; reason: string };

/** The gateway accepts an X-Sdk-Date within 15 minutes of its own clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

const AUTH = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const UNRESERVED = /[A-Za-z0-9\-_.~]/;

export function verifySignature(req: GatewayRequest, secretFor: (ak: string) => string | undefined, nowMs: number): Verdict {
  const m = AUTH.exec(req.headers['authorization'] ?? '');
  if (!m) return { ok: false, reason: 'Authorization is not an SDK-HMAC-SHA256 signature' };
  const [, ak = '', signedList = '', given = ''] = m;
  const date = req.headers['x-sdk-date'];
  const when = date === undefined ? undefined : parseSdkDate(date);
  if (when === undefined) return { ok: false, reason: 'X-Sdk-Date is missing or not YYYYMMDDTHHMMSSZ' };
  if (Math.abs(nowMs - when) > MAX_SKEW_MS) return { ok: false, reason: 'X-Sdk-Date is not within 15 minutes of server time' };
  const signed = signedList.split(';');
  if (!signed.includes('x-sdk-date')) return { ok: false, reason: 'x-sdk-date is not a signed header' };
  if (req.headers['x-security-token'] !== undefined && !signed.includes('x-security-token')) {
    return { ok: false, reason: 'x-security-token is not a signed header' };
  }
  // The SDK core adds X-Project-Id before signing (BaseCredentials.addAuthHeaders), so a sent one is
  // signed; that the gateway refuses an unsigned one is a guess, made like the token rule above.
  if (req.headers['x-project-id'] !== undefined && !signed.includes('x-project-id')) {
    return { ok: false, reason: 'x-project-id is not a signed header' };
  }
  const missing = signed.find((h) => req.headers[h] === undefined);
  if (missing !== undefined) return { ok: false, reason: `signed header ${missing} was not sent` };
  const secret = secretFor(ak);
  if (secret === undefined) return { ok: false, reason: 'unknown access key' };
  const canonical = canonicalRequestFromWire(req, signed);
  const toSign = ['SDK-HMAC-SHA256', date ?? '', hex(createHash('sha256').update(canonical))].join('\n');
  const expected = createHmac('sha256', secret).update(toSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) {
    return { ok: false, reason: 'verify aksk signature fail' };
  }
  return { ok: true, accessKeyId: ak };
}

function canonicalRequestFromWire(req: GatewayRequest, signed: string[]): string {
  const q = req.rawUrl.indexOf('?');
  const rawPath = q < 0 ? req.rawUrl : req.rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : req.rawUrl.slice(q + 1);
  let path = rawPath
    .split('/')
    .map((s) => percentEncode(unescapeUrl(s)))
    .join('/');
  if (!path.endsWith('/')) path += '/';
  const pairs: Array<[string, string]> = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const k = eq < 0 ? p : p.slice(0, eq);
      const v = eq < 0 ? '' : p.slice(eq + 1);
      return [percentEncode(unescapeUrl(k, true)), percentEncode(unescapeUrl(v, true))];
    });
  pairs.sort((a, b) => (a[0] === b[0] ? compare(a[1], b[1]) : compare(a[0], b[0])));
  const headerBlock = signed.map((h) => `${h}:${(req.headers[h] ?? '').trim()}\n`).join('');
  const bodyHash = hex(createHash('sha256').update(Buffer.from(req.body, 'utf8')));
  return [
    req.method.toUpperCase(),
    path,
    pairs.map(([k, v]) => `${k}=${v}`).join('&'),
    headerBlock,
    signed.join(';'),
    bodyHash,
  ].join('\n');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unescapeUrl(s: string, plusIsSpace = false): string {
  return decodeURIComponent(plusIsSpace ? s.replace(/\+/g, ' ') : s);
}

/** Byte-wise RFC 3986 encoding: unreserved characters stay, every other UTF-8 byte is %XX. */
function percentEncode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function hex(h: ReturnType<typeof createHash>): string {
  return h.digest('hex');
}

function parseSdkDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, se);
}
