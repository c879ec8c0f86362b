/**
 * The in-process test layer: the main step run from source, for scenarios whose subject is behaviour
 * (polling, faults, retries, status mapping, request counts, messages) rather than the runner contract.
 * It follows src/main.ts's sequence (prepare → run → outputs → summary → failure text) through the same
 * functions, and gives back what a spawned run gives (emulator/run-action.ts's ActionRun): the lines the
 * runner would read on stdout, the outputs, the summary and the exit code. No process, no bundle, no
 * shared process.env, so many steps run side by side in one jest worker.
 *
 * Not covered here, and so kept spawned through dist/ (__tests__/e2e/): the runner's file commands,
 * the saved state and the post step, signals, the bundle itself.
 */
import type { ActionRun } from '../../emulator/run-action.ts';
import type { Clock } from '../../src/clock.ts';
import { dryRun } from '../../src/dry-run.ts';
import { runPipelines, type StepResult } from '../../src/engine.ts';
import { errorMessage } from '../../src/errors.ts';
import { annotationText, safeText, writeInertBlock, type Logger } from '../../src/log.ts';
import { stepOutputs } from '../../src/outputs.ts';
import type { WorkflowContext } from '../../src/providers/types.ts';
import { redactSecrets, rememberSecret, secretSpellings } from '../../src/secrets.ts';
import { engineSettings, prepareStep, type PreparedStep } from '../../src/setup.ts';
import { failureText, summaryMarkdown } from '../../src/summary.ts';

export interface StepOptions {
  /** The step's inputs by name, as `with:` gives them. */
  inputs: Record<string, string>;
  /** The step's environment (e.g. RUN_PIPELINES_REQUEST_TIMEOUT); nothing of this process's is added. */
  env?: Record<string, string>;
  /** A simulated clock (__tests__/helpers/sim-clock.ts) for the HTTP client and the engine; real time without. */
  clock?: Clock;
  /** The job's cancellation, as src/signals.ts would raise it. */
  signal?: AbortSignal;
  /** The run the step belongs to; by default the one emulator/run-action.ts's runnerEnv() describes. */
  workflow?: WorkflowContext;
}

/** What src/github-context.ts reads from emulator/run-action.ts's runnerEnv(). */
const RUNNER_WORKFLOW: WorkflowContext = {
  repository: 'octo-org/octo-repo',
  sha: '0123456789abcdef0123456789abcdef01234567',
  runId: '4242',
  runAttempt: '1',
  serverUrl: 'https://github.com',
  workflow: 'ci',
};

/** @actions/core's escaping of a command's data and of its properties (its command.js). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** src/log.ts's coreLogger, writing the lines @actions/core would print into `out` instead of stdout. */
function runnerLogger(out: string[]): Logger {
  const annotation = (kind: string) => (line: string, title?: string) =>
    out.push(
      `::${kind}${title === undefined ? '' : ` title=${escapeProperty(safeText(title))}`}::${escapeData(annotationText(line))}`,
    );
  return {
    info: (line) => out.push(safeText(line)),
    debug: (line) => out.push(`::debug::${escapeData(safeText(line))}`),
    notice: annotation('notice'),
    warning: annotation('warning'),
    error: annotation('error'),
    block: (title, lines) =>
      writeInertBlock(
        (line) => out.push(line),
        redactSecrets(title),
        lines.map((l) => redactSecrets(l)),
      ),
  };
}

/** Runs the main step in this process; resolves with what the runner would have seen. */
export async function runStep(options: StepOptions): Promise<ActionRun> {
  const out: string[] = [];
  const outputs: Record<string, string> = {};
  const log = runnerLogger(out);
  const setOutputs = (values: Record<string, string>) => {
    for (const [name, value] of Object.entries(values)) outputs[name] = redactSecrets(value);
  };
  const fail = (text: string) => out.push(`::error::${escapeData(annotationText(text))}`);
  const started = Date.now();
  let summary = '';
  let failed = false;
  let step: PreparedStep | undefined;
  try {
    step = await prepareStep(
      {
        inputs: (name) => (options.inputs[name] ?? '').trim(),
        env: options.env ?? {},
        log,
        secret: (value) => {
          if (value === '') return;
          // src/log.ts's registerSecret: the runner masks the value and its other spellings.
          out.push(`::add-mask::${escapeData(value)}`);
          rememberSecret(value);
          for (const form of secretSpellings(value)) if (form !== value) out.push(`::add-mask::${escapeData(form)}`);
        },
        workflow: options.workflow ?? RUNNER_WORKFLOW,
      },
      { clock: options.clock, signal: options.signal },
    );
    const prepared = step;
    if (prepared.settings['dry-run']) {
      const { settings } = prepared;
      await dryRun(prepared.provider, settings['pipeline-ids'], log, prepared.resumed, settings);
      outputs['conclusion'] = 'triggered';
      return finish();
    }
    const result: StepResult = await runPipelines({
      ...engineSettings(prepared),
      log,
      onTriggered: (early) => setOutputs(stepOutputs(prepared.settings.provider, prepared.adapter, early)),
    });
    setOutputs(stepOutputs(prepared.settings.provider, prepared.adapter, result));
    summary = summaryMarkdown(prepared.settings.provider, result);
    const failure = failureText(result);
    if (failure !== undefined) {
      fail(failure);
      failed = true;
    }
  } catch (err) {
    fail(errorMessage(err));
    failed = true;
  } finally {
    await step?.http.close().catch(() => undefined);
  }
  return finish();

  function finish(): ActionRun {
    return {
      code: failed ? 1 : 0,
      signal: null,
      stdout: out.map((l) => `${l}\n`).join(''),
      stderr: '',
      outputs,
      state: {},
      summary,
      durationMs: Date.now() - started,
    };
  }
}
