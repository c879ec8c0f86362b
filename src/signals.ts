/**
 * Job cancellation: the runner sends SIGINT, then SIGTERM 7.5 s later, then kills. The first signal
 * aborts the wait so started runs can be cancelled; a second one leaves at once.
 */
export interface CancelHandle {
  signal: AbortSignal;
  dispose(): void;
}

/** `say` prints the notice: stdout on a runner; the CLI passes stderr, keeping stdout for its JSON. */
export function onJobCancel(say: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): CancelHandle {
  const controller = new AbortController();
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
