/**
 * The one sequence every front end runs: prepare the step, then the dry run or the run itself under
 * the job-cancel signal, then outputs, summary and failure text. The action (src/main.ts) and the CLI
 * (src/cli/run.ts) supply only their I/O. Names no provider.
 */
import { dryRun } from './dry-run.ts';
import { runPipelines, type EngineOptions, type StepResult } from './engine.ts';
import { errorMessage } from './errors.ts';
import { stepOutputs } from './outputs.ts';
import type { RequestPreview } from './providers/types.ts';
import { engineSettings, prepareStep, type PreparedStep, type StepEnvironment } from './setup.ts';
import { onJobCancel } from './signals.ts';
import { failureText, writeSummary } from './summary.ts';

/** What the engine calls back while it runs, and what ends with it (whether it returned or threw). */
export interface RunWatch {
  hooks: Pick<EngineOptions, 'onTriggered' | 'onRunFinished'>;
  end(): void;
}

export interface StepFrontEnd {
  environment: StepEnvironment;
  /** Where the job-cancel notice goes (src/signals.ts prints it on stdout unless told). */
  sayCancel?: (line: string) => void;
  /** A dry run's previews: the step's whole result. */
  dryRunDone(requests: RequestPreview[]): void;
  /** Follows the run while the engine works (the action saves state for its post step). */
  watch?(step: PreparedStep): RunWatch;
  /** The step's outputs once the run ended. */
  outputs(outputs: Record<string, string>): void;
  /** After outputs and summary, before the failure text. */
  reported?(result: StepResult): void;
  /** The run did not succeed: why, in one text. */
  failed(text: string): void;
}

/** Runs the step; its result, or undefined after a dry run. Errors are the front end's to report. */
export async function driveStep(front: StepFrontEnd): Promise<StepResult | undefined> {
  let step: PreparedStep | undefined;
  // Created before the step is built, so the step context and the HTTP client carry its signal; the
  // process signals are listened to only while the run goes (execute).
  const jobCancel = new AbortController();
  try {
    step = await prepareStep(front.environment, { signal: jobCancel.signal });
    const { settings } = step;
    if (settings['dry-run']) {
      front.dryRunDone(await dryRun(step.provider, settings['pipeline-ids'], front.environment.log, step.resumed, settings));
      return undefined;
    }
    const result = await execute(step, front, jobCancel);
    await report(step, result, front);
    return result;
  } finally {
    await step?.http.close().catch(() => undefined);
  }
}

async function execute(step: PreparedStep, front: StepFrontEnd, jobCancel: AbortController): Promise<StepResult> {
  const cancel = onJobCancel(front.sayCancel, jobCancel);
  const watch = front.watch?.(step);
  try {
    return await runPipelines({ ...engineSettings(step), ...watch?.hooks, log: front.environment.log });
  } finally {
    watch?.end();
    cancel.dispose();
  }
}

async function report(step: PreparedStep, result: StepResult, front: StepFrontEnd): Promise<void> {
  const { log } = front.environment;
  front.outputs(stepOutputs(step.settings.provider, step.adapter, result));
  await writeSummary(step.settings.provider, result).catch((e: unknown) =>
    log.warning(`job summary not written: ${errorMessage(e)}`),
  );
  front.reported?.(result);
  const failure = failureText(result);
  if (failure !== undefined) front.failed(failure);
}
