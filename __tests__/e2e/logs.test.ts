/**
 * The providers' own logs in the job log and the timeline in the job summary, through the bundled
 * action (dist/) the way the runner runs it: one run per provider checks which runs get a log, that
 * each is one group whose lines the runner cannot take for commands, the tail of `log-lines`, the
 * redaction of secrets, a log that cannot be read (a warning, the conclusion unchanged), Alibaba's one
 * log per instance, and the Mermaid chart with stages where the provider reports them. The CLI run
 * checks the same inputs as flags.
 */
import { describe, expect } from '@jest/globals';
import { runAction } from '../../emulator/run-action.ts';
import { runCli } from '../../emulator/run-cli.ts';
import { emulatorPerTest } from '../helpers/emulated.ts';

const emu = emulatorPerTest();

interface Block {
  title: string;
  lines: string[];
}

/**
 * Reads stdout as the runner does: `::group::` opens a group, `::stop-commands::T` stops every command
 * until `::T::`. Returns each group's lines and every line the runner would have run as a command.
 */
function readLikeRunner(stdout: string): { blocks: Block[]; commands: string[] } {
  const blocks: Block[] = [];
  const commands: string[] = [];
  let stopToken: string | undefined;
  let current: Block | undefined;
  for (const line of stdout.split('\n')) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      else current?.lines.push(line);
      continue;
    }
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!command) continue;
    commands.push(line);
    if (command[1] === 'group') blocks.push((current = { title: command[2] ?? '', lines: [] }));
    if (command[1] === 'stop-commands') stopToken = command[2];
    if (command[1] === 'endgroup') current = undefined;
  }
  return { blocks, commands };
}

const runsOutput = (outputs: Record<string, string>): Array<Record<string, unknown>> =>
  JSON.parse(outputs['runs'] ?? '[]') as Array<Record<string, unknown>>;
const conclusions = (outputs: Record<string, string>): Record<string, unknown> =>
  Object.fromEntries(runsOutput(outputs).map((r): [unknown, unknown] => [r['pipeline'], r['conclusion']])) as Record<
    string,
    unknown
  >;
const mermaid = (summary: string): string => /```mermaid\n([\s\S]*?)\n```/.exec(summary)?.[1] ?? '';

