/**
 * The `runs` input's runs (read once, with the other inputs, by src/inputs.ts): each entry carries its
 * run's versioned handle (`handle`), parsed back here with the provider's own schema, so the wait
 * decides exactly as the step that started it would have. Every problem is an InputError naming
 * `runs`, raised before any request is sent.
 */
import type { z } from 'zod';
import { InputError } from './errors.ts';
import type { RunsInput } from './inputs.ts';
import { HANDLE_VERSION, type RunHandle, type TriggerOutcome } from './providers/types.ts';

/**
 * One trigger outcome per entry, as if this step had triggered: a run with its handle, or, for an
 * entry the earlier step could not start, the failure it reported.
 */
export function resumedRuns<Data>(runs: RunsInput, provider: string, schema: z.ZodType<RunHandle<Data>>): TriggerOutcome<Data>[] {
  return runs.map((entry, i) => {
    const pipeline = entry.pipeline;
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
