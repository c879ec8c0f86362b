/**
 * `if-running` as the runner sees it, through dist/: outputs, job summary, saved state and exit code
 * when a run started outside the step is in progress. One batch of spawns; every mode on every
 * provider is covered in process (__tests__/unit/if-running.test.ts).
 */
import { describe, expect, test } from '@jest/globals';
import { runAction } from '../../emulator/run-action.ts';
import { useEmulator } from '../helpers/emulated.ts';
import { alibabaLogstash, huaweiCodeArts, vmwareAria } from '../helpers/reliability-rows.ts';

const emu = useEmulator();
const huaweiId = (name: string): string => name.replace(/[^A-Za-z0-9]/g, '').padEnd(32, '0');
const fast = { timeout: '30s', 'poll-interval': '1s' };

describe('if-running through dist/', () => {
  test('skip (Aria), wait (Huawei) and cancel-previous refused (Alibaba): outputs, summary, state, exit', async () => {
    const e = emu.get();
    const ariaScenario = vmwareAria.scenario(['sk-one', 'sk-two'], 'never-finishes') as {
      'vmware-aria': { pipelines: Record<string, Record<string, unknown>> };
    };
    for (const p of Object.values(ariaScenario['vmware-aria'].pipelines)) p['runningElsewhere'] = 1;
    const huaweiScenario = huaweiCodeArts.scenario(['wt-one'], 'finishes') as {
      'huawei-codearts': { pipelines: Record<string, Record<string, unknown>> };
    };
    Object.assign(huaweiScenario['huawei-codearts'].pipelines[huaweiId('wt-one')] ?? {}, { runMs: 800, runningElsewhere: {} });
    e.configure({ ...ariaScenario, ...huaweiScenario, ...alibabaLogstash.scenario(['al-one'], 'finishes') });
    const ariaViews = (
      e.providers.get('vmware-aria') as unknown as { executionViews(): Array<Record<string, string>> }
    ).executionViews();
    const ariaIds = ['sk-one', 'sk-two'].map((p) => ariaViews.find((v) => v['_pipelineLink']?.endsWith(`/${p}`))?.['id']);
    const huaweiStats = (): { pipelines: Record<string, { otherRuns: string[]; starts: number; stops: number }> } =>
      e.providers.get('huawei-codearts')?.stats() as never;
    const huaweiRunId = huaweiStats().pipelines[huaweiId('wt-one')]?.otherRuns[0];

    const [skip, wait, refused] = await Promise.all([
      runAction({ inputs: { ...vmwareAria.inputs(e.url, ['sk-one', 'sk-two']), ...fast, 'if-running': 'skip' } }),
      runAction({
        inputs: { ...huaweiCodeArts.inputs(e.url, ['wt-one']), ...fast, 'if-running': 'wait', 'cancel-on-abort': 'true' },
      }),
      runAction({ inputs: { ...alibabaLogstash.inputs(e.url, ['al-one']), ...fast, 'if-running': 'cancel-previous' } }),
    ]);

    // skip: the step succeeds with conclusion skipped; the summary shows each run found.
    expect(skip.code).toBe(0);
    expect(skip.outputs['conclusion']).toBe('skipped');
    expect(JSON.parse(skip.outputs['run-ids'] ?? '')).toEqual(ariaIds);
    expect(skip.outputs['executionId']).toBe(ariaIds[0]);
    const runs = JSON.parse(skip.outputs['runs'] ?? '[]') as Array<Record<string, unknown>>;
    expect(runs.map((r) => [r['conclusion'], r['status']])).toEqual([
      ['skipped', 'RUNNING'],
      ['skipped', 'RUNNING'],
    ]);
    expect(skip.summary).toContain('<h3>Run Pipelines: skipped</h3>');
    for (const id of ariaIds) expect(skip.summary).toContain(`>${id ?? ''}</a>`);
    expect(skip.summary).toContain('⏭️ skipped');
    expect(skip.state['runs']).toBe('[]');
    expect([vmwareAria.starts(e, 'sk-one'), vmwareAria.starts(e, 'sk-two')]).toEqual([0, 0]);

    // wait: the run found is reported as the step's; nothing is saved for the post step to cancel.
    expect(wait.code).toBe(0);
    expect(wait.outputs['conclusion']).toBe('success');
    expect(wait.outputs['pipeline_run_id']).toBe(huaweiRunId);
    expect(JSON.parse(wait.outputs['runs'] ?? '[]')).toEqual([
      expect.objectContaining({ runId: huaweiRunId, conclusion: 'success', status: 'COMPLETED' }),
    ]);
    expect(wait.state['runs']).toBe('[]');
    expect(huaweiStats().pipelines[huaweiId('wt-one')]).toMatchObject({ starts: 0, stops: 0 });

    // Alibaba: bad input, before any request.
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/::error::Input 'if-running' cannot be 'cancel-previous' for alibaba-logstash/);
    expect(e.requests.filter((r) => r.path.startsWith('/openapi/'))).toEqual([]);
  });
});
