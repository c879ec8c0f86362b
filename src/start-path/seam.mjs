/**
 * The start-path seam: every trick that keeps the main step's cold start near a bare `node` process,
 * in one place, and the check that fails the build when an upgrade breaks one of them. A step runs
 * `dist/index.js` once per job; before its first request it must load only what that request needs.
 * Each trick below was measured (bench/, docs/performance.md) and each rests on a fact about a
 * dependency that an upgrade can change: checkStartPath() re-checks those facts after every build.
 *
 * - One undici: undici-lite.cjs, mapped for every `undici` import (tsconfig.build.json, ours and
 *   @actions/http-client's): `Agent` and its `request()` API only, from the same undici package
 *   @actions/core brings, so the bundle holds one undici without fetch, WebSocket, EventSource, the
 *   cache and the mocks (about 400 kB). `ProxyAgent` (read by src/http/transport.ts only when a proxy variable
 *   names a proxy for a request, and by @actions/http-client) is loaded, with the rest of the
 *   dispatcher API, when first read. Relies on: undici's internal file layout
 *   (lib/dispatcher/*.js, lib/api/*.js), and one undici version for both importers.
 * - Stand-ins: http-client.ts and exec.ts, mapped for `@actions/http-client` and `@actions/exec`:
 *   @actions/core imports them for getIDToken and platform details, which this action never calls;
 *   the real modules (node:https, node:tls, tunnel, node:child_process) load on first use. Relies on:
 *   @actions/core importing only `HttpClient` (and calling only `getJson`) and only
 *   `exec.getExecOutput`/`exec.exec` from them.
 * - Deferred http2: http2.cjs, put in place of undici's `require('node:http2')` by deferHttp2() on the bundle (the
 *   bundler treats `node:` modules as built in before any path mapping applies): the header-name
 *   constants undici reads at load, and `connect`, which loads node:http2 on the first HTTP/2
 *   connection (never, unless a dispatcher sets allowH2). Saves about 4 ms of every start. Relies on:
 *   the bundle requiring node:http2 once, in the form ncc writes, and undici reading only the
 *   constants listed in http2.cjs and `connect`.
 * - ASCII only: asciiOnly() on every chunk: V8 keeps a source with any character beyond ASCII as a two-byte
 *   string, twice the memory of the file for as long as the code lives, and scans it more slowly.
 * - zod on demand: zod is a third of what the main step would otherwise compile (about 330 kB), and
 *   no request needs it before it is sent. Inputs are read with plain rules (src/inputs.ts); each
 *   provider's schemas (responses and handles, its schemas.ts) load through one door, the adapter's
 *   `loadSchemas` (`responseReader`, src/providers/shared.ts), and with them zod. Relies on: the bundler putting zod in a chunk of its own that neither the
 *   main chunk nor a provider's adapter chunk requires at load. checkZodOnDemand() reads that off
 *   the bundle, so a static `import { z } from 'zod'` on the start path fails the build (the lint rule in
 *   eslint.config.js flags it first, in the editor). A step that
 *   waits starts loading zod as its first request's headers are written (src/start-path/first-send.ts, HttpOptions
 *   `onFirstRequestSent`), on undici's `undici:client:sendHeaders` diagnostics channel, which
 *   checkSendHeadersChannel() finds published right before the headers are written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as http2 from 'node:http2';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const HERE = dirname(new URL(import.meta.url).pathname);

/** Package → stand-in: tsconfig.build.json must map exactly these (checked). */
export const STAND_INS = {
  undici: './src/start-path/undici-lite.cjs',
  '@actions/http-client': './src/start-path/http-client.ts',
  '@actions/exec': './src/start-path/exec.ts',
};

/** What the stand-ins provide, and so all that @actions/core may use of the packages they replace. */
const HTTP_CLIENT_EXPORTS = new Set(['HttpClient']);
const HTTP_CLIENT_METHODS = new Set(['getJson']);
const EXEC_EXPORTS = new Set(['exec', 'getExecOutput']);

/** The form in which ncc writes undici's `require('node:http2')` into the bundle. */
const HTTP2_REQUIRE = 'module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");';

