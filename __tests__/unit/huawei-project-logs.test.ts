/**
 * Huawei CodeArts in process against the emulated gateway (issue 23, items 8–10):
 * X-Project-Id is `project-id`, signed, as the SDK core sends it, and nothing else is read for it;
 * a run's log is read per step (one step's error does not end the others), failed steps first but
 * handed over last, a long step's tail fetched with `sort: desc`, the answer's offsets sent back as
 * cursors; a failed run's detail is read once, by the wait, not again for its log.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import type { CodeArtsPipelineScenario } from '../../emulator/huawei-codearts.ts';
import { memoryLogger } from '../../src/log.ts';
import { prepareStep } from '../../src/setup.ts';
import type { EndedRun, RunHandle } from '../../src/providers/types.ts';

const PROJECT = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const PIPE = '85f622d9d0ad4852a9451dbc9fe3156a';
const AK = 'HPUAPROJLOGSAK000001';
const SK = 'ProjLogsSecretKeyValue0123456789';
const TOKEN = 'MIIProjectLogsTestToken';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

const keys = { 'access-key-id': AK, 'access-key-secret': SK };

async function prepare(pipeline: CodeArtsPipelineScenario, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  emu.configure({
    'huawei-codearts': {
      projectId: PROJECT,
      credentials: [{ accessKeyId: AK, secretAccessKey: SK }],
      authTokens: [TOKEN],
      pipelines: { [PIPE]: { runMs: 10, ...pipeline } },
    },
  });
  const all: Record<string, string> = {
    provider: 'huawei-codearts',
    endpoint: emu.url,
    'project-id': PROJECT,
    'pipeline-ids': PIPE,
    ...inputs,
  };
  return prepareStep({ inputs: (n) => all[n] ?? '', env, log: memoryLogger(), secret: () => undefined });
}

/** Starts the pipeline, polls until its run ended, and reads its log as the engine does. */
async function runAndReadLog(
  pipeline: CodeArtsPipelineScenario,
  abortOn?: (line: string) => boolean,
): Promise<{ lines: string[]; error?: string; detailReadsForLog: number }> {
  const step = await prepare(pipeline, keys);
  try {
    const { outcomes } = await step.provider.trigger([PIPE]);
    const handle = outcomes[0]?.run as RunHandle;
    for (let i = 0; i < 200; i++) {
      const [seen] = await step.provider.observe([handle]);
      if (seen instanceof Error) throw seen;
      if (seen?.phase !== 'pending') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const ended: EndedRun = { handle, startedAt: 0, finishedAt: 1 };
    const detailReads = (): number => emu.requests.filter((r) => r.path.endsWith('/pipeline-runs/detail')).length;
    const polled = detailReads();
    const source = step.provider.logs?.([ended])[0];
    const lines: string[] = [];
    const abort = new AbortController();
    let atCut: string[] | undefined;
    const onLine = (l: string): void => {
      lines.push(l);
      if (atCut || !abortOn?.(l)) return;
      abort.abort(new Error('time for reading logs ran out'));
      // What the engine holds once the abort's listeners ran: it stops reading right after.
      atCut = [...lines];
    };
    try {
      await source?.read(onLine, abort.signal);
      return { lines: atCut ?? lines, detailReadsForLog: detailReads() - polled };
    } catch (e) {
      return { lines, error: (e as Error).message, detailReadsForLog: detailReads() - polled };
    }
  } finally {
    await step.http.close();
  }
}

const logBodies = (): Array<Record<string, unknown>> =>
  emu.requests.filter((r) => r.path.endsWith('/logs')).map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe('X-Project-Id (item 8)', () => {
  test('AK/SK: every request sends project-id as a signed X-Project-Id; HUAWEICLOUD_SDK_PROJECT_ID is not read', async () => {
    const step = await prepare({}, keys, { HUAWEICLOUD_SDK_PROJECT_ID: 'ffffeeeeddddccccbbbbaaaa99998888' });
    try {
      await step.provider.trigger([PIPE]);
    } finally {
      await step.http.close();
    }
    expect(emu.requests.length).toBeGreaterThan(0);
    for (const r of emu.requests) {
      expect(r.path.startsWith(`/v5/${PROJECT}/`)).toBe(true);
      expect(r.headers['x-project-id']).toBe(PROJECT);
      expect(r.headers['authorization']).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date,');
      expect(r.status).toBe(200);
    }
  });

  test('a token: X-Project-Id next to X-Auth-Token; the old iam-project-id input is not read', async () => {
    const step = await prepare({}, { 'auth-token': TOKEN, 'iam-project-id': 'ffffeeeeddddccccbbbbaaaa99998888' });
    try {
      await step.provider.trigger([PIPE]);
    } finally {
      await step.http.close();
    }
    expect(emu.requests.map((r) => [r.headers['x-project-id'], r.headers['x-auth-token']])).toEqual([[PROJECT, TOKEN]]);
  });
});

describe('the run log (items 9, 10)', () => {
  const deployFails: CodeArtsPipelineScenario = {
    outcome: 'FAILED',
    failure: { stage: 'Deploy', job: 'helm upgrade', step: 'deploy to cce', message: 'ImagePullBackOff' },
  };

  test('a failed run: its detail is read once; its failed step is handed over last', async () => {
    const { lines, error, detailReadsForLog } = await runAndReadLog(deployFails);
    expect(error).toBeUndefined();
    // The log takes the steps from the detail the last poll read.
    expect(detailReadsForLog).toBe(0);
    expect(lines.filter((l) => l.startsWith('=== '))).toEqual([
      '=== Build / compile / maven build: COMPLETED',
      '=== Deploy / helm upgrade / deploy to cce: FAILED',
    ]);
    expect(lines.at(-2)).toMatch(/\[ERROR\] .*ImagePullBackOff$/);
  });

  test('the failed step is read first: a read cut at the first step handed over still has the failed step', async () => {
    // Cut as soon as the first line goes out directly (the Build step's heading): in pipeline order
    // nothing of Deploy would have been read yet.
    const { lines } = await runAndReadLog(deployFails, (l) => l.startsWith('=== Build'));
    expect(lines[0]).toBe('=== Build / compile / maven build: COMPLETED');
    expect(lines).toContain('=== Deploy / helm upgrade / deploy to cce: FAILED');
    expect(lines.some((l) => /\[ERROR\] .*ImagePullBackOff$/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('[real_stage:maven build]'))).toBe(false);
  });

  test('one step whose log is refused: the others are still read, the refusal is in its place and reported', async () => {
    const { lines, error } = await runAndReadLog({
      ...deployFails,
      logError: { status: 403, code: 'DEVPIPE.00011403', message: 'no permission to read the log', stepName: 'deploy to cce' },
    });
    expect(error).toMatch(/^1 step log\(s\) could not be read, the first: .*DEVPIPE\.00011403/);
    const failedAt = lines.indexOf('=== Deploy / helm upgrade / deploy to cce: FAILED');
    expect(lines[failedAt + 1]).toMatch(/^\(the log of this step could not be read: .*DEVPIPE\.00011403/);
    expect(lines.some((l) => l.includes('[real_stage:maven build] : step begin'))).toBe(true);
  });

  test('a long step: 4 pages from the start with the answers’ cursors sent back, then the last 500 lines via sort desc, in order', async () => {
    const long = Array.from({ length: 2600 }, (_, i) => `output ${i + 1}`);
    const { lines, error } = await runAndReadLog({ outcome: 'FAILED', failure: { message: 'the end' }, logLines: long });
    expect(error).toBeUndefined();
    const failedBodies = logBodies().slice(0, 5);
    expect(failedBodies.map((b) => b['sort'])).toEqual(['asc', 'asc', 'asc', 'asc', 'desc']);
    expect(failedBodies[0]).toEqual({ start_offset: 0, end_offset: 0, limit: 500, sort: 'asc' });
    // Each asc request after the first carries the cursors the previous answer named (emulator: byte offsets, a guess).
    for (const b of failedBodies.slice(1, 4)) expect(Number(b['start_offset'])).toBeGreaterThan(0);
    expect(failedBodies[4]).toEqual({ start_offset: 0, end_offset: 0, limit: 500, sort: 'desc' });
    const marker = lines.findIndex((l) => l.startsWith('(… more than 2000 lines: the last 500 follow'));
    expect(marker).toBeGreaterThan(0);
    const tail = lines.slice(marker + 1, marker + 501);
    expect(tail.at(-1)).toMatch(/step maven build ended: FAILED$/);
    expect(tail.at(-2)).toMatch(/\[ERROR\] .*the end$/);
    expect(tail.at(-3)).toBe('output 2600');
    expect(tail[0]).toBe('output 2103');
  });
});
