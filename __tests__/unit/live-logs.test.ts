/**
 * The shared live-log reader (src/live-logs.ts) and the logs-dir files (src/logs-dir.ts), in process with
 * stand-in logs: the print cap and its one notice, the whole log in the file past the cap, labels on
 * every part of a line, cut lines, a failed read warned once, readers stopped at once on a timeout,
 * file names, and the `logs-dir` input rules.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCommonSettings } from '../../src/inputs.ts';
import { LiveLogs } from '../../src/live-logs.ts';
import { memoryLogger } from '../../src/log.ts';
import { LogsDir, logFileName } from '../../src/logs-dir.ts';
import { HANDLE_VERSION, type LiveLog, type Provider, type RunHandle } from '../../src/providers/types.ts';

const root = mkdtempSync(join(tmpdir(), 'live-logs-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const handle = (pipeline: string, runId = `run-${pipeline}`): RunHandle => ({
  version: HANDLE_VERSION,
  provider: 'feldera',
  pipeline,
  runId,
  data: {},
});
const provider = {} as Provider;

/** A log that hands over `batches[n]` on its n-th read. */
function scripted(h: RunHandle, batches: string[][], fail?: Error): LiveLog & { reads: number } {
  const log = {
    runs: [h],
    label: h.pipeline,
    reads: 0,
    read: (onLine: (l: string) => void): Promise<void> => {
      const batch = batches[log.reads++] ?? [];
      if (fail) return Promise.reject(fail);
      for (const l of batch) onLine(l);
      return Promise.resolve();
    },
  };
  return log;
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('LiveLogs', () => {
  test('prints up to the cap with one notice; the file keeps every line; each part of a line is labelled', async () => {
    const dir = join(root, 'cap', 'made');
    const h = handle('chatty/one');
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`);
    const live = scripted(h, [lines.slice(0, 30), [...lines.slice(30), 'a\rb', 'x'.repeat(2500)]]);
    const log = memoryLogger();
    const logs = new LiveLogs({ provider, runs: [h], print: true, dir, log, maxPrinted: 50 }, [live]);
    logs.polled(h, false);
    await settle();
    logs.polled(h, true);
    await logs.stop();
    const printed = log.lines.filter((l) => l.startsWith('info: chatty/one | '));
    expect(printed).toHaveLength(50);
    expect(printed[0]).toBe('info: chatty/one | line 1');
    expect(log.lines.filter((l) => l.startsWith('notice: '))).toEqual([
      `notice: more than 50 log lines: the rest is not printed (the whole log is in ${dir})`,
    ]);
    expect(readdirSync(dir)).toEqual(['chatty_one-run-chatty_one.log']);
    const file = readFileSync(join(dir, 'chatty_one-run-chatty_one.log'), 'utf8').split('\n');
    expect(file.slice(0, 60)).toEqual(lines);
    expect(file.slice(60, 62)).toEqual(['a', 'b']);
    expect(file[62]).toHaveLength(2500);
    expect(logs.filesNote()).toBe(`Full provider logs: 1 file in \`${dir}\`.`);
  });

  test('a printed line is cut at 2000 characters, and a CR starts a labelled line', async () => {
    const h = handle('p');
    const log = memoryLogger();
    const logs = new LiveLogs({ provider, runs: [h], print: true, log }, [scripted(h, [['a\rb', 'y'.repeat(2100)]])]);
    logs.polled(h, true);
    await logs.stop();
    expect(log.lines.slice(0, 2)).toEqual(['info: p | a', 'info: p | b']);
    expect(log.lines[2]).toBe(`info: p | ${'y'.repeat(2000)} [line cut]`);
    expect(logs.filesNote()).toBeUndefined();
  });

  test('a failed read is one warning, then debug lines; the step goes on', async () => {
    const h = handle('p');
    const log = memoryLogger();
    const live = scripted(h, [], new Error('503 RunnerInteractionUnreachable'));
    const logs = new LiveLogs({ provider, runs: [h], print: true, log }, [live]);
    logs.polled(h, false);
    await settle();
    logs.polled(h, true);
    await logs.stop();
    expect(live.reads).toBe(2);
    expect(log.lines.filter((l) => l.startsWith('warning: '))).toEqual([
      'warning: could not read the live log (will retry on the next poll): 503 RunnerInteractionUnreachable',
    ]);
    expect(log.lines.filter((l) => l.startsWith('debug: '))).toHaveLength(1);
  });

  test('on a timeout a reader still going is stopped at once, and what it read is in its file', async () => {
    const dir = join(root, 'stop');
    const h = handle('slow');
    let aborted = false;
    const live: LiveLog = {
      runs: [h],
      label: 'slow',
      read: (onLine, signal) => {
        onLine('first');
        return new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        );
      },
    };
    const logs = new LiveLogs({ provider, runs: [h], print: false, dir, log: memoryLogger() }, [live]);
    logs.polled(h, false);
    await logs.stop(60_000);
    expect(aborted).toBe(true);
    expect(readFileSync(join(dir, 'slow-run-slow.log'), 'utf8')).toBe('first\n');
  });
});

describe('logs-dir', () => {
  test('file names keep [A-Za-z0-9._-] and replace the rest; two runs never share a file', () => {
    expect(logFileName('team/orders etl', 'r:1')).toBe('team_orders_etl-r_1.log');
    const dir = new LogsDir(join(root, 'names'));
    expect([dir.file('a/b', '1').path, dir.file('a_b', '1').path].map((p) => p.split('/').pop())).toEqual([
      'a_b-1.log',
      'a_b-1-2.log',
    ]);
  });

  test('refused with logs: none, naming both inputs; taken with live', () => {
    const inputs = (extra: Record<string, string>) => (name: string) =>
      ({ provider: 'feldera', 'pipeline-ids': 'a', ...extra })[name] ?? '';
    expect(() => readCommonSettings(inputs({ logs: 'none', 'logs-dir': 'out' }))).toThrow(
      /Input 'logs-dir' cannot be given with 'logs: none'/,
    );
    const s = readCommonSettings(inputs({ logs: 'live', 'logs-dir': 'out' }));
    expect([s.logs, s['logs-dir']]).toEqual(['live', 'out']);
  });
});
