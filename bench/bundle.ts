/** Bundle: the bytes of each file in dist/. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../emulator/run-action.ts';
import { table } from './stats.ts';

export interface BundleFigures {
  files: Record<string, number>;
  totalBytes: number;
}

export function measureBundle(): BundleFigures {
  const dir = join(ROOT, 'dist');
  const files: Record<string, number> = {};
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  for (const name of names) {
    const stat = statSync(join(dir, name));
    if (stat.isFile()) files[name] = stat.size;
  }
  return { files, totalBytes: Object.values(files).reduce((a, b) => a + b, 0) };
}

export function bundleTable(b: BundleFigures): string {
  const rows = Object.entries(b.files).map(([name, bytes]) => [name, bytes]);
  return table(['dist/ file', 'bytes'], [...rows, ['total', b.totalBytes]]);
}
