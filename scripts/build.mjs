// Bundles the action with ncc into dist/: index.js (main step, plus one chunk per lazily loaded
// provider, the post step and the CLI), with post.js and cli/index.js as shims that run the same
// bundle in their phase: one copy of the code, and main's start-up loads neither. dist/ is rebuilt
// from scratch so a stale chunk never lingers (CI compares dist/ with a fresh build).
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { asciiOnly, checkStartPath, deferHttp2 } from '../src/start-path/seam.mjs';
import { buildInputsHash, HASH_FILE } from './build-if-stale.mjs';

const require = createRequire(import.meta.url);
const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js');

rmSync('.build', { recursive: true, force: true });
// tsconfig.build.json maps undici, @actions/http-client and @actions/exec to the stand-ins of the
// start-path seam (src/start-path/seam.mjs explains each trick), so the bundle carries one undici and
// nothing the main step does not run; checkStartPath() fails the build when an upgrade breaks one.
// Not minified: measured, a minified bundle starts
// slower (bench/, README "Performance"). No cache: ncc's cache (kept per directory in ~/.cache/ncc)
// remembers module resolutions across changes to those mappings, and a stale one built a different
// bundle than a fresh machine does.
execFileSync(
  process.execPath,
  [ncc, 'build', 'src/index.ts', '-o', '.build/out', '--stats-out', '.build/stats.json', '--no-cache', '--quiet'],
  {
    stdio: 'inherit',
    env: { ...process.env, TS_NODE_PROJECT: resolve('tsconfig.build.json') },
  },
);
rmSync('dist', { recursive: true, force: true });
cpSync('.build/out', 'dist', { recursive: true });
deferHttp2('dist/index.js');
for (const file of readdirSync('dist').filter((f) => f.endsWith('.js'))) asciiOnly(`dist/${file}`);
checkStartPath('dist');
writeFileSync('dist/licenses.txt', licenseNotice(JSON.parse(readFileSync('.build/stats.json', 'utf8'))));
rmSync('.build', { recursive: true, force: true });
writeFileSync('dist/package.json', '{ "type": "module" }\n');
// The post step and the CLI are the same bundle as main, told which phase they run in.
const shim = (phase, entry) => `globalThis.runPipelinesPhase = '${phase}';\nawait import('${entry}');\n`;
writeFileSync('dist/post.js', `// The post step (action.yml runs.post).\n${shim('post', './index.js')}`);
mkdirSync('dist/cli');
writeFileSync('dist/cli/index.js', `#!/usr/bin/env node\n// The run-pipelines command.\n${shim('cli', '../index.js')}`);
chmodSync('dist/cli/index.js', 0o755);
// What this build was made from, so `npm test` rebuilds only when a source changed (build-if-stale.mjs).
writeFileSync(HASH_FILE, buildInputsHash());

/**
 * The licences of every package in the bundle, all chunks included (ncc's own --license option
 * writes one file per chunk, each overwriting the last).
 */
function licenseNotice(stats) {
  const names = new Set();
  // Only modules written to a chunk (directly, or inside a concatenated one): the stats also list
  // modules the bundler dropped as unused.
  const emitted = (stats.modules ?? []).filter((m) => (m.chunks ?? []).length > 0);
  for (const m of emitted.flatMap((m) => [m, ...(m.modules ?? [])])) {
    const found = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m.name ?? '');
    if (found) names.add(found[1]);
  }
  return [...names]
    .sort()
    .map((name) => {
      const dir = resolve('node_modules', name);
      const { license, version } = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8'));
      const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
      const text = file && existsSync(resolve(dir, file)) ? readFileSync(resolve(dir, file), 'utf8').trim() : '';
      return `${name}@${version}\n${license ?? 'UNKNOWN'}\n${text}\n`;
    })
    .join('\n');
}
