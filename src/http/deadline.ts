/**
 * The step's deadline as the HTTP client sees it, carried by AsyncLocalStorage so no provider passes it
 * along. node:async_hooks is loaded on the first use, not on the start path.
 */

/** The code of a request cut short, or not sent, because the step's `timeout` ran out. */
export const DEADLINE_PASSED = 'DEADLINE_PASSED';

/**
 * The time left to the work under way (the step's `timeout`), as the engine's clock counts it. Every
 * request a provider sends for a trigger or a status poll ends at the deadline; cancels and log reads
 * run outside it, on budgets of their own.
 */
export interface Deadline {
  remainingMs(): number;
}

let deadlines: import('node:async_hooks').AsyncLocalStorage<Deadline> | undefined;

/** Runs `work` so that its requests, retries and Retry-After waits end at `deadline`. */
export function withDeadline<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
  deadlines ??= new (process.getBuiltinModule('node:async_hooks').AsyncLocalStorage)<Deadline>();
  return deadlines.run(deadline, work);
}

/** The deadline of the work this call runs in, if any. */
export function currentDeadline(): Deadline | undefined {
  return deadlines?.getStore();
}
