/**
 * The job summary cannot be reshaped by remote text (judged by a Markdown lexer, see
 * __tests__/helpers/summary-render.ts), every secret spelling is gone from it, and it and the outputs
 * stay within GitHub's limits (1 MiB summary, 1 MB per output) while keeping every run's id, status
 * and conclusion.
 */
import { describe, expect, test } from '@jest/globals';
import type { RunRecord, StepResult } from '../../src/engine.ts';
import { MAX_OUTPUT_BYTES, stepOutputs } from '../../src/outputs.ts';
import type { ProviderAdapter } from '../../src/providers/types.ts';
import { rememberSecret } from '../../src/secrets.ts';
import { summaryMarkdown } from '../../src/summary.ts';
import { summaryProblems } from '../helpers/summary-render.ts';

const HOSTILE = [
  'RUNNING',
  '',
  '# heading',
  '![img](http://x/pixel.png) [link](http://x) <img src=x onerror=alert(1)> `code` | a | b |',
  '|---|---|',
  '<a href="http://x">a</a></td></tr></table><h1>h</h1>',
  '* item\r\r> quote\r\n---',
  '$x^2$ **bold** _em_ ~~s~~ \\',
].join('\n');

function run(i: number, over: Partial<RunRecord> = {}): RunRecord {
  return {
    pipeline: `p${i}`,
    handle: { version: 1, provider: 'feldera', pipeline: `p${i}`, runId: `run-${i}`, url: `https://x.example/r/${i}`, data: {} },
    status: HOSTILE,
    conclusion: 'failure',
    message: HOSTILE,
    startedAt: 0,
    finishedAt: 1000,
    ...over,
  };
}

const adapter = {} as ProviderAdapter;

/** The summary's text with its numeric character references read back (as a browser shows it). */
const shown = (md: string): string => md.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));

describe('the summary cannot be reshaped', () => {
  test('blank lines, headings, images, links, pipes, tags and backticks in names, statuses and messages stay text', () => {
    const result: StepResult = {
      conclusion: 'failure',
      runs: [
        run(1),
        run(2, { pipeline: HOSTILE, handle: { version: 1, provider: 'feldera', pipeline: 'x', runId: HOSTILE, data: {} } }),
      ],
    };
    const md = summaryMarkdown('feldera', result);
    expect(summaryProblems(md, 2, 1)).toEqual([]);
    expect(md).toContain('&#35; heading');
    // The judge can fail: the same text unescaped in a cell is seen.
    expect(summaryProblems(md.replace('&#35; heading', '\n\n# heading'), 2, 1)).not.toEqual([]);
  });

  test('a password with & < > " \' is redacted before escaping, in every spelling', () => {
    const password = `Pa&ss<w>"o'rd-91`;
    rememberSecret(password);
    const echoed = `denied for ${password} (${encodeURIComponent(password)}) ${JSON.stringify(password)}`;
    const md = summaryMarkdown('feldera', { conclusion: 'failure', runs: [run(1, { message: echoed, status: echoed })] });
    expect(shown(md)).toContain('denied for *** (***) "***"');
    const escaped = password.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    for (const form of [password, escaped, 'Pa&#38;ss', 'rd-91', encodeURIComponent(password)]) {
      expect(md).not.toContain(form);
      expect(shown(md)).not.toContain(form);
    }
  });
});

describe("GitHub's limits", () => {
  const big = (n: number, size: number): StepResult => ({
    conclusion: 'failure',
    runs: Array.from({ length: n }, (_, i) => run(i, { message: `E${i} ${'x'.repeat(size)}`, status: 'Stopped' })),
  });

  test('three 600 KB errors: each message cut with [cut], summary and runs output small, every run kept', () => {
    const result = big(3, 600_000);
    const md = summaryMarkdown('feldera', result);
    expect(Buffer.byteLength(md)).toBeLessThan(64 * 1024);
    expect(shown(md).match(/\[cut\]/g)).toHaveLength(3);
    const outputs = stepOutputs('feldera', adapter, result);
    for (const value of Object.values(outputs)) expect(Buffer.byteLength(value)).toBeLessThan(MAX_OUTPUT_BYTES);
    const runs = JSON.parse(outputs['runs'] ?? '') as Array<{ runId: string; message: string }>;
    expect(runs.map((r) => r.runId)).toEqual(['run-0', 'run-1', 'run-2']);
    for (const r of runs) expect(r.message).toMatch(/^E\d x+ \[cut\]$/);
  });

  test('600 failed runs: the summary stays under 1 MiB, says what it left out, and the runs output keeps every id', () => {
    const result = big(600, 5000);
    const md = summaryMarkdown('feldera', result);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024);
    expect(md).toMatch(/\d+ more failure message\(s\) not shown: the job summary is kept under 1 MiB/);
    expect(summaryProblems(md, 600, 600)).toEqual([]);
    const text = stepOutputs('feldera', adapter, result)['runs'] ?? '';
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    const parsed = JSON.parse(text) as Array<{ runId: string; status: string; conclusion: string; message: string }>;
    expect(parsed.map((r) => r.runId)).toEqual(result.runs.map((r) => r.handle?.runId));
    for (const r of parsed) {
      expect(r.status).toBe('Stopped');
      expect(r.conclusion).toBe('failure');
      expect(r.message).toMatch(/\[cut: the runs output is kept under 1 MB\]/);
    }
    expect(parsed).toHaveLength(600);
  });

  test('outputs carry no raw C1, DEL or line separator: JSON escapes keep the value', () => {
    const status = 'a\u0085b\u2028c\u009bd\u007f';
    const outputs = stepOutputs('feldera', adapter, { conclusion: 'failure', runs: [run(1, { status, message: status })] });
    expect(outputs['runs']).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
    expect((JSON.parse(outputs['runs'] ?? '') as Array<{ status: string }>)[0]?.status).toBe(status);
  });
});
