// Bundles the action with ncc into dist/: index.js (main step, plus one chunk per lazily loaded
// provider) and post.js, a two-line shim that runs the same bundle as the post step; and the CLI
// into dist/cli/, a bundle of its own so the action's start-up never loads it. dist/ is rebuilt
// from scratch so a stale chunk never lingers (CI compares dist/ with a fresh build).
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js');

rmSync('.build', { recursive: true, force: true });
for (const [entry, out] of [
  ['src/index.ts', '.build'],
  ['src/cli/index.ts', '.build/cli'],
]) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    stdio: 'inherit',
  });
}
rmSync('dist', { recursive: true, force: true });
cpSync('.build', 'dist', { recursive: true });
rmSync('.build', { recursive: true, force: true });
chmodSync('dist/cli/index.js', 0o755);
writeFileSync('dist/package.json', '{ "type": "module" }\n');
writeFileSync(
  'dist/post.js',
  "// The post step: the same bundle as main, told which phase it runs in.\nglobalThis.runPipelinesPhase = 'post';\nawait import('./index.js');\n",
);
