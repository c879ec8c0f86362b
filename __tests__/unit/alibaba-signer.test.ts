/**
 * The signer against the vectors made with Alibaba's own signers (@alicloud/openapi-core and the
 * elasticsearch SDK), and the emulator's independent verifier against the same vectors: together
 * they tie what the emulator accepts to what Alibaba's signer produces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { verifyV3 } from '../../emulator/alibaba-v3-verifier.ts';
import { ROOT } from '../../emulator/run-action.ts';
import { acsDate, acsHeaders, sign } from '../../src/providers/alibaba-logstash/signer.ts';
import { percentEncode } from '../../src/providers/shared.ts';

interface Vector {
  id: string;
  algorithm: string;
  request?: {
    method: string;
    url: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string>;
    body: string;
  };
  sentRequest?: { method: string; url: string; headers: Record<string, string>; body: string };
  canonicalRequest?: string;
  stringToSign?: string;
  signedHeaders?: string;
  authorization: string;
  credentials?: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
  crossCheck?: { canonicalRequest?: string };
}

const file = JSON.parse(readFileSync(join(ROOT, '__fixtures__', 'alibaba-signing.json'), 'utf8')) as {
  inputs: { accessKeyId: string; accessKeySecret: string; xAcsDate: string; nonce: string; host: string; body: string };
  vectors: Vector[];
};
const v3 = file.vectors.filter((v) => v.algorithm === 'ACS3-HMAC-SHA256');
const credsOf = (v: Vector) =>
  v.credentials ?? { accessKeyId: file.inputs.accessKeyId, accessKeySecret: file.inputs.accessKeySecret };

/** The vector's request as path, decoded query, headers (without Authorization) and body. */
function unpack(v: Vector) {
  const r = v.request ?? v.sentRequest;
  if (!r) throw new Error(`vector ${v.id} has no request`);
  const url = new URL(r.url.replace(/^HTTPS:/, 'https:'));
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
  return {
    method: r.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: r.body,
    target: url.pathname + url.search,
  };
}

describe('ACS3-HMAC-SHA256 signer', () => {
  test('the fixture holds every V3 vector of the shared file', () => {
    expect(v3.map((v) => v.id)).toEqual([
      'acs3-hmac-sha256-runpipelines',
      'acs3-hmac-sha256-runpipelines-sts',
      'acs3-hmac-sha256-listpipeline-get',
      'acs3-hmac-sha256-runpipelines-sdk-end-to-end',
    ]);
  });

  test.each(v3.map((v) => [v.id, v] as const))('reproduces %s byte for byte', (_id, v) => {
    const r = unpack(v);
    const s = sign(r, credsOf(v));
    expect(s.authorization).toBe(v.authorization);
    const canonical = v.canonicalRequest ?? v.crossCheck?.canonicalRequest;
    expect(canonical).toBeDefined();
    expect(s.canonicalRequest).toBe(canonical);
    if (v.stringToSign) expect(s.stringToSign).toBe(v.stringToSign);
    if (v.signedHeaders) expect(s.signedHeaders).toBe(v.signedHeaders);
  });

  test.each(v3.filter((v) => v.request).map((v) => [v.id, v] as const))('builds the headers of %s', (_id, v) => {
    const r = unpack(v);
    const built = acsHeaders({
      action: r.headers['x-acs-action'] ?? '',
      host: file.inputs.host,
      body: r.body,
      date: file.inputs.xAcsDate,
      nonce: file.inputs.nonce,
      creds: credsOf(v),
      contentType: r.headers['content-type'],
    });
    expect(built).toEqual(r.headers);
  });

  test('dates and encoding follow the V3 rules', () => {
    expect(acsDate(Date.UTC(2024, 4, 1, 12, 0, 0, 789))).toBe('2024-05-01T12:00:00Z');
    expect(percentEncode("a b!'()*~:/")).toBe('a%20b%21%27%28%29%2A~%3A%2F');
  });
});

describe('the emulator’s V3 verifier', () => {
  const lookup = (v: Vector) => (id: string) => {
    const c = credsOf(v);
    if (id !== c.accessKeyId) return undefined;
    return { secret: c.accessKeySecret, ...(c.securityToken ? { securityToken: c.securityToken } : {}) };
  };
  const wire = (v: Vector, change: Partial<{ body: string; target: string; headers: Record<string, string> }> = {}) => {
    const r = unpack(v);
    const sent = v.request ?? v.sentRequest;
    const headers = Object.fromEntries(Object.entries(sent?.headers ?? {}).map(([k, val]) => [k.toLowerCase(), val]));
    headers['authorization'] = v.authorization;
    return {
      method: r.method,
      target: change.target ?? r.target,
      headers: { ...headers, ...change.headers },
      body: change.body ?? r.body,
    };
  };

  test.each(v3.map((v) => [v.id, v] as const))('accepts %s as Alibaba’s signer made it', (_id, v) => {
    expect(verifyV3(wire(v), { lookup: lookup(v) })).toBeUndefined();
  });

  test('refuses a changed body, query, signed header, key or token', () => {
    const [run, sts] = [v3[0], v3[1]] as [Vector, Vector];
    const codes = [
      verifyV3(wire(run, { body: '["pipeline_a"]' }), { lookup: lookup(run) })?.code,
      verifyV3(wire(run, { target: wire(run).target.replace('ClientToken=5', 'ClientToken=6') }), { lookup: lookup(run) })?.code,
      verifyV3(wire(run, { headers: { 'x-acs-action': 'StopPipelines' } }), { lookup: lookup(run) })?.code,
      verifyV3(wire(run, { headers: { 'x-acs-extra': '1' } }), { lookup: lookup(run) })?.code,
      verifyV3(wire(run), { lookup: () => undefined })?.code,
      verifyV3(wire(sts, { headers: { 'x-acs-security-token': 'other' } }), { lookup: lookup(sts) })?.code,
      verifyV3(wire(run), { lookup: lookup(run), now: Date.UTC(2024, 4, 1, 13, 0, 0) })?.code,
    ];
    expect(codes).toEqual([
      'IncompleteSignature',
      'SignatureDoesNotMatch',
      'SignatureDoesNotMatch',
      'IncompleteSignature',
      'InvalidAccessKeyId.NotFound',
      'InvalidSecurityToken.MismatchWithAccessKey',
      'InvalidTimeStamp.Expired',
    ]);
  });

  test('refuses a nonce used twice', () => {
    const v = v3[0] as Vector;
    const nonces = new Set<string>();
    expect(verifyV3(wire(v), { lookup: lookup(v), nonces })).toBeUndefined();
    expect(verifyV3(wire(v), { lookup: lookup(v), nonces })?.code).toBe('SignatureNonceUsed');
  });
});
