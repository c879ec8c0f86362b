/** The CodeArts region table, the endpoint override variable, and run status classification. */
import { describe, expect, test } from '@jest/globals';
import type { PipelineLatestRun, RunDetail } from '../../src/providers/huawei-codearts/schemas.ts';
import { endpointOverrideVariable, regionEndpoint } from '../../src/providers/huawei-codearts/regions.ts';
import { classifyLatestRun, classifyRun } from '../../src/providers/huawei-codearts/status.ts';

describe('CodeArts regions', () => {
  test.each([
    ['cn-north-4', 'https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com'],
    ['ap-southeast-3', 'https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com'],
    ['la-north-2', 'https://cloudpipeline-ext.la-north-2.myhuaweicloud.com'],
    ['tr-west-1', 'https://pipeline-external.tr-west-1.myhuaweicloud.com'],
    ['la-south-2', 'https://pipeline-external.la-south-2.myhuaweicloud.com'],
    ['af-north-1', 'https://pipeline.af-north-1.myhuaweicloud.com'],
    ['me-east-1', 'https://pipeline.me-east-1.myhuaweicloud.com'],
    ['af-south-1', 'https://pipeline.af-south-1.myhuaweicloud.com'],
  ])('%s → %s', (region, url) => {
    expect(regionEndpoint(region)).toBe(url);
  });

  test('a region CodeArts does not serve has no endpoint', () => {
    expect(regionEndpoint('eu-west-0')).toBeUndefined();
  });

  test('the SDK override variable upper-cases the region and replaces hyphens', () => {
    expect(endpointOverrideVariable('cn-north-4')).toBe('HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_CN_NORTH_4');
  });
});

const run = (status: string, stages: RunDetail['stages'] = []): RunDetail => ({ id: 'r1', status, stages });

describe('CodeArts run status', () => {
  test.each([
    ['COMPLETED', 'success'],
    ['FAILED', 'failure'],
    ['CANCELED', 'failure'],
    ['IGNORED', 'failure'],
    ['ASYNC_FAILED', 'failure'],
    ['RUNNING', 'pending'],
    ['QUEUED', 'pending'],
    ['INIT', 'pending'],
    ['PAUSED', 'pending'],
    ['SUSPEND', 'pending'],
  ])('%s → %s', (status, phase) => {
    expect(classifyRun(run(status)).phase).toBe(phase);
  });

  test('PAUSED warns with the stage it waits in; an unknown status warns and keeps waiting', () => {
    const paused = classifyRun(run('PAUSED', [{ name: 'Approve', status: 'PAUSED', jobs: [] }]));
    expect(paused.warning).toContain("is PAUSED at stage 'Approve'");
    const odd = classifyRun(run('HIBERNATING'));
    expect(odd).toMatchObject({ phase: 'pending', warning: expect.stringContaining("unknown run status 'HIBERNATING'") });
  });

  test('progress names the active stage and its active jobs, parallel jobs joined', () => {
    const obs = classifyRun(
      run('RUNNING', [
        { name: 'Build', status: 'COMPLETED', jobs: [{ name: 'compile', status: 'COMPLETED' }] },
        {
          name: 'Test',
          status: 'RUNNING',
          jobs: [
            { name: 'unit', status: 'RUNNING' },
            { name: 'lint', status: 'COMPLETED' },
            { name: 'e2e', status: 'QUEUED' },
          ],
        },
      ]),
    );
    expect(obs.progress).toBe('stage Test / job unit RUNNING, e2e QUEUED');
    expect(classifyRun(run('RUNNING', [{ name: 'Deploy', status: 'RUNNING', jobs: [] }])).progress).toBe('stage Deploy');
  });

  test('a failure names every failed stage, job and step with the message', () => {
    const obs = classifyRun(
      run('FAILED', [
        { name: 'Build', status: 'COMPLETED', jobs: [{ name: 'compile', status: 'COMPLETED', steps: [] }] },
        {
          name: 'Test',
          status: 'FAILED',
          jobs: [
            {
              name: 'unit',
              status: 'FAILED',
              message: 'job failed',
              steps: [{ name: 'npm test', status: 'FAILED', message: '3 failing' }],
            },
            { name: 'lint', status: 'FAILED', message: 'eslint exited 1', steps: [] },
          ],
        },
      ]),
    );
    expect(obs.message).toBe(
      "run FAILED: stage 'Test' / job 'unit' / step 'npm test' failed: 3 failing; stage 'Test' / job 'lint' failed: eslint exited 1",
    );
  });
});

const OURS = 'dd6dca8c68974640b9ce4fe6dbc8089f';
const latest = (over: Partial<PipelineLatestRun> = {}): PipelineLatestRun => ({
  pipeline_id: 'bfbc13d216c344ab9905716a0c88f9c6',
  pipeline_run_id: OURS,
  status: 'RUNNING',
  run_number: 42,
  detail_url: 'https://console.example/detail/bfbc/dd6d',
  stage_status_list: [],
  ...over,
});

describe('CodeArts run status from the batch status call (PipelineLatestRun)', () => {
  test('our run: classified from the entry, with the console url and run number', () => {
    expect(classifyLatestRun(latest({ status: 'COMPLETED' }), OURS)).toEqual({
      status: 'COMPLETED',
      phase: 'success',
      url: 'https://console.example/detail/bfbc/dd6d',
      details: { runNumber: 42 },
    });
    expect(classifyLatestRun(latest({ detail_url: null, run_number: null }), OURS)).toEqual({
      status: 'RUNNING',
      phase: 'pending',
      details: {},
    });
  });

  test('progress is the active stage in pipeline order (sequence), without jobs: the entry has none', () => {
    const stages = [
      { name: 'Deploy', sequence: 2, status: 'INIT' },
      { name: 'Test', sequence: 1, status: 'RUNNING' },
      { name: 'Build', sequence: 0, status: 'RUNNING' },
    ];
    expect(classifyLatestRun(latest({ stage_status_list: stages }), OURS)?.progress).toBe('stage Build');
    const paused = classifyLatestRun(
      latest({ status: 'PAUSED', stage_status_list: [{ name: 'Approve', status: 'PAUSED' }] }),
      OURS,
    );
    expect(paused).toMatchObject({ phase: 'pending', progress: 'stage Approve' });
    expect(paused?.warning).toContain(`run ${OURS} is PAUSED at stage 'Approve'`);
  });

  test('an unknown status keeps waiting with the same warning as the run detail gives', () => {
    expect(classifyLatestRun(latest({ status: 'HIBERNATING' }), OURS)).toMatchObject({
      phase: 'pending',
      warning: expect.stringContaining("unknown run status 'HIBERNATING'"),
    });
  });

  test.each([
    ['the pipeline never ran (no entry)', undefined],
    ['its latest run is someone else’s', latest({ pipeline_run_id: 'ffffffffffffffffffffffffffffffff', status: 'COMPLETED' })],
    ['the entry names no run', latest({ pipeline_run_id: null, status: 'COMPLETED' })],
    ['the entry has no status', latest({ status: null })],
    ['our run FAILED: only the detail names the failed job and step', latest({ status: 'FAILED' })],
    ['our run CANCELED', latest({ status: 'CANCELED' })],
    ['our run IGNORED', latest({ status: 'IGNORED' })],
    ['our run ASYNC_FAILED', latest({ status: 'ASYNC_FAILED' })],
  ])('the run detail is needed when %s', (_why, entry) => {
    expect(classifyLatestRun(entry, OURS)).toBeUndefined();
  });
});
