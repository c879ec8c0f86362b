/**
 * `npm run bench`: measures the built action against the emulator on loopback and prints each
 * figure as a table; all of them are written to bench/results.json. Nothing here asserts: the
 * figures are for reading (docs/performance.md).
 *
 * `node bench/run.ts [--only cold,bundle,fanout,logs,live,polling,endless] [--runs 15] [--done-ms 3000] [--no-write]`
 * (`--done-ms`: how long after its trigger each fan-out pipeline ends; peak RSS grows with it).
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { bundleTable, measureBundle } from './bundle.ts';
import { coldStartTable, measureColdStart } from './cold-start.ts';
import { endlessTable, measureEndless } from './endless.ts';
import { fanOutTable, measureFanOut } from './fanout.ts';
import { liveLogsTable, measureLiveLogs } from './live-logs.ts';
import { logFanOutTable, measureLogFanOut } from './logs.ts';
import { measurePolling, pollingTable } from './polling.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'cold,bundle,fanout,logs,live,polling,endless' },
    runs: { type: 'string', default: '15' },
    'done-ms': { type: 'string', default: '3000' },
    'no-write': { type: 'boolean', default: false },
  },
});
const sections = new Set(values.only.split(','));
const results: Record<string, unknown> = {
  machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: process.platform },
  measuredAt: new Date().toISOString(),
};

function show(title: string, body: string): void {
  process.stdout.write(`\n## ${title}\n\n${body}\n`);
}

if (sections.has('cold')) {
  const cold = await measureColdStart(Number(values.runs));
  results['coldStart'] = cold;
  show(`Cold start: spawn to first request at the emulator (${cold.runs} runs each)`, coldStartTable(cold));
}
if (sections.has('bundle')) {
  const bundle = measureBundle();
  results['bundle'] = bundle;
  show('Bundle', bundleTable(bundle));
}
if (sections.has('fanout')) {
  const fanOut = await measureFanOut(undefined, Number(values['done-ms']));
  results['fanOut'] = fanOut;
  show('Fan-out: N pipelines, each done a fixed time after its trigger', fanOutTable(fanOut));
}
if (sections.has('logs')) {
  const logs = await measureLogFanOut(undefined, Number(values['done-ms']));
  results['logFanOut'] = logs;
  show('Fan-out with provider logs: every tenth pipeline fails, logs: failed', logFanOutTable(logs));
}
if (sections.has('live')) {
  const live = await measureLiveLogs();
  results['liveLogs'] = live;
  show('Live logs: 100 pipelines, each logging a line a second, logs: none and logs: live', liveLogsTable(live));
}
if (sections.has('polling')) {
  const polling = await measurePolling();
  results['polling'] = polling;
  show('Polling schedule (simulated clock)', pollingTable(polling));
}
if (sections.has('endless')) {
  const endless = await measureEndless();
  results['endlessBody'] = endless;
  show('A status poll answered with an endless body: peak RSS, and the step still ends at its timeout', endlessTable(endless));
}
if (!values['no-write']) {
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('\nwritten to bench/results.json\n');
}