/** Deferred http2: points the bundle's one `require('node:http2')` at http2.cjs. */
export function deferHttp2(file) {
  const code = readFileSync(file, 'utf8');
  const parts = code.split(HTTP2_REQUIRE);
  if (parts.length !== 2) fail(`expected node:http2 to be required once in ${file} as ncc writes it, found ${parts.length - 1}`);
  const shim = readFileSync(join(HERE, 'http2.cjs'), 'utf8').replace(/^'use strict';\n/m, '');
  writeFileSync(file, parts.join(`// src/start-path/http2.cjs\n${shim.trim()}`));
}

/** ASCII only: every character beyond ASCII as a \u escape (in strings, templates, regular expressions and comments alike, where it means the same). */
export function asciiOnly(file) {
  const code = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

function fail(why) {
  throw new Error(`build: start-path check failed: ${why} (see src/start-path/seam.mjs)`);
}

/** The facts each trick rests on, checked against the installed packages and the bundle in `dist`. */
export function checkStartPath(dist) {
  checkMappings();
  checkUndiciLite();
  checkActionsCoreImports();
  checkHttp2StandIn();
  checkSendHeadersChannel();
  checkBundle(dist);
}

function checkMappings() {
  const { paths } = JSON.parse(readFileSync('tsconfig.build.json', 'utf8')).compilerOptions;
  const mapped = Object.fromEntries(Object.entries(paths).map(([name, [target]]) => [name, target]));
  if (JSON.stringify(mapped) !== JSON.stringify(STAND_INS)) {
    fail(`tsconfig.build.json maps ${JSON.stringify(mapped)}, the seam expects ${JSON.stringify(STAND_INS)}`);
  }
  for (const target of Object.values(STAND_INS)) if (!existsSync(target)) fail(`${target} is missing`);
}

/** One undici: the internal files load, Agent sends with request(), ProxyAgent is undici's own; one undici for both importers. */
function checkUndiciLite() {
  let lite;
  try {
    lite = require('./undici-lite.cjs');
  } catch (err) {
    fail(`undici-lite.cjs no longer loads against the installed undici (${err.message})`);
  }
  if (typeof lite.Agent !== 'function' || typeof lite.Agent.prototype.request !== 'function') {
    fail('undici-lite.cjs: Agent or Agent.prototype.request is missing');
  }
  if (lite.ProxyAgent !== require('undici').ProxyAgent) fail("undici-lite.cjs: ProxyAgent is not undici's own");
  // Node's resolution from each package's folder: a nested copy first, then the shared one.
  const ours = resolve('node_modules/undici/package.json');
  const nested = resolve('node_modules/@actions/http-client/node_modules/undici/package.json');
  const theirs = existsSync(nested) ? nested : ours;
  const major = (file) => JSON.parse(readFileSync(file, 'utf8')).version.split('.')[0];
  if (major(ours) !== major(theirs)) {
    fail(
      `@actions/http-client uses undici ${major(theirs)}.x, this action ${major(ours)}.x: the bundle would serve it the wrong one`,
    );
  }
}

/** Stand-ins: @actions/core uses nothing of @actions/http-client and @actions/exec that the stand-ins lack. */
function checkActionsCoreImports() {
  // The package is ESM-only with an `import`-only export map: read its files from the install.
  const lib = resolve('node_modules/@actions/core/lib');
  for (const file of readdirSync(lib).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(lib, file), 'utf8');
    for (const [, names] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@actions\/http-client'/g)) {
      for (const name of names
        .split(',')
        .map((n) => n.trim().split(/\s+as\s+/)[0])
        .filter(Boolean)) {
        if (!HTTP_CLIENT_EXPORTS.has(name)) fail(`@actions/core (${file}) imports ${name} from @actions/http-client`);
      }
    }
    if (/from\s*'@actions\/http-client'/.test(code)) {
      for (const [, method] of code.matchAll(
        /\.(get|post|put|patch|del|head|options|request|requestRaw|sendStream|getJson|postJson|putJson|patchJson)\(/g,
      )) {
        if (!HTTP_CLIENT_METHODS.has(method)) fail(`@actions/core (${file}) calls HttpClient.${method}`);
      }
    }
    const star = /import\s*\*\s*as\s*(\w+)\s*from\s*'@actions\/exec'/.exec(code);
    if (/from\s*'@actions\/exec'/.test(code) && !star)
      fail(`@actions/core (${file}) imports @actions/exec in a form the check does not know`);
    if (star) {
      for (const [, name] of code.matchAll(new RegExp(`\\b${star[1]}\\.(\\w+)`, 'g'))) {
        if (!EXEC_EXPORTS.has(name)) fail(`@actions/core (${file}) calls exec.${name}`);
      }
    }
  }
}

/** Deferred http2: http2.cjs has every constant undici's HTTP/2 client reads, with node:http2's values, and undici uses nothing else. */
function checkHttp2StandIn() {
  const standIn = require('./http2.cjs');
  const clientH2 = readFileSync(require.resolve('undici/lib/dispatcher/client-h2.js'), 'utf8');
  const block = /const\s*\{\s*constants:\s*\{([^}]*)\}\s*\}\s*=\s*http2/.exec(clientH2);
  if (!block) fail("undici's client-h2.js no longer reads http2.constants in the form the stand-in copies");
  for (const name of block[1]
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)) {
    if (standIn.constants[name] !== http2.constants[name]) fail(`http2.cjs: ${name} is missing or differs from node:http2`);
  }
  for (const [, used] of clientH2.matchAll(/\bhttp2\.(\w+)/g)) {
    if (used !== 'connect' && used !== 'constants') fail(`undici's client-h2.js uses http2.${used}, which http2.cjs lacks`);
  }
}

