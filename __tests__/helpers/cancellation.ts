/**
 * Cancellation, as the runner does it: SIGINT, SIGTERM 7.5 s later, then SIGKILL; and the post step
 * (dist/post.js) as the backstop. Signals go to the child running dist/index.js; the assertions are
 * on the emulator's cancel counters. One file per provider (__tests__/e2e/cancel/) calls this with its
 * row, so jest runs the providers side by side.
 */
import { describe, expect } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { runAction, type ActionRun } from '../../emulator/run-action.ts';
import type { Emulator } from '../../emulator/server.ts';
import { emulatorPerTest } from './emulated.ts';
import type { ProviderRow } from './reliability-rows.ts';
import { runs } from './runs.ts';

/** Sends `signals` in turn (each after its delay) once the child has reported its run ids. */
function afterTrigger(signals: Array<[NodeJS.Signals, number]>, sent: { at?: number }) {
  return (child: ChildProcess): void => {
    let seen = '';
    const onData = (c: Buffer): void => {
      seen += c.toString();
      if (!/started, run id/.test(seen) || sent.at !== undefined) return;
      sent.at = Date.now();
      let wait = 0;
      for (const [sig, delay] of signals) {
        wait += delay;
        setTimeout(() => child.kill(sig), wait);
      }
    };
    child.stdout?.on('data', onData);
  };
}

function settings(
  emu: { get: () => Emulator },
  row: ProviderRow,
  pipelines: string[],
  more: Record<string, string> = {},
): Record<string, string> {
  return { ...row.inputs(emu.get().url, pipelines), timeout: '60s', 'poll-interval': '1s', ...more };
}

const cancelTimes = (emu: { get: () => Emulator }, row: ProviderRow): number[] =>
  emu
    .get()
    .requests.filter((r) => r.method === row.cancel.method && new RegExp(row.cancel.path).test(r.path))
    .map((r) => r.at);

