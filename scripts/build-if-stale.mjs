// `npm test` runs the bundled dist/ the way the runner does, so it must test a build of the current
// sources. A full ncc build takes 20-30 s here, most of the suite's budget, and is only needed when an
// input of the build changed: this hashes those inputs and rebuilds only when the hash differs from the
// one the last build wrote (dist/build-inputs.sha256, committed with dist/). CI still runs a fresh
// `npm run build` of its own before the tests and then checks dist/ against it (.ci/run).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const HASH_FILE = 'dist/build-inputs.sha256';
const INPUTS = ['src', 'scripts/build.mjs', 'tsconfig.build.json', 'package-lock.json', 'package.json'];

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** One hash over the path and content of every file the bundle is built from. */
export function buildInputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return `${hash.digest('hex')}\n`;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const built = existsSync(HASH_FILE) ? readFileSync(HASH_FILE, 'utf8') : '';
  if (built === buildInputsHash()) {
    process.stdout.write('dist/ is built from the current sources (build inputs unchanged): no rebuild\n');
  } else {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  }
}
