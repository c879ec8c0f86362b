// The `run-pipelines` command; dist/cli/index.js is a shim that runs the action bundle in this phase.
import { main } from './run.ts';

export async function runCli(): Promise<void> {
  process.exitCode = await main({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
