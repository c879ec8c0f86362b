/** The two pieces that keep a wide wait's memory flat: bounded fan-out and one state write per round. */
import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapConcurrent } from '../../src/concurrency.ts';
import { EndedRuns } from '../../src/state.ts';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('mapConcurrent', () => {
  test('keeps the input order and never has more than the limit under way', async () => {
    let running = 0;
    let most = 0;
    const out = await mapConcurrent([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  test('handles no items and a limit above the item count', async () => {
    expect(await mapConcurrent([], 8, (n: number) => Promise.resolve(n))).toEqual([]);
    expect(await mapConcurrent([1, 2], 8, (n) => Promise.resolve(n + 1))).toEqual([2, 3]);
  });
});

describe('EndedRuns', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    delete process.env['GITHUB_STATE'];
  });

  const stateFile = (): string => {
    dir = mkdtempSync(join(tmpdir(), 'ended-runs-'));
    const file = join(dir, 'state');
    writeFileSync(file, '');
    process.env['GITHUB_STATE'] = file;
    return file;
  };
  const writes = (file: string): string[] => readFileSync(file, 'utf8').match(/^ended<</gm) ?? [];

  test('500 runs ending in one round are written once, with every id', async () => {
    const file = stateFile();
    const ended = new EndedRuns();
    for (let i = 0; i < 500; i++) ended.add(`run-${i}`);
    expect(writes(file)).toHaveLength(0);
    await tick();
    expect(writes(file)).toHaveLength(1);
    for (const id of ['run-0', 'run-250', 'run-499']) expect(readFileSync(file, 'utf8')).toContain(`"${id}"`);
  });

  test('flush() writes what is pending at once, and nothing when nothing is', async () => {
    const file = stateFile();
    const ended = new EndedRuns();
    ended.flush();
    expect(writes(file)).toHaveLength(0);
    ended.add('a');
    ended.flush();
    expect(writes(file)).toHaveLength(1);
    await tick();
    expect(writes(file)).toHaveLength(1);
  });
});
