/**
 * `run-pipelines`: the action's core as a command for GitLab CI, Jenkins and a terminal. Flags are
 * named like the inputs, secrets come from environment variables, the result is JSON on stdout, the
 * log goes to stderr, and the exit code is the conclusion (see EXIT_CODES).
 */
import type { Conclusion } from '../engine.ts';
import { InputError, errorMessage } from '../errors.ts';
import { githubWorkflowContext } from '../github-context.ts';
import type { WorkflowContext } from '../providers/types.ts';
import { driveStep } from '../step-driver.ts';
import { UsageError, cliInputSource, looksSecret, envNameFor, parseArgs } from './args.ts';
import { helpText } from './help.ts';
import { cliLogger, cliSecret } from './log.ts';
import { inertJson } from '../output-filter.ts';
import { redactSecrets } from '../secrets.ts';
import { loadManifest, packageVersion } from './manifest.ts';

/** 0 only when every pipeline succeeded (or, with wait false / dry-run, was accepted). */
export const EXIT_CODES: Record<Conclusion | 'usage', number> = {
  success: 0,
  triggered: 0,
  skipped: 0,
  failure: 1,
  usage: 2,
  timed_out: 124,
  cancelled: 130,
};

export interface Io {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function main(io: Io): Promise<number> {
  const manifest = loadManifest();
  let args;
  try {
    args = parseArgs(io.argv, manifest);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`run-pipelines: ${err.message}\n`);
    return EXIT_CODES.usage;
  }
  if (args.help) {
    io.stdout(helpText(manifest));
    return 0;
  }
  if (args.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  const onRunner = io.env['GITHUB_ACTIONS'] === 'true';
  const secret = cliSecret(io.stderr, onRunner);
  const log = cliLogger({ write: io.stderr, onRunner, verbose: io.env['RUNNER_DEBUG'] === '1' });
  for (const name of args.flags.keys()) {
    if (looksSecret(name)) log.warning(`--${name} on the command line shows in shell history and ps; prefer ${envNameFor(name)}`);
  }
  // The same value, with no control a terminal obeys and no `##[` the runner reads (src/output-filter.ts inertJson).
  const print = (value: object): void => io.stdout(`${inertJson(redactSecrets(JSON.stringify(value, null, 2)))}\n`);
  try {
    const result = await driveStep({
      environment: {
        inputs: cliInputSource(args.flags, io.env, manifest),
        env: io.env,
        workflow: ciWorkflowContext(io.env),
        log,
        secret,
      },
      sayCancel: (line) => log.info(line),
      dryRunDone: (requests) => print({ conclusion: 'triggered', requests }),
      outputs: (outputs) => print(jsonOutputs(outputs)),
      failed: (text) => log.error(text),
    });
    return result ? EXIT_CODES[result.conclusion] : EXIT_CODES.triggered;
  } catch (err) {
    log.error(errorMessage(err));
    print({ conclusion: 'failure', error: errorMessage(err) });
    return err instanceof InputError ? EXIT_CODES.usage : EXIT_CODES.failure;
  }
}

/** The action's outputs, with the JSON-valued ones (`runs`, `run-ids`) embedded as JSON. */
export function jsonOutputs(outputs: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v]));
}

/**
 * Providers label runs with the repository, commit and run (Aria comments, Alibaba client tokens).
 * Inside a GitHub job that is @actions/github's context, as for the action; off GitHub, the same
 * facts come from GitLab CI or Jenkins variables (GitHub-named ones win where a job sets them).
 */
export function ciWorkflowContext(env: NodeJS.ProcessEnv): WorkflowContext {
  if (env['GITHUB_ACTIONS'] === 'true') return githubWorkflowContext();
  const pick = (...names: string[]): string | undefined => names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
  const fields: Record<keyof WorkflowContext, string | undefined> = {
    repository: pick('GITHUB_REPOSITORY', 'CI_PROJECT_PATH', 'JOB_NAME'),
    sha: pick('GITHUB_SHA', 'CI_COMMIT_SHA', 'GIT_COMMIT'),
    runId: pick('GITHUB_RUN_ID', 'CI_PIPELINE_ID', 'BUILD_NUMBER'),
    runAttempt: pick('GITHUB_RUN_ATTEMPT'),
    serverUrl: pick('GITHUB_SERVER_URL'),
    workflow: pick('GITHUB_WORKFLOW', 'CI_JOB_NAME'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
