/**
 * The soak (`npm run soak`, bench/soak.ts) in miniature, so its code runs with the suite and cannot
 * rot: a few simulated minutes of a pipeline on each provider on all four providers with random faults, judged
 * as the full soak judges; the verdict itself is shown to see a lost run and a climbing heap.
 */
import { describe, expect, test } from '@jest/globals';
import { memoryGrowth, soak, soakLine, soakPassed } from '../../bench/soak.ts';

const MINUTE = 60_000;
const MB = 1024 * 1024;
const small = { hours: 0.1, pipelines: 4, runMs: [MINUTE, 2 * MINUTE] as [number, number], pauseMs: MINUTE, faultRate: 0.08 };

describe('the soak, in miniature', () => {
  test('every pipeline runs, faults are injected and ridden out: no duplicate, no lost run, no failure', async () => {
    const report = await soak({ ...small, seed: 7 });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ hours: 0.1, pipelines: 4, duplicates: 0, lost: 0, failed: 0 });
    expect(report.steps).toBeGreaterThanOrEqual(8);
    expect(report.faults).toBeGreaterThan(0);
    expect(report.requests).toBeGreaterThan(report.steps * 5);
    expect(report.peakHeap).toBeGreaterThan(0);
    expect(soakPassed(report)).toBe(true);
    expect(soakLine(report)).toMatch(
      /^soak: 0\.1 h simulated, 4 pipelines, \d+ steps, \d+ faults injected, \d+ requests, duplicates 0, lost 0, failed 0, peak heap [\d.]+ MB, heap after GC not judged$/,
    );
    // Date.now is the real clock again.
    expect(Math.abs(Date.now() - new Date().getTime())).toBeLessThan(1000);
  });

  test('a start whose answer is lost (Aria, CodeArts: not repeated) counts as lost and fails the soak', async () => {
    const report = await soak({ ...small, hours: 0.05, seed: 3, faultRate: 0, startFault: { kind: 'reset-after-read' } });
    // Pipelines 1 and 2 are Aria and CodeArts: every one of their steps started a run it could not report.
    expect(report.lost).toBeGreaterThanOrEqual(2);
    expect(report.problems.join('\n')).toMatch(/vmware-aria soak-001: started, but the step reported/);
    expect(report.problems.join('\n')).toMatch(/huawei-codearts soak-002: started, but the step reported/);
    expect(report.duplicates).toBe(0);
    expect(soakPassed(report)).toBe(false);
  });

  test('the heap verdict: a steady climb fails, noise around a level passes, too few samples are not judged', () => {
    const level = [40, 41, 40.5, 41.2, 40.8, 41, 40.6].map((m) => m * MB);
    const climb = [40, 42, 45, 47, 50, 52, 55].map((m) => m * MB);
    expect(memoryGrowth(level)).toBeUndefined();
    expect(memoryGrowth(climb)).toMatch(/^heap grew 2\.\d MB per sample$/);
    expect(memoryGrowth(climb.slice(0, 3))).toBeUndefined();
  });
});
