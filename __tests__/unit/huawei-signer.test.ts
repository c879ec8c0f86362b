/**
 * The signer against the vectors produced by Huawei's official Node signer (and the signing guide's
 * published example), byte for byte; and the emulator's gateway verifier against the same vectors,
 * so both ends are tied to the official implementation rather than to each other.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../emulator/run-action.ts';
import { verifySignature, type GatewayRequest } from '../../emulator/huawei-verifier.ts';
import { canonicalQuery, canonicalUri, sdkDate, signRequest } from '../../src/providers/huawei-codearts/signer.ts';

interface Vector {
  name: string;
  inputs: {
    access_key_id: string;
    secret_access_key: string;
    security_token?: string | null;
    codearts_project_id_in_path?: string;
    iam_project_id_header?: string | null;
    method: string;
    endpoint?: string;
    path_template?: string;
    query?: Record<string, string>;
    x_sdk_date?: string;
    body_json?: string | null;
    url?: string;
    headers?: Record<string, string>;
    body?: string;
  };
  signer_view: { canonical_request: string; string_to_sign: string };
  authorization: string;
}

const vectors = (JSON.parse(readFileSync(join(ROOT, '__fixtures__', 'huawei-signing.json'), 'utf8')) as { vectors: Vector[] })
  .vectors;

/** Rebuilds the request each vector describes: URL, headers as signed, and the body bytes sent. */
function requestOf(v: Vector): { method: string; url: URL; headers: Record<string, string>; body: string } {
  const i = v.inputs;
  if (i.url !== undefined) {
    const url = new URL(i.url);
    return { method: i.method, url, headers: { ...i.headers, host: url.host }, body: i.body ?? '' };
  }
  const pipelineId = '85f622d9d0ad4852a9451dbc9fe3156a';
  const path = (i.path_template ?? '')
    .replace('{project_id}', i.codearts_project_id_in_path ?? '')
    .replace('{pipeline_id}', pipelineId);
  const url = new URL(`${i.endpoint ?? ''}${path}`);
  for (const [k, val] of Object.entries(i.query ?? {})) url.searchParams.set(k, val);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: url.host,
    'x-sdk-date': i.x_sdk_date ?? '',
  };
  if (i.iam_project_id_header) headers['x-project-id'] = i.iam_project_id_header;
  if (i.security_token) headers['x-security-token'] = i.security_token;
  // The Node SDK sends (and signs) the body '{}' on a GET built by a generated client (vector v3).
  return { method: i.method, url, headers, body: i.body_json ?? '{}' };
}

describe('SDK-HMAC-SHA256 signer', () => {
  test('the fixture holds all six published vectors', () => {
    expect(vectors.map((v) => v.name.split('_')[0])).toEqual(['v0', 'v1', 'v2', 'v3', 'v3b', 'v4']);
  });

  test.each(vectors.map((v) => [v.name, v] as const))('%s: canonical request, string to sign, Authorization', (_n, v) => {
    const sig = signRequest(requestOf(v), v.inputs.access_key_id, v.inputs.secret_access_key);
    expect(sig.canonicalRequest).toBe(v.signer_view.canonical_request);
    expect(sig.stringToSign).toBe(v.signer_view.string_to_sign);
    expect(sig.authorization).toBe(v.authorization);
  });

  test.each(vectors.map((v) => [v.name, v] as const))('%s: the emulated gateway accepts the official signature', (_n, v) => {
    const r = requestOf(v);
    const wire: GatewayRequest = {
      method: r.method,
      rawUrl: `${r.url.pathname}${r.url.search}`,
      headers: { ...lower(r.headers), authorization: v.authorization },
      body: r.body,
    };
    const date = r.headers['x-sdk-date'] ?? r.headers['X-Sdk-Date'] ?? '';
    const now = Date.parse(
      `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
    );
    const secrets = { [v.inputs.access_key_id]: v.inputs.secret_access_key };
    expect(verifySignature(wire, (ak) => secrets[ak], now)).toEqual({ ok: true, accessKeyId: v.inputs.access_key_id });
    const tampered = verifySignature({ ...wire, body: `${wire.body} ` }, (ak) => secrets[ak], now);
    expect(tampered.ok).toBe(false);
  });

  test('dates, paths and queries are canonicalised as the gateway expects', () => {
    expect(sdkDate(Date.UTC(2025, 0, 2, 3, 4, 5, 678))).toBe('20250102T030405Z');
    expect(canonicalUri('/v5/p/api/pipelines/batch-runs')).toBe('/v5/p/api/pipelines/batch-runs/');
    expect(canonicalUri('/a%20b/c~d/')).toBe('/a%20b/c~d/');
    expect(canonicalQuery(new URLSearchParams('b=2&a=z&a=y&c=x y*'))).toBe('a=y&a=z&b=2&c=x%20y%2A');
  });
});

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
