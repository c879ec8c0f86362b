/**
 * The trust boundary as the runner sees it, through dist/index.js (docs/reliability.md, "Trust boundary
 * and limits"): `timeout` bounds the trigger too, and a `runs` handle is data, never a path. The three
 * steps run side by side against one emulator.
 */
import { expect, test } from '@jest/globals';
import { runAction } from '../../emulator/run-action.ts';
import { useEmulator } from '../helpers/emulated.ts';
import { feldera, huaweiCodeArts } from '../helpers/reliability-rows.ts';

const emu = useEmulator();

/** Seconds the step may run past its `timeout`: the cancel budget and the short log read, with room for a loaded machine. */
const AFTER_TIMEOUT_MS = 15_000;

test('timeout bounds the trigger; a forged runs handle is refused before any request', async () => {
  const url = emu.get().url;
  const huawei = huaweiCodeArts.inputs(url, ['throttled']);
  const project = huawei['project-id'] ?? '';
  emu.get().configure({
    ...feldera.scenario(['hung'], 'finishes'),
    ...huaweiCodeArts.scenario(['throttled'], 'finishes'),
    faults: [
      // A start that never answers (longer than the 30 s request timeout), and a start throttled for two minutes.
      { method: 'POST', path: '^/v0/pipelines/hung/start$', action: { kind: 'delay', ms: 600_000 } },
      { ...huaweiCodeArts.trigger, action: { kind: 'respond', status: 429, headers: { 'retry-after': '120' }, body: {} } },
    ],
  });
  const pipelineId = huawei['pipeline-ids'] ?? '';
  const forged = JSON.stringify([
    {
      pipeline: pipelineId,
      provider: 'huawei-codearts',
      runId: 'b'.repeat(32),
      handle: {
        version: 1,
        provider: 'huawei-codearts',
        pipeline: pipelineId,
        runId: 'b'.repeat(32),
        data: { projectId: '../../x' },
      },
    },
  ]);
  const withoutIds = Object.fromEntries(Object.entries(huawei).filter(([k]) => k !== 'pipeline-ids' && k !== 'project-id'));
  const [hung, throttled, resumed] = await Promise.all([
    runAction({ inputs: { ...feldera.inputs(url, ['hung']), timeout: '3s', 'poll-interval': '1s' } }),
    runAction({ inputs: { ...huawei, timeout: '3s', 'poll-interval': '1s' } }),
    runAction({ inputs: { ...withoutIds, runs: forged, timeout: '3s' } }),
  ]);

  // A trigger that never answers: the step ends timed_out soon after its timeout, not after the request timeout.
  expect(hung.outputs['conclusion']).toBe('timed_out');
  expect(hung.stdout).toMatch(/the timeout of 3s ran out while starting it/);
  expect(hung.durationMs).toBeLessThan(3000 + AFTER_TIMEOUT_MS);

  // A Retry-After past the deadline is not waited out: the start is sent once.
  const starts = emu.get().requests.filter((r) => r.method === 'POST' && new RegExp(huaweiCodeArts.trigger.path).test(r.path));
  expect(starts).toHaveLength(1);
  expect(throttled.stdout).toMatch(/not retried in 120\.0s: the step's timeout comes first/);
  expect(throttled.outputs['conclusion']).toBe('failure');
  expect(throttled.durationMs).toBeLessThan(3000 + AFTER_TIMEOUT_MS);

  // The forged project id is bad input naming `runs`; no request left for any other path.
  expect(resumed.code).not.toBe(0);
  expect(resumed.stdout).toMatch(/::error::.*Input 'runs'.*handle\.data\.projectId: must be 32 letters and digits/);
  const paths = emu.get().requests.map((r) => r.path);
  expect(paths.filter((p) => !p.startsWith('/v0/') && !p.startsWith(`/v5/${project}/`))).toEqual([]);
});
