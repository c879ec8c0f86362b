/**
 * `logs: live` and `logs-dir` through the bundled action (dist/), one spawn per provider, all at once:
 * each run's lines reach stdout while it runs (well before the line saying it ended), each once,
 * labelled with its pipeline; a chatty run prints up to the cap and one notice; the files in
 * `logs-dir` hold every line of the whole log, past the cap, for a run that failed and one that succeeded.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../../emulator/run-action.ts';
import { useEmulator } from '../helpers/emulated.ts';

const emu = useEmulator();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs the action and notes when each stdout line first appeared. */
async function timedRun(inputs: Record<string, string>): Promise<ActionRun & { seenAt: (re: RegExp) => number }> {
  const seen: Array<{ line: string; at: number }> = [];
  let partial = '';
  const run = await runAction({
    inputs,
    onSpawn: (child) =>
      child.stdout?.on('data', (c: Buffer) => {
        const lines = (partial + c.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) seen.push({ line, at: Date.now() });
      }),
  });
  const seenAt = (re: RegExp): number => seen.find((s) => re.test(s.line))?.at ?? Number.NaN;
  return { ...run, seenAt };
}

const count = (stdout: string, re: RegExp): number => stdout.split('\n').filter((l) => re.test(l)).length;

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'live-logs-'));
  dirs.push(d);
  return join(d, 'logs', 'nested');
}

const KEY = 'apikey:liveE2eSecret42';
const HOSTILE = ['::set-output name=conclusion::success', `leaked ${KEY} here`, 'half\r::add-mask::x'];
const CHATTY = Array.from({ length: 6000 }, (_, i) => `2026-01-01T00:00:00Z  INFO dbsp: chatty line ${i + 1}`);
const ARIA_ID = 'c1c1a2f0-1d2e-4c3b-9a8f-00000000l1ve';
const HW_PROJECT = 'e2e18230a85d4d6ab0b56cb6d2246c18';
const HW_ID = '20000000000000000000000000000001';
const HW_AK = 'HPUALIVEE2EAK0000001';
const HW_SK = 'LiveE2eHuaweiSecret0123456789abcdef';
const ALI_AK = 'LTAI5tLiveE2eAccessKey';
const ALI_SK = 'liveE2eAccessKeySecretValue012345';
const INSTANCE = 'ls-cn-live00000001';

