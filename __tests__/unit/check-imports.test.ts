/**
 * The import check `npm run lint` runs (scripts/check-imports.mjs), on tiny fixture trees: a loop made
 * only of a type import and a lazy `import()` is caught, so is a module src/providers/ imports that
 * imports back into it, and a tree with neither passes.
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../../emulator/run-action.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-imports-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** One process for every fixture (loading the TypeScript compiler is most of the time): each root's problems. */
function check(...roots: string[]): { status: number | null; problems: string[][] } {
  const out = spawnSync(process.execPath, [join(ROOT, 'scripts/check-imports.mjs'), ...roots], { encoding: 'utf8' });
  const lines = out.stderr.split('\n').filter((l) => l !== '');
  return {
    status: out.status,
    problems: roots.map((r) => lines.filter((l) => l.startsWith(`${r}: `)).map((l) => l.slice(r.length + 2))),
  };
}

const CLEAN = {
  'src/names.ts': "export const NAMES = ['a'] as const;\n",
  'src/inputs.ts': "import { NAMES } from './names.ts';\nexport const first = NAMES[0];\n",
  'src/providers/types.ts': "import type { first } from '../inputs.ts';\nexport type T = typeof first;\n",
  'src/providers/a/index.ts': "import type { T } from '../types.ts';\nexport const a: T = 'a';\n",
  'src/load.ts': "export const load = () => import('./providers/a/index.ts');\n",
  'scripts/tool.mjs': "import { load } from '../src/load.ts';\nawait load();\n",
};

const LOOP = {
  ...CLEAN,
  'src/engine.ts': "import type { Mode } from './mode.ts';\nexport const run = (m: Mode) => m;\n",
  'src/mode.ts': "export type Mode = 'x';\nexport const later = () => import('./engine.ts');\n",
};

const BACK_IMPORT = {
  ...CLEAN,
  'src/providers/b/index.ts': "import { line } from '../../lines.ts';\nexport const b = line;\n",
  'src/lines.ts': "import { more } from './more.ts';\nexport const line = more;\n",
  'src/more.ts': "export type { T } from './providers/types.ts';\nexport const more = 1;\n",
};

test('a loop through a type-only import and a lazy import() fails, so does an import back into src/providers/; a tree with neither passes', () => {
  const { status, problems } = check(fixture(CLEAN), fixture(LOOP), fixture(BACK_IMPORT));
  expect(status).toBe(1);
  expect(problems).toEqual([
    [],
    ['import cycle: src/engine.ts, src/mode.ts'],
    // No loop here: src/more.ts, which src/providers/b reaches through src/lines.ts, re-exports from src/providers/.
    ['imported by src/providers/ yet imports into it: src/more.ts -> src/providers/types.ts'],
  ]);
});