describe('feldera: the streamed log of every run', () => {
  const KEY = 'apikey:logsE2eSecret42';
  const HOSTILE = ['::set-output name=conclusion::success', '##[error]not from us', '::add-mask::x', `leaked ${KEY} here`];

  emu.test('one inert group per run, secrets redacted; an unreadable log is a warning and changes nothing', async () => {
    emu.get().configure({
      feldera: {
        apiKey: KEY,
        pipelines: {
          ok: { provisionMs: 20, initializeMs: 10, logsUnavailable: true },
          bad: {
            provisionMs: 20,
            initializeMs: 10,
            outcome: 'deployment-error',
            errorMessage: 'out of memory',
            logLines: HOSTILE,
          },
        },
      },
    });
    const inputs = { provider: 'feldera', endpoint: emu.get().url, 'pipeline-ids': 'ok,bad', 'api-key': KEY, logs: 'all' };
    const run = await runAction({ inputs: { ...inputs, timeout: '30s', 'poll-interval': '1s' } });
    expect(run.code).toBe(1);
    expect(conclusions(run.outputs)).toEqual({ ok: 'success', bad: 'failure' });
    const { blocks, commands } = readLikeRunner(run.stdout);
    expect(blocks.map((b) => b.title)).toEqual(['bad: Feldera pipeline log']);
    const bad = blocks[0]?.lines ?? [];
    expect(bad).toEqual(expect.arrayContaining([...HOSTILE.slice(0, 3), 'leaked *** here']));
    expect(bad.at(-1)).toMatch(/ERROR runner: RunnerProvisionError: out of memory$/);
    expect(commands.filter((c) => /set-output|not from us|add-mask::x/.test(c))).toEqual([]);
    expect(run.stdout.replace(`::add-mask::${KEY}`, '')).not.toContain(KEY);
    expect(run.stdout).toMatch(
      /::warning title=ok%3A Feldera pipeline log::could not read the whole log: .*RunnerInteractionUnreachable/,
    );
    expect(
      emu
        .get()
        .requests.filter((r) => r.path.endsWith('/logs'))
        .map((r) => r.path),
    ).toEqual(expect.arrayContaining(['/v0/pipelines/ok/logs', '/v0/pipelines/bad/logs']));
    const chart = mermaid(run.summary);
    expect(chart).toMatch(/^gantt\n/);
    expect(chart).toContain('section Runs');
    expect(chart).toMatch(/✅ ok success :done, r1, \d+, \d+/);
    expect(chart).toMatch(/❌ bad failure :crit, r2, \d+, \d+/);
    expect(run.summary.indexOf('<table>')).toBeLessThan(run.summary.indexOf('```mermaid'));
    expect(run.summary).toContain('<details><summary>bad: failure</summary>');
  });

  emu.test('the CLI takes the same inputs as flags and prints the log as plain text off a runner', async () => {
    emu.get().configure({
      feldera: {
        pipelines: { bad: { provisionMs: 20, initializeMs: 10, outcome: 'deployment-error', logLines: ['one', 'two'] } },
      },
    });
    const cli = await runCli([
      '--provider',
      'feldera',
      '--endpoint',
      emu.get().url,
      '--pipeline-ids',
      'bad',
      '--log-lines',
      '2',
      '--poll-interval',
      '1s',
    ]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(
      /--- bad: Feldera pipeline log\n {2}\(\d+ earlier line\(s\) not shown: log-lines is 2\)\n {2}two\n {2}.*ERROR runner/,
    );
    expect(cli.stderr).not.toContain('::stop-commands::');
    const usage = await runCli(['--provider', 'feldera', '--endpoint', emu.get().url, '--pipeline-ids', 'bad', '--logs', 'some']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Input 'logs' must be one of failed, all, live, none (got 'some')");
  });
});

describe('vmware-aria: workspace logs and task messages of the failed execution', () => {
  // A failed CI task's results (jobUrl), a line a runner would take for a command, and more than 4 KiB.
  const UNIT_OUTPUT = {
    jobUrl: 'https://jenkins.example/job/unit/42/',
    note: '::set-output name=conclusion::success',
    report: 'r'.repeat(5000),
  };

  emu.test(
    'only the failed run has a group, with its failed task’s output; the chart shows each execution with its stages',
    async () => {
      const TOKEN = 'refresh-logsE2eAriaToken';
      emu.get().configure({
        'vmware-aria': {
          refreshTokens: [TOKEN],
          pipelines: {
            build: {
              id: 'b7c1a2f0-1d2e-4c3b-9a8f-00000000l0g5',
              stages: [
                { name: 'Build', tasks: [{ name: 'Compile', type: 'CI', ms: 30 }] },
                {
                  name: 'Test',
                  tasks: [{ name: 'Unit', type: 'CI', ms: 20, fail: 'exit code 2: 3 tests failed', output: UNIT_OUTPUT }],
                },
              ],
              workspace: [
                { step: 'GIT_CLONE', status: 'COMPLETED', logs: ['Cloning into /build...\n::warning::from the clone', 'done.'] },
              ],
            },
            ok: { id: 'b7c1a2f0-1d2e-4c3b-9a8f-00000000l0g6', stages: [{ name: 'Build', tasks: [{ name: 'Compile', ms: 30 }] }] },
          },
        },
      });
      const run = await runAction({
        inputs: {
          provider: 'vmware-aria',
          endpoint: emu.get().url,
          'refresh-token': TOKEN,
          'pipeline-ids': 'b7c1a2f0-1d2e-4c3b-9a8f-00000000l0g5\nb7c1a2f0-1d2e-4c3b-9a8f-00000000l0g6',
          timeout: '30s',
          'poll-interval': '1s',
        },
      });
      expect(run.code).toBe(1);
      const { blocks, commands } = readLikeRunner(run.stdout);
      expect(blocks).toHaveLength(1);
      expect(blocks[0]?.title).toMatch(/^b7c1a2f0-1d2e-4c3b-9a8f-00000000l0g5: Aria execution \S+$/);
      expect(blocks[0]?.lines).toEqual([
        '[workspace GIT_CLONE] COMPLETED',
        'Cloning into /build...',
        '::warning::from the clone',
        'done.',
        '[Build.Compile [CI]] COMPLETED',
        '[Test.Unit [CI]] FAILED: exit code 2: 3 tests failed',
        '  output:',
        '    {',
        '      "jobUrl": "https://jenkins.example/job/unit/42/",',
        '      "note": "::set-output name=conclusion::success",',
        // The JSON is cut at 4096 characters in all (the engine would cut this line at 2000 anyway).
        `${`      "report": "${'r'.repeat(5000)}`.slice(0, 2000)} [line cut]`,
        `    … (${JSON.stringify(UNIT_OUTPUT, null, 2).length - 4096} more characters not shown)`,
      ]);
      expect(commands.filter((c) => c.includes('from the clone') || c.includes('set-output'))).toEqual([]);
      const chart = mermaid(run.summary);
      expect(chart).toContain('section b7c1a2f0-1d2e-4c3b-9a8f-00000000l0g5');
      expect(chart).toMatch(/▸ Build COMPLETED :done, r1s1, \d+, \d+/);
      expect(chart).toMatch(/▸ Test FAILED :crit, r1s2, \d+, \d+/);
      expect(chart).toMatch(/✅ b7c1a2f0-1d2e-4c3b-9a8f-00000000l0g6 success :done, r2,/);
    },
  );
});

describe('huawei-codearts: ShowPipelineLog for each step that ran', () => {
  const PROJECT = 'e2e18230a85d4d6ab0b56cb6d2246c18';
  const AK = 'HPUALOGSE2EAK0000001';
  const SK = 'LogsE2eHuaweiSecret0123456789abcdef';
  const ID = ['10000000000000000000000000000001', '10000000000000000000000000000002', '10000000000000000000000000000003'];

  emu.test('pages through a long step log and keeps its tail; a refused log read is a warning', async () => {
    const long = Array.from({ length: 600 }, (_, i) => `build output line ${i + 1}`);
    emu.get().configure({
      'huawei-codearts': {
        projectId: PROJECT,
        credentials: [{ accessKeyId: AK, secretAccessKey: SK }],
        pipelines: {
          [ID[0] as string]: { outcome: 'FAILED', runMs: 40, failure: { message: 'mvn: BUILD FAILURE' }, logLines: long },
          [ID[1] as string]: { runMs: 40 },
          [ID[2] as string]: {
            outcome: 'FAILED',
            runMs: 40,
            logError: { status: 403, code: 'DEVPIPE.00011403', message: 'no permission to read the log' },
          },
        },
      },
    });
    const run = await runAction({
      inputs: {
        provider: 'huawei-codearts',
        endpoint: emu.get().url,
        'project-id': PROJECT,
        'pipeline-ids': ID.join('\n'),
        'access-key-id': AK,
        'access-key-secret': SK,
        'log-lines': '4',
        timeout: '30s',
        'poll-interval': '1s',
      },
    });
    expect(run.code).toBe(1);
    expect(conclusions(run.outputs)).toEqual({
      [ID[0] as string]: 'failure',
      [ID[1] as string]: 'success',
      [ID[2] as string]: 'failure',
    });
    const { blocks } = readLikeRunner(run.stdout);
    // The run whose log was refused has its group too: each step's heading with the refusal in its place.
    // Groups come in the order their reads end.
    expect(blocks.map((b) => b.title.split(':')[0]).sort()).toEqual([ID[0], ID[2]]);
    const refusedBlock = blocks.find((b) => b.title.startsWith(ID[2] as string));
    expect(refusedBlock?.lines).toEqual([
      '=== Build / compile / maven build: FAILED',
      expect.stringMatching(/^\(the log of this step could not be read: .*DEVPIPE\.00011403/),
    ]);
    const lines = blocks.find((b) => b.title.startsWith(ID[0] as string))?.lines ?? [];
    expect(lines[0]).toMatch(/^\(\d+ earlier line\(s\) not shown: log-lines is 4\)$/);
    expect(lines.slice(1, 3)).toEqual(['build output line 599', 'build output line 600']);
    expect(lines[3]).toMatch(/\[ERROR\] \[real_stage:maven build\] : mvn: BUILD FAILURE$/);
    expect(run.stdout).toMatch(/::warning title=1\S+3%3A CodeArts run \S+::could not read the whole log: .*DEVPIPE.00011403/);
    const reads = emu.get().requests.filter((r) => r.path.endsWith('/logs') && r.path.includes(ID[0] as string));
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.map((r) => JSON.parse(r.body) as Record<string, unknown>)).toContainEqual({
      start_offset: 0,
      end_offset: 0,
      limit: 500,
      sort: 'asc',
    });
    expect(reads.some((r) => (JSON.parse(r.body) as { start_offset: number }).start_offset > 0)).toBe(true);
    const chart = mermaid(run.summary);
    expect(chart).toContain(`section ${ID[0] ?? ''}`);
    expect(chart).toMatch(/▸ Build FAILED :crit, r1s1, \d+, \d+/);
  });
});

describe('alibaba-logstash: the instance log, once for the deploy', () => {
  emu.test('one group for the instance naming both pipelines, every level, oldest first', async () => {
    const AK = 'LTAI5tLogsE2eAccessKey';
    const SK = 'logsE2eAccessKeySecretValue012345';
    const INSTANCE = 'ls-cn-logs00000001';
    emu.get().configure({
      'alibaba-logstash': {
        accessKeys: { [AK]: SK },
        instances: {
          [INSTANCE]: {
            deployMs: 60,
            instanceLog: ['[INFO][logstash.agent] restart requested by a deploy'],
            errorLog: ['[ERROR][logstash.agent] Failed to execute action {:id=>:bad}'],
            pipelines: { good: {}, bad: { outcome: 'not-deployed' } },
          },
        },
      },
    });
    const run = await runAction({
      inputs: {
        provider: 'alibaba-logstash',
        endpoint: emu.get().url,
        'instance-id': INSTANCE,
        'pipeline-ids': 'good, bad',
        'access-key-id': AK,
        'access-key-secret': SK,
        logs: 'all',
        timeout: '20s',
        'poll-interval': '1s',
      },
    });
    expect(run.code).toBe(1);
    const { blocks } = readLikeRunner(run.stdout);
    expect(blocks.map((b) => b.title)).toEqual([
      `instance ${INSTANCE} (pipelines good, bad)%3A Logstash instance log`.replace('%3A', ':'),
    ]);
    const text = (blocks[0]?.lines ?? []).join('\n');
    expect(text).toMatch(/\[info\] .*restart requested by a deploy/);
    expect(text).toMatch(/\[info\] .*Pipeline started \{"pipeline.id"=>"good"\}/);
    expect(text).toMatch(/\[error\] .*Failed to execute action \{:id=>:bad\}/);
    const searches = emu.get().requests.filter((r) => r.path.endsWith('/search-log') && r.query['query'] === '*');
    expect(searches).toHaveLength(1);
    expect(Number(searches[0]?.query['beginTime'])).toBeLessThan(Number(searches[0]?.query['endTime']));
    expect(mermaid(run.summary)).toMatch(/❌ bad failure :crit, r2,/);
  });
});
