// Bundles the action with ncc into dist/: index.js (main step, plus one chunk per lazily loaded
// provider, the post step and the CLI), with post.js and cli/index.js as shims that run the same
// bundle in their phase: one copy of the code, and main's start-up loads neither. dist/ is rebuilt
// from scratch so a stale chunk never lingers (CI compares dist/ with a fresh build).
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js');

rmSync('.build', { recursive: true, force: true });
// tsconfig.build.json maps every `undici` import (ours and @actions/http-client's) to src/undici-lite.cjs,
// and @actions/http-client and @actions/exec to the stand-ins in src/lazy/, so the bundle carries one
// undici and nothing the main step does not run. Not minified: measured, a minified bundle starts
// slower (bench/, docs/performance.md). No cache: ncc's cache (kept per directory in ~/.cache/ncc)
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
writeFileSync('dist/licenses.txt', licenseNotice(JSON.parse(readFileSync('.build/stats.json', 'utf8'))));
rmSync('.build', { recursive: true, force: true });
writeFileSync('dist/package.json', '{ "type": "module" }\n');
// The post step and the CLI are the same bundle as main, told which phase they run in.
const shim = (phase, entry) => `globalThis.runPipelinesPhase = '${phase}';\nawait import('${entry}');\n`;
writeFileSync('dist/post.js', `// The post step (action.yml runs.post).\n${shim('post', './index.js')}`);
mkdirSync('dist/cli');
writeFileSync('dist/cli/index.js', `#!/usr/bin/env node\n// The run-pipelines command.\n${shim('cli', '../index.js')}`);
chmodSync('dist/cli/index.js', 0o755);

/**
 * Points undici's `require('node:http2')` at src/lazy/http2.cjs, which loads node:http2 only when a
 * connection is made over HTTP/2 (about 4 ms of every start otherwise). Done on the output because the
 * bundler treats `node:` modules as built in before any path mapping applies.
 */
function deferHttp2(file) {
  const external = 'module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");';
  const code = readFileSync(file, 'utf8');
  const parts = code.split(external);
  if (parts.length !== 2) throw new Error(`build: expected node:http2 to be required once in ${file}, found ${parts.length - 1}`);
  const shim = readFileSync('src/lazy/http2.cjs', 'utf8').replace(/^'use strict';\n/m, '');
  writeFileSync(file, parts.join(`// src/lazy/http2.cjs\n${shim.trim()}`));
}

/**
 * Writes every character beyond ASCII as a \\u escape (in strings, templates, regular expressions and
 * comments alike, where it means the same). V8 keeps a source with any such character as a two-byte
 * string, twice the memory of the file, for as long as the code lives, and scans it more slowly.
 */
function asciiOnly(file) {
  const code = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

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
