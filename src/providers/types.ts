/**
 * The one interface every provider adapter implements. The engine knows nothing else about a
 * provider: it triggers, observes and cancels through these methods.
 */
import type { HttpClient } from '../http.ts';
import type { CommonSettings, InputSource, ProviderName } from '../inputs.ts';
import type { Logger } from '../log.ts';

/** Where a run stands, as the engine needs to know it. */
export type Phase = 'pending' | 'success' | 'failure';

/** A run the provider accepted. Serialisable: it is saved for the post step. */
export interface RunHandle {
  pipeline: string;
  runId: string;
  url?: string;
  /** Provider-specific values the adapter needs later (execution index, instance id…). */
  data?: Record<string, string>;
}

export type TriggerOutcome =
  { pipeline: string; run: RunHandle; error?: undefined } | { pipeline: string; run?: undefined; error: Error };

export interface TriggerResult {
  outcomes: TriggerOutcome[];
  /** The provider's request id of the trigger call, where it returns one. */
  requestId?: string;
}

export interface Observation {
  /** The provider's own status string, as it returned it. */
  status: string;
  phase: Phase;
  /** Why it failed, in the provider's words (code and message). */
  message?: string;
  /** Something the user should know that does not fail the run (approval needed…). */
  warning?: string;
  /** Something worth an annotation while the run goes on (waiting for an approval…); shown when it changes. */
  notice?: string;
  /** Stage/task progress, printed when it changes. */
  progress?: string;
  /** Extra fields for the run's entry in the `runs` output (pipeline outputs, deployment id…). */
  details?: Record<string, unknown>;
  /** The run's stages with their times, where the provider reports them (drawn in the job summary). */
  stages?: StageSpan[];
}

/** One stage of a run as the provider reported it; times in epoch milliseconds. */
export interface StageSpan {
  name: string;
  status: string;
  startedAt?: number;
  finishedAt?: number;
}

/** A run that reached its end (or was cancelled), as the engine hands it to `logs`. */
export interface EndedRun {
  handle: RunHandle;
  /** When the step triggered it and when it ended, epoch milliseconds. */
  startedAt: number;
  finishedAt: number;
}

/**
 * One log the step prints in its own group. `read` hands over the log's lines oldest first, as they
 * arrive (the reader keeps only the last few), and stops when `signal` aborts.
 */
export interface LogSource {
  title: string;
  read(onLine: (line: string) => void, signal: AbortSignal): Promise<void>;
}

/** A request the trigger would send, for `dry-run`; secrets already redacted. */
export interface RequestPreview {
  pipeline: string;
  method: string;
  url: string;
  body?: string;
}

export interface Provider {
  readonly name: ProviderName;
  preview(pipelines: string[]): Promise<RequestPreview[]>;
  /**
   * Optional: read-only calls that prove the credentials work (and, where the API allows, that the
   * pipelines exist) without starting anything. `dry-run` calls it where a provider has one; it
   * throws the provider's error for the first problem found.
   */
  verify?(pipelines: string[]): Promise<void>;
  trigger(pipelines: string[]): Promise<TriggerResult>;
  /** One observation (or the error that prevented it) per handle, in order. */
  observe(runs: RunHandle[]): Promise<Array<Observation | Error>>;
  cancel(run: RunHandle): Promise<void>;
  /**
   * Optional: the logs of ended runs, one source per log. A provider whose log belongs to something
   * several runs share (an instance) returns one source for them all.
   */
  logs?(runs: EndedRun[]): LogSource[];
}

export interface ProviderContext {
  settings: CommonSettings;
  inputs: InputSource;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  log: Logger;
  /** Registers a value that must never be printed (core.setSecret). */
  secret(value: string): void;
  /** For the default Aria comments, client tokens and the like. */
  workflow: WorkflowContext;
}

export interface WorkflowContext {
  repository?: string;
  sha?: string;
  runId?: string;
  runAttempt?: string;
  serverUrl?: string;
  workflow?: string;
}

export type ProviderFactory = (ctx: ProviderContext) => Promise<Provider> | Provider;

/** Per-provider defaults and step outputs that the engine applies without knowing the provider. */
export interface ProviderTraits {
  cancelOnAbortDefault: boolean;
  /** Extra step outputs, computed from the first run's handle. */
  extraOutputs?: (first: RunHandle | undefined, requestId: string | undefined) => Record<string, string>;
}
