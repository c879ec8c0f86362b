/**
 * The README's first command: starts the provider emulator on loopback, runs the bundled action
 * against it as the GitHub runner would, and prints what the step logged and set as outputs.
 */
import { startEmulator } from '../emulator/server.ts';
import { runAction, type ActionRun } from '../emulator/run-action.ts';

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

function show(run: ActionRun): void {
  const log = run.stdout
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('::debug') && !l.startsWith('::add-mask'))
    .map((l) => `  | ${l}`);
  process.stdout.write(`${log.join('\n')}\n  exit code ${run.code}, ${run.durationMs} ms\n  outputs:\n`);
  for (const [k, v] of Object.entries(run.outputs)) {
    const shown = k === 'runs' ? JSON.stringify(JSON.parse(v), null, 2).replace(/\n/g, '\n      ') : v;
    process.stdout.write(`    ${k} = ${shown}\n`);
  }
}

const emulator = await startEmulator();
let failed = 0;
try {
  for (const demo of demos) {
    process.stdout.write(`\n== ${demo.title}\n`);
    emulator.configure(demo.config);
    const run = await runAction({ inputs: demo.inputs(emulator.url) });
    show(run);
    if (run.code !== 0) failed++;
  }
} finally {
  await emulator.close();
}
process.stdout.write(failed === 0 ? '\nAll demo steps succeeded.\n' : `\n${failed} demo step(s) failed.\n`);
process.exitCode = failed === 0 ? 0 : 1;
