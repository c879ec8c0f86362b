/**
 * The job summary's timeline: every chart the summary can make is checked by Mermaid's own parser
 * (in one child process, see helpers/mermaid-check.ts), and what Mermaid reads from it is compared
 * with the runs: one bar per run from trigger to end, its tag by conclusion, stage bars under each
 * run where the provider reported stages, hostile names kept inert, and a cap for many runs.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { RunRecord } from '../../src/engine.ts';
import { MAX_BARS, MAX_FAILED_BARS, chooseRuns, ganttChart, label } from '../../src/gantt.ts';

interface Task {
  section: string;
  text: string;
  tags: string[];
  id: string;
  start: number;
  end: number;
}
type Checked = { ok: true; type: string; tasks: Task[] } | { ok: false; error: string };

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);

function run(pipeline: string, conclusion: RunRecord['conclusion'], ms: number, stages?: RunRecord['stages']): RunRecord {
  return { pipeline, status: 'x', conclusion, startedAt: T0, finishedAt: T0 + ms, ...(stages ? { stages } : {}) };
}

const plain = [
  run('orders', 'success', 3000),
  run('payments', 'failure', 1200),
  run('audit', 'timed_out', 5000),
  run('web', 'cancelled', 800),
];
const staged = [
  run('build', 'failure', 4000, [
    { name: 'Build', status: 'COMPLETED', startedAt: T0 + 100, finishedAt: T0 + 2000 },
    { name: 'Test', status: 'FAILED', startedAt: T0 + 2000, finishedAt: T0 + 3900 },
    { name: 'Deploy', status: 'NOT_STARTED' },
  ]),
  run('deploy web', 'success', 2500),
];
const hostile = [
  run('click evil: x; y # z %% w <b>&amp;</b>', 'failure', 1000, [
    { name: 'section: 1', status: 'FAIL;ED', startedAt: T0, finishedAt: T0 + 500 },
  ]),
  run('title\nnewline\u0007', 'success', 10),
];
const many = Array.from({ length: 500 }, (_, i) =>
  run(`p${String(i).padStart(3, '0')}`, i % 10 === 0 ? 'failure' : 'success', 1000 + i),
);

const sources = [plain, staged, hostile, many].map((runs) => ganttChart('Run Pipelines (failure)', runs)?.text ?? '');
let checked: Checked[] = [];

/** Mermaid source between the fences. */
const body = (text: string): string => text.replace(/^```mermaid\n/, '').replace(/\n```$/, '');

beforeAll(() => {
  const helper = fileURLToPath(new URL('../helpers/mermaid-check.ts', import.meta.url));
  const broken = 'gantt\n  section x\n  task text : data : more\n';
  const out = spawnSync(process.execPath, [helper], { input: JSON.stringify([...sources.map(body), broken]), encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`mermaid check failed to run: ${out.stderr}`);
  checked = JSON.parse(out.stdout) as Checked[];
});

function tasksOf(i: number): Task[] {
  const c = checked[i];
  if (!c?.ok) throw new Error(`chart ${i} did not parse: ${c ? c.error : 'no result'}`);
  expect(c.type).toBe('gantt');
  return c.tasks;
}

describe('the timeline chart', () => {
  test("Mermaid's parser refuses a broken chart, so its yes means something", () => {
    expect(checked[sources.length]?.ok).toBe(false);
  });

  test('one bar per run from trigger to end, tagged by conclusion', () => {
    expect(sources[0]).toMatch(/^```mermaid\ngantt\n[\s\S]*\n```$/);
    expect(tasksOf(0).map((t) => [t.section, t.text.trim(), t.tags, t.start - T0, t.end - T0])).toEqual([
      ['Runs', '✅ orders success', ['done'], 0, 3000],
      ['Runs', '❌ payments failure', ['crit'], 0, 1200],
      ['Runs', '⏱️ audit timed_out', ['active', 'crit'], 0, 5000],
      ['Runs', '🚫 web cancelled', ['active'], 0, 800],
    ]);
  });

  test('stages as bars in a section per run where the provider reported their times', () => {
    expect(tasksOf(1).map((t) => [t.section, t.text.trim(), t.tags, t.start - T0, t.end - T0])).toEqual([
      ['build', '❌ build failure', ['crit'], 0, 4000],
      ['build', '▸ Build COMPLETED', ['done'], 100, 2000],
      ['build', '▸ Test FAILED', ['crit'], 2000, 3900],
      ['deploy web', '✅ deploy web success', ['done'], 0, 2500],
    ]);
  });

  test("names cannot break out of a bar: Mermaid's separators, comments and HTML become spaces", () => {
    const tasks = tasksOf(2);
    expect(tasks.map((t) => t.text.trim())).toEqual([
      '❌ click evil x y z w b amp /b failure',
      '▸ section 1 FAIL ED',
      '✅ title newline success',
    ]);
    expect(tasks.map((t) => t.section)).toEqual(['click evil x y z w b amp /b', 'click evil x y z w b amp /b', 'title newline']);
    expect(label('')).toBe('-');
    expect(label('x'.repeat(100))).toHaveLength(60);
  });

  test('many runs: the failed and the slowest, at most MAX_BARS, in input order', () => {
    const tasks = tasksOf(3);
    expect(tasks).toHaveLength(MAX_BARS);
    const names = tasks.map((t) => t.text.trim().split(' ')[1] ?? '');
    const failed = names.filter((n) => Number(n.slice(1)) % 10 === 0);
    expect(failed).toHaveLength(MAX_FAILED_BARS);
    // the 30 slowest failed runs are p200…p490; the 10 slowest others p489…p499 minus p490
    expect(failed[0]).toBe('p200');
    expect(names.filter((n) => !failed.includes(n))).toEqual([
      'p489',
      'p491',
      'p492',
      'p493',
      'p494',
      'p495',
      'p496',
      'p497',
      'p498',
      'p499',
    ]);
    expect([...names].sort()).toEqual(names);
    expect(chooseRuns(plain)).toEqual(plain);
  });

  test('nothing to draw when no run ended (a step that did not wait)', () => {
    const notWaited: RunRecord = { pipeline: 'a', status: 'triggered', conclusion: 'triggered', startedAt: T0 };
    expect(ganttChart('x', [notWaited])).toBeUndefined();
  });
});
