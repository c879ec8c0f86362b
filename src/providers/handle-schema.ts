/**
 * The zod schemas handles are read back with: a provider's own (`handleSchemaOf`, in its `schemas.ts`)
 * and the provider-neutral one the post step checks saved state with. Imported only by the schema
 * modules and src/saved-state.ts, so it loads on demand (`responseReader`, src/providers/shared.ts).
 */
import { z } from 'zod';
import type { ProviderName } from './registry.ts';
import { HANDLE_VERSION, type RunHandle } from './types.ts';

/** The parts of a handle every provider shares; `data` is left to the provider's schema. */
const handleFields = {
  version: z.literal(HANDLE_VERSION),
  pipeline: z.string().min(1),
  runId: z.string().min(1),
  url: z.string().optional(),
};

/**
 * The provider's id rules for a handle's pipeline and run id. A handle read back from the `runs` input is
 * data from outside: its ids must match the rules the inputs and the API hold them to before any client
 * puts them in a path.
 */
export interface HandleIds {
  pipeline: RegExp;
  runId: RegExp;
  /** What the ids look like, for the error: "32 letters and digits". */
  what: string;
}

/** A string that matches `pattern`; the message says what was expected. */
export function idMatching(pattern: RegExp, what: string): z.ZodString {
  return z.string().regex(pattern, `must be ${what}`);
}

/** The schema of a provider's handle: the shared fields with its id rules, its own name and its own data. */
export function handleSchemaOf<const N extends ProviderName, D>(
  provider: N,
  data: z.ZodType<D>,
  ids: HandleIds,
): z.ZodType<RunHandle<D> & { provider: N }> {
  return z.object({
    ...handleFields,
    pipeline: idMatching(ids.pipeline, ids.what),
    runId: idMatching(ids.runId, ids.what),
    provider: z.literal(provider),
    data,
  });
}

/** Any provider's handle, its data not yet read: what the post step can check before it knows the provider's schema. */
export const savedHandleSchema: z.ZodType<RunHandle> = z.object({
  ...handleFields,
  provider: z.string().min(1) as z.ZodType<ProviderName>,
  data: z.unknown(),
});
