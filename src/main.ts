/**
 * The main step: prepare, trigger, wait, report (src/step-driver.ts), with the runner's I/O: outputs,
 * saved state for the post step, annotations. Every failure ends in one `core.setFailed`.
 */
import * as core from '@actions/core';
import { errorMessage } from './errors.ts';
import { githubWorkflowContext } from './github-context.ts';
import { annotationText, coreLogger, registerSecret } from './log.ts';
import { stepOutputs } from './outputs.ts';
import type { PreparedStep } from './setup.ts';
import { redactSecrets } from './secrets.ts';
import { EndedRuns, saveCompleted, saveStartedRuns } from './state.ts';
import { driveStep, type RunWatch } from './step-driver.ts';

export async function run(): Promise<void> {
  try {
    await driveStep({
      environment: {
        inputs: (n) => core.getInput(n),
        env: process.env,
        log: coreLogger,
        secret: registerSecret,
        workflow: githubWorkflowContext(),
      },
      dryRunDone: () => {
        core.setOutput('conclusion', 'triggered');
        saveCompleted();
      },
      watch: saveForPostStep,
      outputs: setOutputs,
      // After a timeout or cancellation, runs main could not cancel are left for the post step (state `ended` says which).
      reported: (result) => {
        if (result.conclusion !== 'timed_out' && result.conclusion !== 'cancelled') saveCompleted();
      },
      failed: (text) => core.setFailed(annotationText(text)),
    });
  } catch (err) {
    core.setFailed(annotationText(errorMessage(err)));
    if (process.env['SHOW_STACK_TRACE'] === 'true') throw err;
  }
}

/** Saves the runs as they start and end, for the post step to cancel what the job's cancellation left going. */
function saveForPostStep(step: PreparedStep): RunWatch {
  const ended = new EndedRuns();
  return {
    hooks: {
      onTriggered: (early) => {
        setOutputs(stepOutputs(step.settings.provider, step.adapter, early));
        // Only what this step started: a run found in progress (if-running) is never the post step's to cancel.
        saveStartedRuns(early.runs.flatMap((r) => (r.handle && r.conclusion === 'pending' && !r.adopted ? [r.handle] : [])));
      },
      onRunFinished: (record) => {
        if (record.handle) ended.add(record.handle.runId);
      },
    },
    end: () => ended.flush(),
  };
}

function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redactSecrets(value));
}
