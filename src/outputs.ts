/**
 * Turns a step result into the step's outputs. The common names here and the outputs each provider
 * declares (src/providers/registry.ts) are the set action.yml declares; a test holds them together.
 */
import type { Conclusion, RunRecord, StepResult } from './engine.ts';
import { ALL_PROVIDER_OUTPUTS, providerInfo, type ProviderName } from './providers/registry.ts';
import type { ProviderAdapter, RunHandle } from './providers/types.ts';

/** The outputs every step sets; each provider declares its own in the registry. */
export const COMMON_OUTPUTS = ['conclusion', 'runs', 'run-ids', 'status'] as const;
export const OUTPUT_NAMES: readonly string[] = [...COMMON_OUTPUTS, ...ALL_PROVIDER_OUTPUTS];

/** A run's entry in the `runs` output: these fields, then the provider's own details. */
export type RunSummary<Details extends object = object> = RunFields & Details;

interface RunFields {
  provider: ProviderName;
  pipeline: string;
  runId: string | null;
  status: string;
  conclusion: Conclusion | 'pending';
  url: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationSeconds: number | null;
  message: string | null;
  /** Everything a later step needs to wait for the run (the `runs` input): versioned, provider-typed. */
  handle?: RunHandle;
}

export function summarizeRun<Details extends object>(
  provider: ProviderName,
  r: RunRecord<unknown, Details>,
): RunSummary<Details> | RunFields {
  const duration = r.finishedAt === undefined ? null : Math.round((r.finishedAt - r.startedAt) / 100) / 10;
  return {
    provider,
    pipeline: r.pipeline,
    runId: r.handle?.runId ?? null,
    status: r.status,
    conclusion: r.conclusion,
    url: r.url ?? r.handle?.url ?? null,
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: r.finishedAt === undefined ? null : new Date(r.finishedAt).toISOString(),
    durationSeconds: duration,
    message: r.message ?? null,
    ...r.details,
    ...(r.handle ? { handle: r.handle } : {}),
  };
}

/** Every output the step sets, as name → string value. */
export function stepOutputs(provider: ProviderName, adapter: ProviderAdapter, result: StepResult): Record<string, string> {
  const first = result.runs[0];
  const outputs: Record<string, string> = {
    conclusion: result.conclusion,
    runs: JSON.stringify(result.runs.map((r) => summarizeRun(provider, r))),
    'run-ids': JSON.stringify(result.runs.map((r) => r.handle?.runId ?? null)),
    status: first?.status ?? '',
  };
  for (const [name, value] of Object.entries(adapter.stepOutputs?.(first?.handle, result.requestId) ?? {})) {
    if (value !== undefined) outputs[name] = value;
  }
  const declared: readonly string[] = [...COMMON_OUTPUTS, ...providerInfo(provider).outputs];
  for (const name of Object.keys(outputs)) {
    if (!declared.includes(name)) throw new Error(`output '${name}' is not declared for ${provider} (src/providers/registry.ts)`);
  }
  return outputs;
}