/** zod on demand: the channel src/start-path/first-send.ts listens on still exists, and the HTTP/1.1 client publishes on it before writing the headers. */
function checkSendHeadersChannel() {
  const diagnostics = readFileSync(require.resolve('undici/lib/core/diagnostics.js'), 'utf8');
  if (!diagnostics.includes("sendHeaders: diagnosticsChannel.channel('undici:client:sendHeaders')")) {
    fail(
      "undici no longer names its sendHeaders channel 'undici:client:sendHeaders' (src/start-path/first-send.ts listens on it)",
    );
  }
  const clientH1 = readFileSync(require.resolve('undici/lib/dispatcher/client-h1.js'), 'utf8');
  const publish = clientH1.indexOf('channels.sendHeaders.publish(');
  const write = clientH1.indexOf('writeBuffer(', publish);
  if (publish < 0 || write < 0) fail("undici's client-h1.js no longer publishes sendHeaders before writing a request");
}

/** What the tricks achieve, in the bundle: one undici, and none of the deferred modules required at load. */
function checkBundle(dist) {
  const chunks = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const agents = chunks.map((f) => readFileSync(resolve(dist, f), 'utf8').split('class Agent extends DispatcherBase').length - 1);
  const total = agents.reduce((a, b) => a + b, 0);
  if (total !== 1) fail(`dist/ holds ${total} copies of undici's Agent, expected 1`);
  checkZodOnDemand(dist, chunks);
  const main = readFileSync(resolve(dist, 'index.js'), 'utf8');
  // node:tls stays as a module factory (undici requires it when a TLS connection is made); these must not be there at all.
  if (main.includes(HTTP2_REQUIRE)) fail('dist/index.js still requires node:http2 directly');
  const eager = /createRequire\(import\.meta\.url\)\("(?:node:)?(https|child_process)"\)/.exec(main);
  if (eager) fail(`dist/index.js carries ${eager[1]}, which only the deferred @actions packages need`);
}

/** zod on demand: zod sits in a chunk of its own, and neither the main chunk nor a provider's adapter chunk loads it at load. */
function checkZodOnDemand(dist, chunks) {
  const zodChunks = chunks.filter((f) => readFileSync(resolve(dist, f), 'utf8').includes('./node_modules/zod/v4/core/'));
  if (zodChunks.length !== 1) fail(`expected zod in one chunk of its own, found it in ${zodChunks.join(', ') || 'none'}`);
  if (zodChunks[0] === 'index.js') fail('zod is in dist/index.js: something on the start path imports it statically');
  const zodId = zodChunks[0].split('.')[0];
  const main = readFileSync(resolve(dist, 'index.js'), 'utf8');
  const loads = [...main.matchAll(/^\s*load: \(\) => (.*)$/gm)].map((m) => m[1]);
  if (loads.length === 0) fail("dist/index.js: the registry's `load: () => import(...)` calls were not found");
  for (const load of loads) {
    if (load.includes(`.e(${zodId})`)) fail(`a provider's adapter loads zod with it (${load.trim().slice(0, 120)})`);
  }
}
