/**
 * What a user sees of a run of the bundled action (dist/index.js): the job summary the runner
 * renders from GITHUB_STEP_SUMMARY, the annotations, and dry-run's printed requests.
 */
import { describe, expect, test } from '@jest/globals';
import { runAction } from '../../emulator/run-action.ts';
import { useEmulator } from '../helpers/emulated.ts';

const emu = useEmulator();
const KEY = 'apikey:reportingSecret42';

const inputs = (ids: string, more: Record<string, string> = {}): Record<string, string> => ({
  provider: 'feldera',
  endpoint: emu.get().url,
  'pipeline-ids': ids,
  'api-key': KEY,
  timeout: '30s',
  'poll-interval': '1s',
  ...more,
});

/** The summary's table as rows of cell HTML. */
function tableRows(summary: string): string[][] {
  const table = /<table>([\s\S]*?)<\/table>/.exec(summary)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1] ?? ''),
  );
}

describe('job summary and annotations', () => {
  test('the summary is one table with linked run ids, and a details block per failed pipeline', async () => {
    emu.get().configure({
      feldera: {
        apiKey: KEY,
        pipelines: {
          orders: {},
          broken: { outcome: 'deployment-error', errorCode: 'RunnerProvisionError', errorMessage: 'no <capacity> left' },
        },
      },
    });
    const run = await runAction({ inputs: inputs('orders,broken') });
    expect(run.code).toBe(1);
    const url = emu.get().url;
    expect(run.summary).toContain('<h3>Run Pipelines: failure</h3>');
    const rows = tableRows(run.summary);
    expect(rows[0]).toEqual(['Provider', 'Pipeline', 'Run', 'Status', 'Conclusion', 'Duration']);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['feldera', 'orders', `<a href="${url}/pipelines/orders/">orders</a>`, 'Running', '✅ success'],
      ['feldera', 'broken', `<a href="${url}/pipelines/broken/">broken</a>`, 'Stopped', '❌ failure'],
    ]);
    for (const r of rows.slice(1)) expect(r[5]).toMatch(/^\d+(ms|s)$/);
    expect(run.summary).toContain(
      '<details><summary>broken: failure</summary>\n\n<pre>RunnerProvisionError: no &#60;capacity&#62; left</pre>\n\n</details>',
    );
    expect(run.summary.match(/<details>/g)).toHaveLength(1);
  });

  test('a failure is an error annotation titled with the pipeline, apart from the step failure', async () => {
    emu.get().configure({
      feldera: {
        apiKey: KEY,
        pipelines: { broken: { outcome: 'deployment-error', errorCode: 'E1', errorMessage: 'it broke' } },
      },
    });
    const run = await runAction({ inputs: inputs('broken,ghost') });
    expect(run.stdout).toContain('::error title=broken::E1: it broke');
    expect(run.stdout).toMatch(/::error title=ghost::could not start: HTTP 404: UnknownPipelineName/);
    expect(run.stdout).toContain('::error::2 of 2 pipeline(s) did not succeed (failure)');
  });

  test('without GITHUB_STEP_SUMMARY the summary is skipped quietly', async () => {
    emu.get().configure({ feldera: { apiKey: KEY, pipelines: { orders: {} } } });
    const run = await runAction({ inputs: inputs('orders'), env: { GITHUB_STEP_SUMMARY: '' } });
    expect(run.code).toBe(0);
    expect(run.summary).toBe('');
    expect(run.stdout).not.toMatch(/summary/i);
  });

  test('dry-run checks the key with a read-only call, prints each request, and starts nothing', async () => {
    emu.get().configure({ feldera: { apiKey: KEY, pipelines: { a: {}, b: {} } } });
    const run = await runAction({ inputs: inputs('a,b', { 'dry-run': 'true', 'bootstrap-policy': 'allow' }) });
    expect(run.code).toBe(0);
    const url = emu.get().url;
    expect(run.stdout).toContain('[dry-run] read-only check passed: the credentials are accepted');
    expect(run.stdout).toContain(
      `[dry-run] b: POST ${url}/v0/pipelines/b/start?initial=running&bootstrap_policy=allow&dismiss_error=true`,
    );
    expect(emu.get().requests.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('reportingSecret42');
  });

  test('dry-run with a wrong key fails with the provider’s error before printing requests', async () => {
    emu.get().configure({ feldera: { apiKey: KEY, pipelines: { a: {} } } });
    const run = await runAction({ inputs: inputs('a', { 'dry-run': 'true', 'api-key': 'apikey:nope' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AuthenticationFailed');
    expect(run.stdout).not.toContain('[dry-run] a:');
  });
});
