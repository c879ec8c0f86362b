/**
 * What a user sees of a run of the bundled action (dist/index.js): the job summary the runner
 * renders from GITHUB_STEP_SUMMARY, the annotations, and dry-run's printed requests.
 */
import { describe, expect } from '@jest/globals';
import { runAction } from '../../emulator/run-action.ts';
import { emulatorPerTest } from '../helpers/emulated.ts';

const emu = emulatorPerTest();
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
  emu.test('the summary is one table with linked run ids, and a details block per failed pipeline', async () => {
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
    // A failed deployment fails the run as soon as its error shows (desired Stopped), whether the poll
    // that saw it came while it was still Stopping or after; the status cell is what that poll said.
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['feldera', 'orders', `<a href="${url}/pipelines/orders/">orders</a>`, 'Running', '✅ success'],
      [
        'feldera',
        'broken',
        `<a href="${url}/pipelines/broken/">broken</a>`,
        expect.stringMatching(/^Stopp(ed|ing)$/),
        '❌ failure',
      ],
    ]);
    for (const r of rows.slice(1)) expect(r[5]).toMatch(/^\d+(ms|s)$/);
    expect(run.summary).toContain(
      '<details><summary>broken: failure</summary>\n\n<pre>RunnerProvisionError: no &#60;capacity&#62; left</pre>\n\n</details>',
    );
    expect(run.summary.match(/<details>/g)).toHaveLength(1);
  });

  emu.test('a failure is an error annotation titled with the pipeline, apart from the step failure', async () => {
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

  emu.test('without GITHUB_STEP_SUMMARY the summary is skipped quietly', async () => {
    emu.get().configure({ feldera: { apiKey: KEY, pipelines: { orders: {} } } });
    const run = await runAction({ inputs: inputs('orders'), env: { GITHUB_STEP_SUMMARY: '' } });
    expect(run.code).toBe(0);
    expect(run.summary).toBe('');
    expect(run.stdout).not.toMatch(/summary/i);
  });

  emu.test('dry-run checks the key with a read-only call, prints each request, and starts nothing', async () => {
    emu.get().configure({ feldera: { apiKey: KEY, pipelines: { a: {}, b: {} } } });
    const run = await runAction({ inputs: inputs('a,b', { 'dry-run': 'true', 'bootstrap-policy': 'allow' }) });
    expect(run.code).toBe(0);
    const url = emu.get().url;
    expect(run.stdout).toContain('[dry-run] read-only check passed: the credentials are accepted');
    expect(run.stdout).toContain(
      `[dry-run] b: POST ${url}/v0/pipelines/b/start?initial=running&bootstrap_policy=allow&dismiss_error=false`,
    );
    expect(emu.get().requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(run.stdout.replace(/::add-mask::.*\n/g, '')).not.toContain('reportingSecret42');
  });

  emu.test('dry-run with a wrong key fails with the provider’s error before printing requests', async () => {
    emu.get().configure({ feldera: { apiKey: KEY, pipelines: { a: {} } } });
    const run = await runAction({ inputs: inputs('a', { 'dry-run': 'true', 'api-key': 'apikey:nope' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AuthenticationFailed');
    expect(run.stdout).not.toContain('[dry-run] a:');
  });
});

describe('job summary, progress and annotations: vmware-aria', () => {
  const TOKEN = 'refresh-reportingAriaToken-77';
  emu.test('stage/task progress lines, WAITING as a notice, linked executions, and the failed task in the details', async () => {
    emu.get().configure({
      'vmware-aria': {
        refreshTokens: [TOKEN],
        pipelines: {
          release: {
            id: 'release',
            stages: [
              { name: 'Build', tasks: [{ name: 'Compile', type: 'CI', ms: 1500 }] },
              { name: 'Gate', tasks: [{ name: 'Approve', type: 'UserOperation', hold: 'WAITING', holdMs: 1500 }] },
            ],
          },
          broken: {
            id: 'broken',
            stages: [{ name: 'Test', tasks: [{ name: 'Unit', type: 'CI', fail: 'expected <200> got 500' }] }],
          },
        },
      },
    });
    const url = emu.get().url;
    const run = await runAction({
      inputs: {
        provider: 'vmware-aria',
        endpoint: url,
        'pipeline-ids': 'release, broken',
        'refresh-token': TOKEN,
        timeout: '30s',
        'poll-interval': '1s',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^release: RUNNING — Build\.Compile RUNNING \(after \d+(ms|s)\)$/m);
    expect(run.stdout).toMatch(/^release: WAITING — Gate\.Approve WAITING \(after \d+(ms|s)\)$/m);
    expect(run.stdout).toMatch(/^::warning title=release::release #1 is WAITING: task Gate\.Approve \(UserOperation\) waits/m);
    expect(run.stdout).toContain('::error title=broken::FAILED: Test.Unit: expected <200> got 500');
    const ids = JSON.parse(run.outputs['run-ids'] ?? '[]') as string[];
    const link = (id: string | undefined): string => `<a href="${url}/codestream/api/executions/${id ?? ''}">${id ?? ''}</a>`;
    expect(
      tableRows(run.summary)
        .slice(1)
        .map((r) => r.slice(0, 5)),
    ).toEqual([
      ['vmware-aria', 'release', link(ids[0]), 'COMPLETED', '✅ success'],
      ['vmware-aria', 'broken', link(ids[1]), 'FAILED', '❌ failure'],
    ]);
    expect(run.summary).toContain(
      '<details><summary>broken: failure</summary>\n\n<pre>FAILED: Test.Unit: expected &#60;200&#62; got 500</pre>\n\n</details>',
    );
    expect(run.summary.match(/<details>/g)).toHaveLength(1);
    expect(run.summary).not.toContain(TOKEN);
  });
});

describe('job summary, progress and annotations: huawei-codearts', () => {
  const PROJECT = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
  const AK = 'HPUAREPORTINGAK00001';
  const SK = 'ReportingSecretKey0123456789abcdefXYZ';
  const ID = ['5e1ea5e0000000000000000000000001', 'b40ce000000000000000000000000002'];
  emu.test(
    'stage/job progress lines, PAUSED as a warning, runs linked to detail_url, and the failed job in the details',
    async () => {
      emu.get().configure({
        'huawei-codearts': {
          projectId: PROJECT,
          credentials: [{ accessKeyId: AK, secretAccessKey: SK }],
          pipelines: {
            [ID[0] ?? '']: { runMs: 3000, pauseMs: 1500 },
            [ID[1] ?? '']: {
              outcome: 'FAILED',
              runMs: 300,
              failure: { stage: 'Deploy', job: 'helm upgrade', step: 'deploy to cce', message: 'ImagePullBackOff <nginx>' },
            },
          },
        },
      });
      const run = await runAction({
        inputs: {
          provider: 'huawei-codearts',
          endpoint: emu.get().url,
          'project-id': PROJECT,
          'pipeline-ids': ID.join(','),
          'access-key-id': AK,
          'access-key-secret': SK,
          timeout: '30s',
          'poll-interval': '1s',
        },
      });
      expect(run.code).toBe(1);
      const [okId, badId] = ID;
      expect(run.stdout).toMatch(
        new RegExp(`^${okId}: RUNNING — stage (Build|Deploy) / job (compile|deploy) RUNNING \\(after \\d+(ms|s)\\)$`, 'm'),
      );
      expect(run.stdout).toMatch(
        new RegExp(`^${okId}: PAUSED — stage Approve / job manual review PAUSED \\(after \\d+(ms|s)\\)$`, 'm'),
      );
      expect(run.stdout).toMatch(new RegExp(`^::warning title=${okId}::run [0-9a-f]{32} is PAUSED at stage 'Approve'`, 'm'));
      expect(run.stdout).toMatch(new RegExp(`^::error title=${badId}::run FAILED: stage 'Deploy' / job 'helm upgrade'`, 'm'));
      const ids = JSON.parse(run.outputs['run-ids'] ?? '[]') as string[];
      const link = (pipeline: string | undefined, id: string | undefined): string =>
        `<a href="https://devcloud.cn-north-4.huaweicloud.com/cicd/project/${PROJECT}/pipeline/detail/${pipeline ?? ''}/${id ?? ''}">${id ?? ''}</a>`;
      expect(
        tableRows(run.summary)
          .slice(1)
          .map((r) => r.slice(0, 5)),
      ).toEqual([
        ['huawei-codearts', okId, link(okId, ids[0]), 'COMPLETED', '✅ success'],
        ['huawei-codearts', badId, link(badId, ids[1]), 'FAILED', '❌ failure'],
      ]);
      expect(run.summary).toContain(
        `<details><summary>${badId ?? ''}: failure</summary>\n\n<pre>run FAILED: stage &#39;Deploy&#39; / job &#39;helm upgrade&#39; / ` +
          `step &#39;deploy to cce&#39; failed: ImagePullBackOff &#60;nginx&#62;</pre>\n\n</details>`,
      );
      expect(run.summary).not.toContain(SK);
    },
  );
});
