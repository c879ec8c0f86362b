/**
 * The poll schedule on a simulated clock: `pollRuns` (src/poll.ts) drives one run that ends after
 * a set time, with sleeps that advance the clock at once. Counts the polls and the delay between
 * the run's end and the poll that sees it, for several `poll-interval` values.
 */
import type { Clock } from '../src/clock.ts';
import { defaultSchedule, pollRuns, trackRuns } from '../src/poll.ts';
import { round, table } from './stats.ts';

export const RUN_LENGTHS_MS = [10_000, 300_000, 3_600_000];
/** `poll-interval` values: the default, and ones too large to bind within an hour. */
export const POLL_INTERVALS_MS = [10_000, 60_000, 86_400_000];
/** End times sampled just before each run length, for the worst notice delay near it. */
const SAMPLES = 50;

export interface PollingRow {
  pollIntervalMs: number;
  runMs: number;
  polls: number;
  noticeDelayMs: number;
  /** Worst delay over runs ending anywhere in the last 10% before `runMs`. */
  worstNoticeDelayMs: number;
  /** The target: max(1 s, 10% of the run's length). */
  noticeBoundMs: number;
}

export interface Polling {
  rows: PollingRow[];
  /** Fewest polls a 60-minute run can take if every end is noticed within max(1 s, 10%). */
  floorPollsPerHourAt10Percent: number;
  /** The share of a run's age a gap must reach for a 60-minute run to take at most 60 polls. */
  shareForSixtyPollsPerHour: number;
}

function simulatedClock(): Clock {
  let now = 0;
  return {
    now: () => now,
    random: () => 0.5,
    sleep: (ms) => {
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}

/** Polls one run ending at `endMs`; returns the polls made and when the end was seen. */
export async function simulate(endMs: number, pollIntervalMs: number): Promise<{ polls: number; seenAt: number }> {
  const clock = simulatedClock();
  const runs = trackRuns([{ version: 1, provider: 'feldera', pipeline: 'p', runId: 'r', data: {} }], 0);
  await pollRuns({
    runs,
    observe: (handles) =>
      Promise.resolve(
        handles.map(() =>
          clock.now() >= endMs ? { status: 'done', phase: 'success' } : { status: 'running', phase: 'pending' },
        ),
      ),
    schedule: defaultSchedule(pollIntervalMs),
    clock,
    deadline: endMs * 10 + 60_000,
    onObservation: () => undefined,
    onPollError: () => undefined,
  });
  const run = runs[0];
  return { polls: run?.polls ?? 0, seenAt: run?.finishedAt ?? Number.NaN };
}

/** Polls the gap rule max(1 s, share × age) needs to cover `runMs`, starting with a poll at 0. */
function pollsAtShare(runMs: number, share: number): number {
  let t = 0;
  let polls = 1;
  while (t < runMs) {
    t += Math.max(1000, share * t);
    polls++;
  }
  return polls;
}

export async function measurePolling(): Promise<Polling> {
  const rows: PollingRow[] = [];
  for (const pollIntervalMs of POLL_INTERVALS_MS) {
    for (const runMs of RUN_LENGTHS_MS) {
      const exact = await simulate(runMs, pollIntervalMs);
      let worst = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const end = runMs * (0.9 + (0.1 * i) / SAMPLES) + 1;
        const seen = await simulate(end, pollIntervalMs);
        worst = Math.max(worst, seen.seenAt - end);
      }
      rows.push({
        pollIntervalMs,
        runMs,
        polls: exact.polls,
        noticeDelayMs: round(exact.seenAt - runMs, 0),
        worstNoticeDelayMs: round(worst, 0),
        noticeBoundMs: Math.max(1000, runMs / 10),
      });
    }
  }
  let share = 0.1;
  while (pollsAtShare(3_600_000, share) > 60) share += 0.001;
  return { rows, floorPollsPerHourAt10Percent: pollsAtShare(3_600_000, 0.1), shareForSixtyPollsPerHour: round(share, 3) };
}

const human = (ms: number): string => (ms >= 86_400_000 ? 'unbounded (24h)' : ms >= 60_000 ? `${ms / 60_000}m` : `${ms / 1000}s`);

export function pollingTable(p: Polling): string {
  const rows = p.rows.map((r) => [
    human(r.pollIntervalMs),
    human(r.runMs),
    r.polls,
    r.noticeDelayMs,
    r.worstNoticeDelayMs,
    r.noticeBoundMs,
    r.worstNoticeDelayMs <= r.noticeBoundMs ? 'yes' : 'no',
  ]);
  const body = table(
    ['poll-interval', 'run', 'polls', 'notice ms', 'worst notice ms (end in last 10%)', 'bound ms', 'within bound'],
    rows,
  );
  return `${body}\nfewest polls for a 60-minute run with every end noticed within max(1 s, 10%): ${p.floorPollsPerHourAt10Percent}\nshare of the run's age a gap needs for at most 60 polls in 60 minutes: ${p.shareForSixtyPollsPerHour}`;
}