export function cancellationTests(row: ProviderRow): void {
  // Each test has its own emulator and runs beside the file's others: most of their time is waiting
  // (the cancel budget, the runner's 7.5 s before SIGTERM), not work.
  const emu = emulatorPerTest();
  describe(`${row.provider} cancellation`, () => {
    const three = ['c1', 'c2', 'c3'];

    emu.each([['SIGINT'], ['SIGTERM']] as const)(
      '%s mid-wait cancels every started run once, in parallel, and exits promptly',
      async (sig) => {
        emu.get().configure({
          ...row.scenario(three, 'never-finishes'),
          faults: [{ method: row.cancel.method, path: row.cancel.path, action: { kind: 'delay', ms: 1500 } }],
        });
        const sent: { at?: number } = {};
        const run = await runAction({
          inputs: settings(emu, row, three, { 'cancel-on-abort': 'true' }),
          onSpawn: afterTrigger([[sig, 300]], sent),
        });
        const exitAfter = Date.now() - (sent.at ?? 0);
        expect(run.outputs['conclusion']).toBe('cancelled');
        expect(run.code).toBe(1);
        expect(JSON.parse(run.outputs['run-ids'] ?? '[]')).toHaveLength(3);
        expect(three.map((p) => row.cancels(emu.get(), p))).toEqual([1, 1, 1]);
        // Three cancels that each take 1.5 s, finished in well under 3 × 1.5 s: they ran side by side.
        const times = cancelTimes(emu, row);
        expect(Math.max(...times) - Math.min(...times)).toBeLessThan(1000);
        // One after another they would take 4.5 s.
        expect(exitAfter).toBeLessThan(4400);
        expect(runs(run).map((r) => r['conclusion'])).toEqual(['cancelled', 'cancelled', 'cancelled']);
        expect(run.stdout).toContain(`Received ${sig}`);
      },
    );

    emu.test('cancel-on-abort false: a cancelled job leaves the runs alone', async () => {
      emu.get().configure(row.scenario(['keep'], 'never-finishes'));
      const run = await runAction({
        inputs: settings(emu, row, ['keep'], { 'cancel-on-abort': 'false' }),
        onSpawn: afterTrigger([['SIGINT', 200]], {}),
      });
      expect(run.outputs['conclusion']).toBe('cancelled');
      expect(row.cancels(emu.get(), 'keep')).toBe(0);
    });

    emu.test('a cancel that hangs is given up after the budget, and the step still exits', async () => {
      emu.get().configure({
        ...row.scenario(['hung'], 'never-finishes'),
        faults: [{ method: row.cancel.method, path: row.cancel.path, action: { kind: 'delay', ms: 30_000 } }],
      });
      const sent: { at?: number } = {};
      const run = await runAction({
        inputs: settings(emu, row, ['hung'], { 'cancel-on-abort': 'true' }),
        onSpawn: afterTrigger([['SIGINT', 200]], sent),
      });
      // Before the runner's SIGTERM, 7.5 s after its SIGINT: the abandoned cancel no longer holds the exit.
      expect(Date.now() - (sent.at ?? 0)).toBeLessThan(7500);
      expect(run.outputs['conclusion']).toBe('cancelled');
      expect(run.stdout).toMatch(/cancel of run \S+ got no answer within 5s; the post step will retry it/);
      expect(run.stdout).not.toMatch(/retry 1 of/);
    });

    emu.test('the runner’s SIGTERM after SIGINT ends a step still cancelling at once', async () => {
      emu.get().configure({
        ...row.scenario(['late'], 'never-finishes'),
        faults: [{ method: row.cancel.method, path: row.cancel.path, action: { kind: 'delay', ms: 30_000 } }],
      });
      const sent: { at?: number } = {};
      const run = await runAction({
        inputs: settings(emu, row, ['late'], { 'cancel-on-abort': 'true' }),
        onSpawn: afterTrigger(
          [
            ['SIGINT', 200],
            ['SIGTERM', 1000],
          ],
          sent,
        ),
      });
      expect(Date.now() - (sent.at ?? 0)).toBeLessThan(2500);
      expect(run.code).not.toBe(0);
    });

    emu.test('timeout expiry cancels what was started, like a cancelled job', async () => {
      emu.get().configure(row.scenario(['t1', 't2'], 'never-finishes'));
      const run = await runAction({ inputs: settings(emu, row, ['t1', 't2'], { timeout: '2s', 'cancel-on-abort': 'true' }) });
      expect(run.outputs['conclusion']).toBe('timed_out');
      expect(['t1', 't2'].map((p) => row.cancels(emu.get(), p))).toEqual([1, 1]);
    });

    describe('post step', () => {
      async function killedMidWait(pipelines: string[], script: 'finishes' | 'never-finishes'): Promise<ActionRun> {
        emu.get().configure(row.scenario(pipelines, script));
        const main = await runAction({
          inputs: settings(emu, row, pipelines, { 'cancel-on-abort': 'true' }),
          onSpawn: afterTrigger([['SIGKILL', 200]], {}),
        });
        expect(main.signal).toBe('SIGKILL');
        return main;
      }

      emu.test('cancels a run left going by a main step that was killed, and only once', async () => {
        const main = await killedMidWait(['orphan'], 'never-finishes');
        expect(row.cancels(emu.get(), 'orphan')).toBe(0);
        const inputs = settings(emu, row, ['orphan'], { 'cancel-on-abort': 'true' });
        const post = await runAction({ phase: 'post', inputs, state: main.state });
        expect(post.code).toBe(0);
        expect(row.cancels(emu.get(), 'orphan')).toBe(1);
        expect(post.stdout).toContain('left running by the cancelled job');
        // A second post (a re-run, a retried cleanup) finds the run stopped and does nothing.
        await runAction({ phase: 'post', inputs, state: main.state });
        expect(row.cancels(emu.get(), 'orphan')).toBe(1);
      });

      emu.test('never cancels a run that finished after main was killed', async () => {
        const main = await killedMidWait(['done'], 'finishes');
        await new Promise((r) => setTimeout(r, 2500));
        const post = await runAction({
          phase: 'post',
          inputs: settings(emu, row, ['done'], { 'cancel-on-abort': 'true' }),
          state: main.state,
        });
        expect(post.code).toBe(0);
        expect(row.cancels(emu.get(), 'done')).toBe(0);
      });

      emu.test('does nothing after main cancelled its runs itself, or finished normally', async () => {
        emu.get().configure(row.scenario(['self'], 'never-finishes'));
        const inputs = settings(emu, row, ['self'], { 'cancel-on-abort': 'true' });
        const main = await runAction({ inputs, onSpawn: afterTrigger([['SIGINT', 200]], {}) });
        expect(row.cancels(emu.get(), 'self')).toBe(1);
        await runAction({ phase: 'post', inputs, state: main.state });
        expect(row.cancels(emu.get(), 'self')).toBe(1);

        emu.get().configure(row.scenario(['fine'], 'finishes'));
        const ok = await runAction({ inputs: settings(emu, row, ['fine'], { 'cancel-on-abort': 'true' }) });
        expect(ok.outputs['conclusion']).toBe('success');
        const post = await runAction({
          phase: 'post',
          inputs: settings(emu, row, ['fine'], { 'cancel-on-abort': 'true' }),
          state: ok.state,
        });
        expect(post.stdout).toBe('');
        const cancelCalls = emu
          .get()
          .requests.filter((r) => r.method === row.cancel.method && new RegExp(row.cancel.path).test(r.path));
        expect(cancelCalls).toHaveLength(0);
      });

      emu.test('with cancel-on-abort off, says the runs are left alone and cancels nothing', async () => {
        const main = await killedMidWait(['free'], 'never-finishes');
        const post = await runAction({
          phase: 'post',
          inputs: settings(emu, row, ['free'], { 'cancel-on-abort': 'false' }),
          state: main.state,
        });
        expect(post.stdout).toContain('cancel-on-abort is off');
        expect(row.cancels(emu.get(), 'free')).toBe(0);
      });
    });
  });
}
