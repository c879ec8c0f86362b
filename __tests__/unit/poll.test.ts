/** The wait loop on a simulated clock: schedule, transient vs permanent errors, deadline, abort. */
import { describe, expect, test } from '@jest/globals';
import { NetworkError, ProviderError } from '../../src/errors.ts';
import { defaultSchedule, nextPollDelay, pollRuns, trackRuns } from '../../src/poll.ts';
import type { Observation, RunHandle } from '../../src/providers/types.ts';
import { simClock } from '../helpers/sim-clock.ts';

const handle = (p: string): RunHandle => ({ version: 1, provider: 'feldera', pipeline: p, runId: p, data: {} });
const pending: Observation = { status: 'RUNNING', phase: 'pending' };
const done: Observation = { status: 'COMPLETED', phase: 'success' };

describe('nextPollDelay', () => {
  test('starts at 1 s, grows with a tenth of the age, caps at poll-interval', () => {
    const s = defaultSchedule(10_000);
    expect([0, 5_000, 30_000, 80_000, 3_600_000].map((age) => nextPollDelay(age, s))).toEqual([1000, 1000, 3000, 8000, 10_000]);
  });
  test('a poll-interval under 1 s is honoured as the floor too', () => {
    expect(nextPollDelay(0, defaultSchedule(500))).toBe(500);
  });
});

describe('pollRuns', () => {
  test('polls each run until it ends, noticing the end within a poll gap', async () => {
    const clock = simClock();
    const runs = trackRuns([handle('a'), handle('b')], 0);
    const finishAt: Record<string, number> = { a: 4_000, b: 42_000 };
    const end = await pollRuns({
      runs,
      clock,
      deadline: 600_000,
      schedule: defaultSchedule(10_000),
      observe: (hs) => Promise.resolve(hs.map((h) => (clock.t >= (finishAt[h.pipeline] ?? 0) ? done : pending))),
      onObservation: () => undefined,
      onPollError: () => undefined,
    });
    expect(end).toBe('done');
    expect(runs[0]?.finishedAt).toBe(4_000);
    // Noticed within a tenth of the time the run took, with few polls.
    expect((runs[1]?.finishedAt ?? 0) - 42_000).toBeLessThanOrEqual(4_200);
    expect(runs[1]?.polls).toBeLessThanOrEqual(30);
  });

  test('gaps run from when a poll was sent, so slow answers do not stretch them; a very slow API still gets a pause', async () => {
    for (const [answerMs, expected] of [
      [300, [0, 1000, 2000, 3000, 4000]],
      [900, [0, 1400, 2800, 4200]],
    ] as const) {
      const clock = simClock();
      const sent: number[] = [];
      const runs = trackRuns([handle('a')], 0);
      await pollRuns({
        runs,
        clock,
        deadline: 4_500,
        schedule: defaultSchedule(10_000),
        observe: (hs) => {
          sent.push(clock.t);
          clock.t += answerMs;
          return Promise.resolve(hs.map(() => pending));
        },
        onObservation: () => undefined,
        onPollError: () => undefined,
      });
      expect(sent).toEqual(expected);
    }
  });

  test('transient errors never end a run; the deadline does', async () => {
    const clock = simClock();
    const runs = trackRuns([handle('a')], 0);
    const errors: string[] = [];
    const end = await pollRuns({
      runs,
      clock,
      deadline: 60_000,
      schedule: defaultSchedule(5_000),
      observe: (hs) => Promise.resolve(hs.map(() => new NetworkError('reset', 'ECONNRESET', false))),
      onObservation: () => undefined,
      onPollError: (_r, e) => errors.push(e.message),
    });
    expect(end).toBe('timeout');
    expect(runs[0]?.finishedAt).toBeUndefined();
    expect(errors.length).toBeGreaterThan(10);
  });

  test('three permanent errors in a row fail the run with the provider message', async () => {
    const clock = simClock();
    const runs = trackRuns([handle('a')], 0);
    const seen: Observation[] = [];
    const end = await pollRuns({
      runs,
      clock,
      deadline: 60_000,
      schedule: defaultSchedule(5_000),
      observe: (hs) => Promise.resolve(hs.map(() => new ProviderError({ status: 404, code: 'NotFound', message: 'gone' }))),
      onObservation: (_r, o) => seen.push(o),
      onPollError: () => undefined,
    });
    expect(end).toBe('done');
    expect(seen).toEqual([{ status: 'unknown', phase: 'failure', message: 'HTTP 404: NotFound: gone' }]);
    expect(runs[0]?.polls).toBe(3);
  });

  test('a permanent error between good polls does not count toward the limit', async () => {
    const clock = simClock();
    const runs = trackRuns([handle('a')], 0);
    let n = 0;
    const end = await pollRuns({
      runs,
      clock,
      deadline: 30_000,
      schedule: defaultSchedule(1_000),
      observe: (hs) =>
        Promise.resolve(hs.map(() => (++n % 2 === 0 ? pending : new ProviderError({ status: 403, message: 'no' })))),
      onObservation: () => undefined,
      onPollError: () => undefined,
    });
    expect(end).toBe('timeout');
  });

  test('an abort ends the wait, even mid-request', async () => {
    const controller = new AbortController();
    const runs = trackRuns([handle('a')], 0);
    const end = await pollRuns({
      runs,
      clock: simClock(),
      deadline: 60_000,
      schedule: defaultSchedule(1_000),
      signal: controller.signal,
      observe: () => {
        controller.abort();
        return new Promise<Array<Observation | Error>>(() => undefined);
      },
      onObservation: () => undefined,
      onPollError: () => undefined,
    });
    expect(end).toBe('aborted');
  });
});
