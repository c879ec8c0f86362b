#!/usr/bin/env node
// Entry of the `run-pipelines` command (bundled to dist/cli/index.js); the logic is in run.ts.
import { main } from './run.ts';

process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
