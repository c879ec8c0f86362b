/**
 * The `runs` input: the `runs` output of an earlier step or job (JSON), whose runs this step waits for
 * instead of triggering. Each entry carries its run's versioned handle (`handle`), parsed back here
 * with the provider's own schema, so the wait decides exactly as the step that started it would have.
 * Every problem is an InputError naming `runs`, raised before any request is sent.
 */
import type { z } from 'zod';
import { InputError } from './errors.ts';
import { HANDLE_VERSION, type RunHandle, type TriggerOutcome } from './providers/types.ts';

const WHAT = "the 'runs' output of an earlier step of this action (a JSON array)";

type Entry = Record<string, unknown>;

function entriesOf(raw: string): Entry[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new InputError('runs', `must be ${WHAT}; it is not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!Array.isArray(value) || value.length === 0) throw new InputError('runs', `must be ${WHAT} with at least one run`);
  return value.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new InputError('runs', `entry ${i + 1} is not an object; expected ${WHAT}`);
    }
    const e = entry as Entry;
    if (typeof e['pipeline'] !== 'string' || e['pipeline'] === '') {
      throw new InputError('runs', `entry ${i + 1} names no pipeline; expected ${WHAT}`);
    }
    return e;
  });
}

/** The pipelines the runs belong to, in order: the step's `pipeline-ids` in this mode. */
export function pipelinesOfRuns(raw: string): string[] {
  return entriesOf(raw).map((e) => e['pipeline'] as string);
}

/**
 * One trigger outcome per entry, as if this step had triggered: a run with its handle, or, for an
 * entry the earlier step could not start, the failure it reported.
 */
export function resumedRuns<Data>(raw: string, provider: string, schema: z.ZodType<RunHandle<Data>>): TriggerOutcome<Data>[] {
  return entriesOf(raw).map((entry, i) => {
    const pipeline = entry['pipeline'] as string;
    const where = `entry ${i + 1} (pipeline ${pipeline})`;
    if (entry['provider'] !== provider) {
      throw new InputError('runs', `${where} is a ${String(entry['provider'])} run; this step's provider is ${provider}`);
    }
    const handle = entry['handle'];
    if (handle === undefined || handle === null) {
      if (entry['runId'] === null) {
        const message = typeof entry['message'] === 'string' ? entry['message'] : 'the earlier step did not start it';
        return { pipeline, error: new Error(message.replace(/^could not start: /, '')) };
      }
      throw new InputError('runs', `${where} has no 'handle': pass the whole 'runs' output of a step of this action, unchanged`);
    }
    const version = (handle as { version?: unknown }).version;
    if (version !== HANDLE_VERSION) {
      throw new InputError(
        'runs',
        `${where} has a handle of version ${String(version)}; this version of the action reads version ${HANDLE_VERSION} ` +
          '(use the same version of the action to trigger and to wait)',
      );
    }
    const parsed = schema.safeParse(handle);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = ['handle', ...(issue?.path ?? [])].join('.');
      throw new InputError('runs', `${where} lacks what ${provider} needs to wait: ${path}: ${issue?.message ?? 'invalid'}`);
    }
    if (parsed.data.pipeline !== pipeline) {
      throw new InputError('runs', `${where} carries the handle of pipeline ${parsed.data.pipeline}`);
    }
    return { pipeline, run: parsed.data };
  });
}
