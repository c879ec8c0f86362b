/**
 * Job cancellation: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills. The first signal
 * aborts the wait so started runs can be cancelled; a second one leaves at once.
 */
export interface CancelHandle {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * `say` prints the notice: stdout on a runner; the CLI passes stderr, keeping stdout for its JSON.
 * `controller`: the step context's job-cancel controller (src/step-driver.ts), aborted on the first signal.
 */
export function onJobCancel(
  say: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  controller = new AbortController(),
): CancelHandle {
  const handler = (sig: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(1);
    say(`Received ${sig}: stopping the wait`);
    controller.abort(new Error(`received ${sig}`));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
