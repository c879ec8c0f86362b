import { expect, test } from '@jest/globals';
import { fullJitterDelay, parseRetryAfter } from '../../src/backoff.ts';

const policy = { baseMs: 500, capMs: 20_000 };

test('full jitter spans [0, base·2^n] and is capped', () => {
  expect(fullJitterDelay(0, policy, () => 0)).toBe(0);
  expect(fullJitterDelay(0, policy, () => 0.999999)).toBe(499);
  expect(fullJitterDelay(3, policy, () => 0.5)).toBe(2000);
  expect(fullJitterDelay(10, policy, () => 0.999999)).toBe(19_999);
});

test('Retry-After as delta-seconds or HTTP date', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  expect(parseRetryAfter('7', now)).toBe(7000);
  expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
  expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfter(undefined, now)).toBeUndefined();
  expect(parseRetryAfter('soon', now)).toBeUndefined();
});
