/**
 * The main step: prepare, trigger, wait, report. Every failure ends in one `core.setFailed`.
 */
import * as core from '@actions/core';
import { dryRun } from './dry-run.ts';
import { runPipelines, type StepResult } from './engine.ts';
import { errorMessage } from './errors.ts';
import { githubWorkflowContext } from './github-context.ts';
import { annotationText, coreLogger, registerSecret } from './log.ts';
import { stepOutputs } from './outputs.ts';
import { engineSettings, prepareStep, type PreparedStep } from './setup.ts';
import { redactSecrets } from './secrets.ts';
import { EndedRuns, saveCompleted, saveStartedRuns } from './state.ts';
import { failureText, writeSummary } from './summary.ts';
import { onJobCancel } from './signals.ts';

export async function run(): Promise<void> {
  let step: PreparedStep | undefined;
  try {
    step = await prepareStep({
      inputs: (n) => core.getInput(n),
      env: process.env,
      log: coreLogger,
      secret: registerSecret,
      workflow: githubWorkflowContext(),
    });
    if (step.settings['dry-run']) return await dryRunStep(step);
    const result = await execute(step);
    await report(step, result);
  } catch (err) {
    core.setFailed(annotationText(errorMessage(err)));
    if (process.env['SHOW_STACK_TRACE'] === 'true') throw err;
  } finally {
    await step?.http.close().catch(() => undefined);
  }
}

async function execute(step: PreparedStep): Promise<StepResult> {
  const { settings, adapter } = step;
  const cancel = onJobCancel();
  const ended = new EndedRuns();
  try {
    return await runPipelines({
      ...engineSettings(step),
      log: coreLogger,
      signal: cancel.signal,
      onTriggered: (early) => {
        setOutputs(stepOutputs(settings.provider, adapter, early));
        // Only what this step started: a run found in progress (if-running) is never the post step's to cancel.
        saveStartedRuns(early.runs.flatMap((r) => (r.handle && r.conclusion === 'pending' && !r.adopted ? [r.handle] : [])));
      },
      onRunFinished: (record) => {
        if (record.handle) ended.add(record.handle.runId);
      },
    });
  } finally {
    ended.flush();
    cancel.dispose();
  }
}

async function report(step: PreparedStep, result: StepResult): Promise<void> {
  setOutputs(stepOutputs(step.settings.provider, step.adapter, result));
  await writeSummary(step.settings.provider, result).catch((e: unknown) =>
    core.warning(annotationText(`job summary not written: ${errorMessage(e)}`)),
  );
  // After a timeout or cancellation, runs main could not cancel are left for the post step (state `ended` says which).
  if (result.conclusion !== 'timed_out' && result.conclusion !== 'cancelled') saveCompleted();
  const failure = failureText(result);
  if (failure !== undefined) core.setFailed(annotationText(failure));
}

async function dryRunStep(step: PreparedStep): Promise<void> {
  await dryRun(step.provider, step.settings['pipeline-ids'], coreLogger, step.resumed, step.settings);
  core.setOutput('conclusion', 'triggered');
  saveCompleted();
}

function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redactSecrets(value));
}
