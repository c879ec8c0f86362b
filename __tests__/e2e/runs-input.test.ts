/**
 * The `runs` input through dist/index.js: one step triggers with `wait: false`, a second step (another
 * job, in a workflow) is handed its `runs` output and waits for those runs without triggering anything.
 * Each test has its own emulator so they run side by side; cancel-on-abort with runs is behaviour, run in process.
 */
import { describe, expect } from '@jest/globals';
import { runAction } from '../../emulator/run-action.ts';
import { emulatorPerTest } from '../helpers/emulated.ts';
import { runStep } from '../helpers/in-process.ts';
import { PROVIDER_ROWS, vmwareAria } from '../helpers/reliability-rows.ts';

const emu = emulatorPerTest();

/** The wait step's inputs: the trigger step's, without what names the pipelines and the instance. */
function waitInputs(trigger: Record<string, string>, runs: string, more: Record<string, string> = {}): Record<string, string> {
  const rest = Object.fromEntries(
    Object.entries(trigger).filter(([name]) => !['pipeline-ids', 'instance-id', 'project-id'].includes(name)),
  );
  return { ...rest, runs, timeout: '20s', 'poll-interval': '1s', ...more };
}

describe.each(PROVIDER_ROWS.map((row) => [row.provider, row] as const))('%s: wait in a later step', (_name, row) => {
  emu.test('the second step triggers nothing, waits for the runs and reports them as the first would have', async () => {
    emu.get().configure(row.scenario(['later'], 'finishes'));
    const trigger = row.inputs(emu.get().url, ['later']);
    const first = await runAction({ inputs: { ...trigger, wait: 'false' } });
    expect(first.outputs['conclusion']).toBe('triggered');
    const [entry] = JSON.parse(first.outputs['runs'] ?? '[]') as Array<Record<string, unknown>>;
    expect(entry?.['handle']).toMatchObject({ version: 1, provider: row.provider, pipeline: entry?.['pipeline'] });

    const second = await runAction({ inputs: waitInputs(trigger, first.outputs['runs'] ?? '') });
    expect(second.outputs['conclusion']).toBe('success');
    expect(row.starts(emu.get(), 'later')).toBe(1);
    expect(second.stdout).toContain(`${String(entry?.['pipeline'])}: waiting for run`);
    expect(JSON.parse(second.outputs['run-ids'] ?? '')).toEqual(JSON.parse(first.outputs['run-ids'] ?? ''));
    expect(second.summary).toContain('Run Pipelines: success');
    // Nothing was started, and the runs ended: the post step has nothing to do.
    expect(second.state['completed']).toBe('true');
  });
});

describe('cancel-on-abort with runs', () => {
  emu.test('defaults to false (the step started nothing); true stops the runs it waits on at the timeout', async () => {
    emu.get().configure(vmwareAria.scenario(['held'], 'never-finishes'));
    const trigger = vmwareAria.inputs(emu.get().url, ['held']);
    const first = await runStep({ inputs: { ...trigger, wait: 'false' } });
    const runs = first.outputs['runs'] ?? '';

    const left = await runStep({ inputs: waitInputs(trigger, runs, { timeout: '2s' }) });
    expect(left.outputs['conclusion']).toBe('timed_out');
    expect(vmwareAria.cancels(emu.get(), 'held')).toBe(0);

    const stopped = await runStep({ inputs: waitInputs(trigger, runs, { timeout: '2s', 'cancel-on-abort': 'true' }) });
    expect(stopped.outputs['conclusion']).toBe('timed_out');
    expect(vmwareAria.cancels(emu.get(), 'held')).toBe(1);
    expect(vmwareAria.starts(emu.get(), 'held')).toBe(1);
  });
});
