/** The emulated gateway's refusals: each one a way a real gateway rejects a signed request. */
import { describe, expect, test } from '@jest/globals';
import { verifySignature, type GatewayRequest } from '../../emulator/huawei-verifier.ts';
import { signRequest } from '../../src/providers/huawei-codearts/signer.ts';

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);
const AK = 'HPUAEXAMPLEAK1234567';
const SK = 'secret-one';

function signed(extra: Record<string, string> = {}): GatewayRequest {
  const url = new URL('https://h.example.com/v5/p/api/pipelines/x/pipeline-runs/detail?pipeline_run_id=r');
  const headers = { 'content-type': 'application/json', host: url.host, 'x-sdk-date': '20250102T030405Z', ...extra };
  const sig = signRequest({ method: 'GET', url, headers, body: '' }, AK, SK);
  return {
    method: 'GET',
    rawUrl: `${url.pathname}${url.search}`,
    headers: { ...headers, authorization: sig.authorization },
    body: '',
  };
}

const check = (req: GatewayRequest, now = NOW) => verifySignature(req, (ak) => (ak === AK ? SK : undefined), now);

describe('emulated gateway verifier', () => {
  test('accepts a correct signature within the skew window', () => {
    expect(check(signed(), NOW + 14 * 60_000)).toEqual({ ok: true, accessKeyId: AK });
  });

  test.each([
    ['a date 16 minutes old', signed(), NOW + 16 * 60_000, 'X-Sdk-Date is not within 15 minutes'],
    [
      'another query',
      { ...signed(), rawUrl: '/v5/p/api/pipelines/x/pipeline-runs/detail?pipeline_run_id=s' },
      NOW,
      'verify aksk signature fail',
    ],
    ['another method', { ...signed(), method: 'POST' }, NOW, 'verify aksk signature fail'],
    [
      'an unknown key',
      {
        ...signed(),
        headers: { ...signed().headers, authorization: signed().headers['authorization']?.replace(AK, 'OTHERKEY') },
      },
      NOW,
      'unknown access key',
    ],
    [
      'a security token that is not signed',
      { ...signed(), headers: { ...signed().headers, 'x-security-token': 't' } },
      NOW,
      'x-security-token is not a signed header',
    ],
    ['no signature at all', { ...signed(), headers: { host: 'h.example.com' } }, NOW, 'not an SDK-HMAC-SHA256 signature'],
  ])('refuses %s', (_what, req, now, reason) => {
    const verdict = check(req, now);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  test('a signed X-Security-Token passes the signature check', () => {
    expect(check(signed({ 'x-security-token': 'tok' })).ok).toBe(true);
  });
});
