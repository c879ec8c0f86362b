// Bundles the action with ncc into dist/: index.js (main step, plus one chunk per lazily loaded
// provider) and post.js, a two-line shim that runs the same bundle as the post step. dist/ is
// rebuilt from scratch so a stale chunk never lingers (CI compares dist/ with a fresh build).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js');

rmSync('.build', { recursive: true, force: true });
// tsconfig.build.json maps every `undici` import (ours and @actions/http-client's) to src/undici-lite.cjs,
// so the bundle carries one undici without the parts the action never runs. Not minified: measured,
// a minified bundle starts slower (bench/, README "Performance").
execFileSync(process.execPath, [ncc, 'build', 'src/index.ts', '-o', '.build', '--license', 'licenses.txt', '--quiet'], {
  stdio: 'inherit',
  env: { ...process.env, TS_NODE_PROJECT: resolve('tsconfig.build.json') },
});
rmSync('dist', { recursive: true, force: true });
cpSync('.build', 'dist', { recursive: true });
rmSync('.build', { recursive: true, force: true });
writeFileSync('dist/package.json', '{ "type": "module" }\n');
writeFileSync(
  'dist/post.js',
  "// The post step: the same bundle as main, told which phase it runs in.\nglobalThis.runPipelinesPhase = 'post';\nawait import('./index.js');\n",
);
