// Bundles the action with ncc into dist/: index.js (main step, plus one chunk per lazily loaded
// provider, the post step and the CLI), with post.js and cli/index.js as shims that run the same
// bundle in their phase: one copy of the code, and main's start-up loads neither. dist/ is rebuilt
// from scratch so a stale chunk never lingers (CI compares dist/ with a fresh build).
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
// The post step and the CLI are the same bundle as main, told which phase they run in.
const shim = (phase, entry) => `globalThis.runPipelinesPhase = '${phase}';\nawait import('${entry}');\n`;
writeFileSync('dist/post.js', `// The post step (action.yml runs.post).\n${shim('post', './index.js')}`);
mkdirSync('dist/cli');
writeFileSync('dist/cli/index.js', `#!/usr/bin/env node\n// The run-pipelines command.\n${shim('cli', '../index.js')}`);
chmodSync('dist/cli/index.js', 0o755);
