/**
 * The README's first command: starts the provider emulator on loopback, runs the bundled action
 * against it as the GitHub runner would, and prints what the step logged and set as outputs. Each
 * step's job summary (what GitHub shows on the run's page) is written to a file and shown as text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator/server.ts';
import { runAction, type ActionRun } from '../emulator/run-action.ts';
import { summaryText } from './summary-text.ts';

interface Demo {
  title: string;
  config: Record<string, unknown>;
  inputs: (url: string) => Record<string, string>;
}

const demos: Demo[] = [
  {
    title: 'Feldera: start three pipelines (one still compiling) and wait until they run',
    config: {
      feldera: {
        apiKey: 'apikey:demo',
        pipelines: { orders: {}, payments: { compileMs: 1500 }, audit: { provisionMs: 800 } },
      },
    },
    inputs: (url) => ({
      provider: 'feldera',
      endpoint: url,
      'pipeline-ids': 'orders, payments, audit',
      'api-key': 'apikey:demo',
      timeout: '1m',
      logs: 'all',
      'log-lines': '5',
    }),
  },
  {
    title: 'Huawei CodeArts: start two pipelines with one signed batch call and wait until they complete',
    config: {
      'huawei-codearts': {
        projectId: 'e2e18230a85d4d6ab0b56cb6d2246c18',
        credentials: [{ accessKeyId: 'HPUADEMOACCESSKEY001', secretAccessKey: 'demo-secret-access-key' }],
        pipelines: { '85f622d9d0ad4852a9451dbc9fe3156a': { runMs: 1200 }, '0747d5a7099e45f69dc1d099945909a9': { pauseMs: 800 } },
      },
    },
    inputs: (url) => ({
      provider: 'huawei-codearts',
      endpoint: url,
      'project-id': 'e2e18230a85d4d6ab0b56cb6d2246c18',
      'pipeline-ids': '85f622d9d0ad4852a9451dbc9fe3156a, 0747d5a7099e45f69dc1d099945909a9',
      'access-key-id': 'HPUADEMOACCESSKEY001',
      'access-key-secret': 'demo-secret-access-key',
      timeout: '1m',
    }),
  },
  {
    title: 'Huawei CodeArts with logs: live: the step log printed while the run goes, each line naming its pipeline',
    config: {
      'huawei-codearts': {
        projectId: 'e2e18230a85d4d6ab0b56cb6d2246c18',
        credentials: [{ accessKeyId: 'HPUADEMOACCESSKEY001', secretAccessKey: 'demo-secret-access-key' }],
        pipelines: { '3f0c2a9d8b7e4c1fa6d5e4c3b2a19087': { runMs: 3000, liveLogEveryMs: 400 } },
      },
    },
    inputs: (url) => ({
      provider: 'huawei-codearts',
      endpoint: url,
      'project-id': 'e2e18230a85d4d6ab0b56cb6d2246c18',
      'pipeline-ids': '3f0c2a9d8b7e4c1fa6d5e4c3b2a19087',
      'access-key-id': 'HPUADEMOACCESSKEY001',
      'access-key-secret': 'demo-secret-access-key',
      logs: 'live',
      timeout: '1m',
    }),
  },
  {
    title: 'VMware Aria Automation Pipelines: execute two pipelines (one waits for an approval) and collect outputs',
    config: {
      'vmware-aria': {
        refreshTokens: ['demo-api-token'],
        pipelines: {
          build: {
            id: 'b7c1a2f0-1d2e-4c3b-9a8f-000000000001',
            stages: [
              {
                name: 'Build',
                tasks: [
                  { name: 'Compile', type: 'CI', ms: 600 },
                  { name: 'Test', ms: 400 },
                ],
              },
            ],
            output: { image: 'registry.example/app:${input.version}' },
          },
          'deploy web': {
            project: 'Platform',
            stages: [
              { name: 'Gate', tasks: [{ name: 'Approve', type: 'UserOperation', hold: 'WAITING', holdMs: 1500 }] },
              { name: 'Deploy', tasks: [{ name: 'Rollout', type: 'K8S', ms: 500 }] },
            ],
          },
        },
      },
    },
    inputs: (url) => ({
      provider: 'vmware-aria',
      endpoint: url,
      'refresh-token': 'demo-api-token',
      'pipeline-ids': 'b7c1a2f0-1d2e-4c3b-9a8f-000000000001\nPlatform/deploy web',
      parameters: 'version: 1.4.2',
      timeout: '1m',
    }),
  },
  {
    title: 'Alibaba Cloud Logstash: deploy two pipelines (the instance restarts) and wait until both run',
    config: {
      'alibaba-logstash': {
        accessKeys: { LTAI5tDemoAccessKeyId: 'demoAccessKeySecret' },
        instances: { 'ls-cn-demo0000001': { pipelines: { orders: {}, audit: { status: 'RUNNING' } }, deployMs: 2000 } },
      },
    },
    inputs: (url) => ({
      provider: 'alibaba-logstash',
      endpoint: url,
      'instance-id': 'ls-cn-demo0000001',
      'pipeline-ids': 'orders, audit',
      'access-key-id': 'LTAI5tDemoAccessKeyId',
      'access-key-secret': 'demoAccessKeySecret',
      timeout: '1m',
    }),
  },
];

/** The step's log as the runner shows it: groups as a heading with their lines, command lines hidden. */
function logLines(stdout: string): string[] {
  const out: string[] = [];
  let stopToken: string | undefined;
  for (const l of stdout.split('\n')) {
    if (stopToken !== undefined && l === `::${stopToken}::`) stopToken = undefined;
    else if (stopToken !== undefined) out.push(`  |     ${l}`);
    else if (l.startsWith('::stop-commands::')) stopToken = l.slice('::stop-commands::'.length);
    else if (l.startsWith('::group::')) out.push(`  | > ${l.slice('::group::'.length)}`);
    else if (l !== '' && !/^::(debug|add-mask|endgroup)/.test(l)) out.push(`  | ${l}`);
  }
  return out;
}

