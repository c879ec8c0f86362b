/** Secrets, remote text and transport for feldera (the tests: __tests__/helpers/security.ts). */
import { describe, expect, test } from '@jest/globals';
import { runAction } from '../../../emulator/run-action.ts';
import { useEmulator } from '../../helpers/emulated.ts';
import { feldera } from '../../helpers/reliability-rows.ts';
import { forgedCommands, readLines } from '../../helpers/runner-model.ts';
import { securityTests } from '../../helpers/security.ts';

securityTests(feldera);

describe("feldera: GitHub's limits", () => {
  const emu = useEmulator();

  test('three 600 KB deployment errors: summary under 1 MiB, runs under 1 MB, each message cut with [cut], every run kept', async () => {
    const ids = ['big1', 'big2', 'big3'];
    const error = (id: string): string => `${id}: ${'provisioning failed; '.repeat(30_000)}`;
    emu.get().configure({
      feldera: {
        apiKey: feldera.secrets[0],
        pipelines: Object.fromEntries(
          ids.map((id) => [id, { outcome: 'deployment-error', errorCode: 'RunnerProvisionError', errorMessage: error(id) }]),
        ),
      },
    });
    const run = await runAction({ inputs: { ...feldera.inputs(emu.get().url, ids), timeout: '20s', 'poll-interval': '1s' } });
    expect(run.outputs['conclusion']).toBe('failure');
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    for (const [name, value] of Object.entries(run.outputs))
      expect({ name, bytes: Buffer.byteLength(value) < 1_000_000 }).toEqual({ name, bytes: true });
    const runs = JSON.parse(run.outputs['runs'] ?? '') as Array<{
      pipeline: string;
      runId: string;
      status: string;
      conclusion: string;
      message: string;
    }>;
    expect(runs.map((r) => [r.pipeline, r.conclusion])).toEqual(ids.map((id) => [id, 'failure']));
    for (const r of runs) {
      expect(r.runId).toBeTruthy();
      expect(r.status).toBeTruthy();
      expect(r.message).toMatch(/ \[cut\]$/);
      expect(r.message.length).toBeLessThanOrEqual(4096);
    }
    const shown = run.summary.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
    expect(shown.match(/\[cut\]/g)?.length).toBeGreaterThanOrEqual(3);
    for (const line of readLines(run.stdout)) expect(line.length).toBeLessThan(20_000);
    expect(Buffer.byteLength(run.stdout)).toBeLessThan(200_000);
    expect(forgedCommands(run.stdout)).toEqual([]);
  });
});
