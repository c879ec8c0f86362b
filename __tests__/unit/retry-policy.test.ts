/** The retry rules by themselves: no client, no undici, no server. */
import { expect, test } from '@jest/globals';
import { NetworkError } from '../../src/errors.ts';
import { DEADLINE_PASSED } from '../../src/http/deadline.ts';
import { PROXY_REFUSED } from '../../src/http/errors.ts';
import { deadlinePassed, isRetryable, nextStep, notRepeated, retryDelay } from '../../src/http/retry-policy.ts';

const policy = { maxAttempts: 5, backoff: { baseMs: 500, capMs: 20_000 }, maxRetryAfterMs: 120_000 };
const answer = (status: number, headers: Record<string, string> = {}) => ({ status, headers });
const clockAt = (now: number, random = 0.5) => ({ now: () => now, random: () => random });
const sent = new NetworkError('reset', 'ECONNRESET', false);
const unsent = new NetworkError('refused', 'ECONNREFUSED', true);

test('a request that could start a second run is repeated only when it was certainly not processed', () => {
  expect(isRetryable(answer(503), false)).toBe(false);
  expect(isRetryable(answer(500), false)).toBe(false);
  expect(isRetryable(sent, false)).toBe(false);
  expect(isRetryable(unsent, false)).toBe(true);
  expect(isRetryable(answer(429), false)).toBe(true);
  expect(isRetryable(answer(400), false, true)).toBe(true); // the provider's "not processed" code
});

test('idempotent requests are repeated on transient statuses and network errors, never on a refusal', () => {
  for (const status of [408, 429, 500, 502, 503, 504]) expect(isRetryable(answer(status), true)).toBe(true);
  for (const status of [200, 400, 401, 403, 404, 409, 501]) expect(isRetryable(answer(status), true)).toBe(false);
  expect(isRetryable(sent, true)).toBe(true);
  expect(isRetryable(new NetworkError('bad cert', 'SELF_SIGNED_CERT_IN_CHAIN', true), true)).toBe(false);
  expect(isRetryable(new NetworkError('proxy 407', PROXY_REFUSED, true), true)).toBe(false);
  expect(isRetryable(new NetworkError('late', DEADLINE_PASSED, true), true)).toBe(false);
});

test('the wait is Retry-After (capped) when the answer names one, else full-jitter backoff', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  const half = (): number => 0.5;
  expect(retryDelay(1, answer(429, { 'retry-after': '7' }), policy, now, half)).toBe(7000);
  const date = answer(503, { 'retry-after': 'Sun, 22 Nov 2026 10:00:30 GMT' });
  expect(retryDelay(1, date, policy, now, half)).toBe(30_000);
  expect(retryDelay(1, answer(429, { 'retry-after': '3600' }), policy, now, half)).toBe(120_000);
  expect(retryDelay(1, answer(503), policy, now, half)).toBe(250);
  expect(retryDelay(3, sent, policy, now, half)).toBe(1000);
});

test('attempts stop at maxAttempts; a wait that reaches the deadline keeps the last outcome', () => {
  expect(nextStep(1, answer(503), false, undefined, policy, clockAt(0))).toEqual({ kind: 'stop' });
  expect(nextStep(4, answer(503), true, undefined, policy, clockAt(0))).toEqual({ kind: 'retry', delayMs: 2000 });
  expect(nextStep(5, answer(503), true, undefined, policy, clockAt(0))).toEqual({ kind: 'stop' });
  const late = answer(429, { 'retry-after': '10' });
  const until = (ms: number) => ({ remainingMs: () => ms });
  expect(nextStep(1, late, true, until(10_000), policy, clockAt(0))).toEqual({ kind: 'past-deadline', delayMs: 10_000 });
  expect(nextStep(1, late, true, until(10_001), policy, clockAt(0))).toEqual({ kind: 'retry', delayMs: 10_000 });
  expect(deadlinePassed(undefined)).toBe(false);
  expect(deadlinePassed(until(0))).toBe(true);
  expect(deadlinePassed(until(1))).toBe(false);
});

test('a failed trigger that may have reached the server says it was not repeated', () => {
  expect(notRepeated(sent, true)).toBe(sent);
  expect(notRepeated(unsent, false)).toBe(unsent);
  const told = notRepeated(sent, false);
  expect(told.message).toBe(
    'reset; the request may have reached the server, so it was not repeated (repeating could start a second run)',
  );
  expect(told.code).toBe('ECONNRESET');
  expect(told.unsent).toBe(false);
});