function show(run: ActionRun): void {
  const log = logLines(run.stdout);
  process.stdout.write(`${log.join('\n')}\n  exit code ${run.code}, ${run.durationMs} ms\n  outputs:\n`);
  for (const [k, v] of Object.entries(run.outputs)) {
    const shown = k === 'runs' ? JSON.stringify(JSON.parse(v), null, 2).replace(/\n/g, '\n      ') : v;
    process.stdout.write(`    ${k} = ${shown}\n`);
  }
}

/** Writes the step's job summary where a newcomer can open it, says where, and shows it as text. */
function showSummary(run: ActionRun, file: string): void {
  writeFileSync(file, run.summary);
  const text = summaryText(run.summary)
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  process.stdout.write(`  job summary (Markdown, as GitHub renders it on the run page): ${file}\n${text}\n`);
}

const summaries = join(tmpdir(), 'run-pipelines-demo');
mkdirSync(summaries, { recursive: true });
const emulator = await startEmulator();
let failed = 0;
try {
  for (const [i, demo] of demos.entries()) {
    process.stdout.write(`\n== ${demo.title}\n`);
    emulator.configure(demo.config);
    const run = await runAction({ inputs: demo.inputs(emulator.url) });
    show(run);
    showSummary(run, join(summaries, `${i + 1}-${demo.inputs(emulator.url)['provider'] ?? 'step'}.md`));
    if (run.code !== 0) failed++;
  }
} finally {
  await emulator.close();
}
process.stdout.write(`\nJob summaries written to ${summaries}\n`);
process.stdout.write(failed === 0 ? '\nAll demo steps succeeded.\n' : `\n${failed} demo step(s) failed.\n`);
process.exitCode = failed === 0 ? 0 : 1;