describe('logs: live, through dist/', () => {
  test('every provider streams lines while its runs go, once each, named; logs-dir keeps whole logs', async () => {
    emu.get().configure({
      feldera: {
        apiKey: KEY,
        pipelines: {
          live: { provisionMs: 2000, initializeMs: 10, logLiveEveryMs: 100, logsLateMs: 400, logLines: HOSTILE },
          stuck: { provisionMs: 0, initializeMs: 0, outcome: 'stuck', logLiveEveryMs: 100 },
          broken: {
            provisionMs: 300,
            initializeMs: 10,
            outcome: 'deployment-error',
            errorMessage: 'out of memory',
            logLines: CHATTY,
          },
        },
      },
      'vmware-aria': {
        refreshTokens: ['refresh-liveE2e'],
        pipelines: {
          app: {
            id: ARIA_ID,
            liveLogEveryMs: 150,
            stages: [{ name: 'Build', tasks: [{ name: 'Compile', type: 'CI', ms: 2000 }] }],
          },
        },
      },
      'huawei-codearts': {
        projectId: HW_PROJECT,
        credentials: [{ accessKeyId: HW_AK, secretAccessKey: HW_SK }],
        pipelines: { [HW_ID]: { runMs: 2000, liveLogEveryMs: 150 } },
      },
      'alibaba-logstash': {
        accessKeys: { [ALI_AK]: ALI_SK },
        instances: { [INSTANCE]: { deployMs: 2000, liveLogEveryMs: 150, pipelines: { good: {} } } },
      },
    });
    const url = emu.get().url;
    const common = { logs: 'live', timeout: '30s', 'poll-interval': '1s' };
    const dirFelder = tempDir();
    const dirStuck = tempDir();
    const [feldera, aria, huawei, alibaba, stuck] = await Promise.all([
      timedRun({
        ...common,
        provider: 'feldera',
        endpoint: url,
        'api-key': KEY,
        'pipeline-ids': 'live,broken',
        'logs-dir': dirFelder,
      }),
      timedRun({
        ...common,
        provider: 'vmware-aria',
        endpoint: url,
        'refresh-token': 'refresh-liveE2e',
        'pipeline-ids': ARIA_ID,
      }),
      timedRun({
        ...common,
        provider: 'huawei-codearts',
        endpoint: url,
        'project-id': HW_PROJECT,
        'pipeline-ids': HW_ID,
        'access-key-id': HW_AK,
        'access-key-secret': HW_SK,
      }),
      timedRun({
        ...common,
        provider: 'alibaba-logstash',
        endpoint: url,
        'instance-id': INSTANCE,
        'pipeline-ids': 'good',
        'access-key-id': ALI_AK,
        'access-key-secret': ALI_SK,
      }),
      timedRun({
        ...common,
        provider: 'feldera',
        endpoint: url,
        'api-key': KEY,
        'pipeline-ids': 'stuck',
        'logs-dir': dirStuck,
        timeout: '2s',
      }),
    ]);

    // Each: a live line labelled with its pipeline, printed well before the line that says the run ended.
    const cases: Array<[string, typeof feldera, RegExp, RegExp]> = [
      ['feldera', feldera, /^live \| .*live line 1$/, /^live: Running \(after/],
      ['aria', aria, new RegExp(`^${ARIA_ID} \\| .*live line 1$`), new RegExp(`^${ARIA_ID}: COMPLETED`)],
      ['huawei', huawei, new RegExp(`^${HW_ID} \\| .*live line 1$`), new RegExp(`^${HW_ID}: COMPLETED`)],
      ['alibaba', alibaba, new RegExp(`^${INSTANCE} \\(good\\) \\| .*live line 1$`), /^good: RUNNING/],
    ];
    for (const [name, run, first, end] of cases) {
      expect({ name, stdout: run.stdout, first: count(run.stdout, first) }).toMatchObject({ name, first: 1 });
      const lead = run.seenAt(end) - run.seenAt(first);
      expect({ name, lead: lead >= 500 }).toEqual({ name, lead: true });
      // Never twice: every live line appears once.
      const live = run.stdout.split('\n').filter((l) => / \| .*live line \d+$/.test(l));
      expect({ name, dupes: live.filter((l, i) => live.indexOf(l) !== i) }).toEqual({ name, dupes: [] });
    }
    expect(aria.code).toBe(0);
    expect(huawei.code).toBe(0);
    expect(alibaba.code).toBe(0);

    // The chatty run that failed: 5000 lines printed, one notice, the whole log in its file.
    expect(feldera.code).toBe(1);
    expect(count(feldera.stdout, /^broken \| /)).toBe(5000);
    expect(count(feldera.stdout, /^::notice title=broken::more than 5000 log lines/)).toBe(1);
    expect(feldera.stdout).not.toContain('::group::');
    const files = readdirSync(dirFelder).sort();
    expect(files).toEqual([expect.stringMatching(/^broken-.+\.log$/), expect.stringMatching(/^live-.+\.log$/)]);
    const broken = readFileSync(join(dirFelder, files[0] as string), 'utf8').split('\n');
    expect(broken).toEqual(expect.arrayContaining([CHATTY[0], CHATTY[5999]]));
    expect(broken.filter((l) => l.includes('chatty line'))).toHaveLength(6000);
    expect(broken.some((l) => /ERROR runner: .*out of memory/.test(l))).toBe(true);
    const ok = readFileSync(join(dirFelder, files[1] as string), 'utf8').split('\n');
    expect(ok.filter((l) => /live line \d+$/.test(l)).length).toBeGreaterThan(5);
    expect(ok).toContain('leaked *** here');
    // Remote text stays inert: each part of a line is labelled (no line starts with ::), secrets are ***.
    expect(feldera.stdout).toContain('live | ::set-output name=conclusion::success');
    expect(feldera.stdout).toContain('live | leaked *** here');
    expect(feldera.stdout).toContain('live | ::add-mask::x');
    expect(feldera.stdout.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY);
    expect(feldera.stdout.split('\n').filter((l) => /^::(set-output|add-mask::x)/.test(l))).toEqual([]);
    expect(feldera.summary).toContain(`Full provider logs: 2 files in <code>${dirFelder}</code>`);

    // A timeout stops the reader: no live line after the timeout's error, and what it read is in the file.
    expect(stuck.outputs['conclusion']).toBe('timed_out');
    const timedOut = stuck.stdout.indexOf('::error title=stuck::still');
    expect(timedOut).toBeGreaterThan(0);
    expect(stuck.stdout.slice(0, timedOut)).toMatch(/^stuck \| .*live line 3$/m);
    expect(stuck.stdout.slice(timedOut)).not.toMatch(/^stuck \| /m);
    const [stuckFile] = readdirSync(dirStuck);
    const stuckLines = readFileSync(join(dirStuck, stuckFile ?? ''), 'utf8').split('\n');
    expect(stuckLines.filter((l) => /live line \d+$/.test(l)).length).toBeGreaterThan(5);
  });
});
