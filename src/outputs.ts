/**
 * Turns a step result into the step's outputs. The common names here and the outputs each provider
 * declares (src/providers/registry.ts) are the set action.yml declares; a test holds them together.
 */
import type { Conclusion, RunRecord, StepResult } from './engine.ts';
import { cutMessage, escapeJsonControls, MAX_MESSAGE_CHARS } from './output-filter.ts';
import { redactSecrets } from './secrets.ts';
import { providerInfo, type ProviderName } from './providers/registry.ts';
import type { ProviderAdapter, RunHandle } from './providers/types.ts';

/** The outputs every step sets; each provider declares its own in the registry. */
export const COMMON_OUTPUTS = ['conclusion', 'runs', 'run-ids', 'status'] as const;

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
    status: cutMessage(redactSecrets(r.status), MAX_STATUS_CHARS),
    conclusion: r.conclusion,
    url: r.url ?? r.handle?.url ?? null,
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: r.finishedAt === undefined ? null : new Date(r.finishedAt).toISOString(),
    durationSeconds: duration,
    // Redacted before the cut, so no secret is left in halves a later redaction cannot see.
    message: r.message === undefined ? null : cutMessage(redactSecrets(r.message), MAX_MESSAGE_CHARS),
    ...r.details,
    ...(r.handle ? { handle: r.handle } : {}),
  };
}

/** GitHub refuses an output over 1 MB; the margin leaves room for the file command's framing. */
export const MAX_OUTPUT_BYTES = 1_000_000 - 4096;
const MAX_STATUS_CHARS = 256;
/** Messages in a `runs` output that is too long are cut to this, then dropped (see fitRuns). */
const SHORT_MESSAGE_CHARS = 200;
const CUT_NOTE = '[cut: the runs output is kept under 1 MB]';

/**
 * The `runs` output as JSON under MAX_OUTPUT_BYTES. Each run keeps its id, status, conclusion and
 * handle; what gives way, in order: long messages (cut short), then messages and the provider's own
 * details; each run that lost something says so in its message.
 */
export function fitRuns(runs: Array<Record<string, unknown>>): string {
  const json = (list: unknown[]): string => escapeJsonControls(JSON.stringify(list));
  let text = json(runs);
  if (Buffer.byteLength(text) <= MAX_OUTPUT_BYTES) return text;
  const short = runs.map((r) =>
    typeof r['message'] === 'string' && r['message'].length > SHORT_MESSAGE_CHARS
      ? { ...r, message: `${r['message'].slice(0, SHORT_MESSAGE_CHARS)} ${CUT_NOTE}` }
      : r,
  );
  text = json(short);
  if (Buffer.byteLength(text) <= MAX_OUTPUT_BYTES) return text;
  const bare = runs.map((r) => {
    const { provider, pipeline, runId, status, conclusion, url, startedAt, finishedAt, durationSeconds, handle } = r;
    const kept = { provider, pipeline, runId, status, conclusion, url, startedAt, finishedAt, durationSeconds };
    return { ...kept, message: CUT_NOTE, ...(handle === undefined ? {} : { handle }) };
  });
  return json(bare);
}

/** Any output but `runs` over the limit (none should be): cut, marked. */
function fitOutput(value: string): string {
  if (Buffer.byteLength(value) <= MAX_OUTPUT_BYTES) return value;
  return cutMessage(value, MAX_OUTPUT_BYTES / 4);
}

/** Every output the step sets, as name → string value. */
export function stepOutputs(provider: ProviderName, adapter: ProviderAdapter, result: StepResult): Record<string, string> {
  const first = result.runs[0];
  const outputs: Record<string, string> = {
    conclusion: result.conclusion,
    runs: fitRuns(result.runs.map((r) => summarizeRun(provider, r) as Record<string, unknown>)),
    'run-ids': escapeJsonControls(JSON.stringify(result.runs.map((r) => r.handle?.runId ?? null))),
    status: cutMessage(redactSecrets(first?.status ?? ''), MAX_STATUS_CHARS),
  };
  for (const [name, value] of Object.entries(adapter.stepOutputs?.(first?.handle, result.requestId) ?? {})) {
    if (value !== undefined) outputs[name] = fitOutput(value);
  }
  const declared: readonly string[] = [...COMMON_OUTPUTS, ...providerInfo(provider).outputs];
  for (const name of Object.keys(outputs)) {
    if (!declared.includes(name)) throw new Error(`output '${name}' is not declared for ${provider} (src/providers/registry.ts)`);
  }
  return outputs;
}
