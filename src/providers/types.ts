/**
 * The one interface every provider adapter implements. The engine knows nothing else about a
 * provider: it triggers, observes and cancels through these methods, and carries each provider's
 * typed handle data and observation details without looking inside them.
 */
import type { z } from 'zod';
import type { HttpClient } from '../http.ts';
import type { CommonSettings, IfRunningMode, InputSource } from '../inputs.ts';
import type { Logger } from '../log.ts';
import type { StepContext } from '../step-context.ts';
import type { ProviderName } from './registry.ts';

/** Where a run stands, as the engine needs to know it. */
export type Phase = 'pending' | 'success' | 'failure';

/**
 * The version of the handle's serialised form. A handle is saved for the post step (and may later be
 * handed to another job): a reader refuses a version it does not know instead of guessing.
 */
export const HANDLE_VERSION = 1;

/**
 * A run the provider accepted. Serialisable: it is saved for the post step and parsed back with the
 * provider's handle schema (`loadSchemas`). `Data` is what the adapter needs later (execution index, instance id…).
 */
export interface RunHandle<Data = unknown> {
  version: typeof HANDLE_VERSION;
  provider: ProviderName;
  pipeline: string;
  runId: string;
  url?: string | undefined;
  data: Data;
}

export type TriggerOutcome<Data = unknown> =
  { pipeline: string; run: RunHandle<Data>; error?: undefined } | { pipeline: string; run?: undefined; error: Error };

export interface TriggerResult<Data = unknown> {
  outcomes: TriggerOutcome<Data>[];
  /** The provider's request id of the trigger call, where it returns one. */
  requestId?: string;
}

export interface Observation<Details extends object = object> {
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
  /** A link to the run the provider reported while polling (the handle may have none). */
  url?: string;
  /** Extra fields for the run's entry in the `runs` output (pipeline outputs, deployment id…), typed by the provider. */
  details?: Details;
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
export interface EndedRun<Data = unknown> {
  handle: RunHandle<Data>;
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

/**
 * A log read while its runs go (`logs: live`, `logs-dir`). `read` hands over, oldest first, the lines
 * that are new since its last call, never one twice. It is called on each status poll of its runs (never
 * two calls at once), always with the same `onLine` and `signal`: a streamed log may keep handing lines
 * between calls until `close` or the signal. The caller bounds what it prints and keeps.
 */
export interface LiveLog<Data = unknown> {
  /** The runs this log belongs to: one, or every run sharing it (an instance). */
  runs: RunHandle<Data>[];
  /** What each line is labelled with: the pipeline(s). */
  label: string;
  read(onLine: (line: string) => void, signal: AbortSignal): Promise<void>;
  /** Its runs ended and the last read returned: let go of anything still open (a stream), soon. */
  close?(): Promise<void>;
}

/** A request the trigger would send, for `dry-run`; secrets already redacted. */
export interface RequestPreview {
  pipeline: string;
  method: string;
  url: string;
  body?: string;
}

/** A run of a pipeline found in progress that this step did not start (`if-running`). */
export interface FoundRun<Data = unknown> {
  /** A handle like one the trigger returns, so the run can be observed, reported and cancelled. */
  handle: RunHandle<Data>;
  /** The provider's own status of the run when it was found. */
  status: string;
}

/**
 * How a provider finds its pipelines' runs in progress (`if-running`, src/if-running.ts); the cancel
 * of `cancel-previous` is the provider's `cancel`.
 */
export interface InProgressRuns<Data = unknown> {
  /** The newest run in progress of each pipeline (undefined where none), in order; throws when a list call failed. */
  list(pipelines: string[]): Promise<Array<FoundRun<Data> | undefined>>;
  /** Whether a run cancelled by `cancel-previous` has ended; without it: `list` no longer shows that run. */
  ended?(run: RunHandle<Data>): Promise<boolean>;
  /** The modes the provider cannot honour, each with why: refused as bad input before any request. */
  refuses?: Partial<Record<IfRunningMode, string>>;
}

/**
 * `Data`: what the provider keeps in each run's handle; `Details`: what its observations add to the
 * run's entry in the `runs` output. Both are declared by the adapter; the engine passes them through.
 */
export interface Provider<Data = unknown, Details extends object = object> {
  readonly name: ProviderName;
  preview(pipelines: string[]): Promise<RequestPreview[]>;
  /**
   * Optional: read-only calls that prove the credentials work (and, where the API allows, that the
   * pipelines exist) without starting anything. `dry-run` calls it where a provider has one; it
   * throws the provider's error for the first problem found.
   */
  verify?(pipelines: string[]): Promise<void>;
  trigger(pipelines: string[]): Promise<TriggerResult<Data>>;
  /** One observation (or the error that prevented it) per handle, in order. */
  observe(runs: RunHandle<Data>[]): Promise<Array<Observation<Details> | Error>>;
  cancel(run: RunHandle<Data>): Promise<void>;
  /**
   * Optional: the logs of ended runs, one source per log. A provider whose log belongs to something
   * several runs share (an instance) returns one source for them all.
   */
  logs?(runs: EndedRun<Data>[]): LogSource[];
  /**
   * `run` (the default): each run's log is read as soon as the run ends. `step`: the log belongs to
   * something every run shares, so it is read once, after all of them ended.
   */
  readonly logScope?: 'run' | 'step';
  /** Optional: its pipelines' runs in progress, for `if-running`; without it only `start` is accepted. */
  readonly inProgress?: InProgressRuns<Data>;
  /** Optional: the logs of `runs` as they grow, read on the poll schedule (src/live-logs.ts); loaded on demand. */
  liveLogs?(runs: RunHandle<Data>[]): Promise<LiveLog<Data>[]>;
}

export interface ProviderContext<Data = unknown> {
  settings: CommonSettings;
  /**
   * With the `runs` input: the runs an earlier step started, parsed with the provider's handle schema.
   * The step triggers nothing and waits for these; what their handles carry (instance, project…) stands
   * in for the inputs that would otherwise name it.
   */
  resumed?: RunHandle<Data>[] | undefined;
  inputs: InputSource;
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  /** The step's clock, deadline, poll interval and job-cancel signal: the engine's own. */
  step: StepContext;
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

/** The step outputs a provider sets beyond the common ones, by name; each adapter narrows it to the names it declares in the registry. */
export type ProviderOutputs = Partial<Record<string, string>>;

/**
 * The schemas a provider's `loadSchemas` hands over (its `schemas.ts`): the one its handles are saved and
 * read back with, beside its response schemas, which only its own modules read.
 */
export interface ProviderSchemas<Data = unknown> {
  handleSchema: z.ZodType<RunHandle<Data>>;
}

/**
 * What an adapter module exports (loaded only when its provider is chosen): the factory, its schemas
 * and its own step outputs.
 */
export interface ProviderAdapter<Data = unknown, Details extends object = object> {
  createProvider(ctx: ProviderContext<Data>): Promise<Provider<Data, Details>> | Provider<Data, Details>;
  /**
   * Its `schemas.ts`, with zod, imported on first call and kept: the one door to its schemas, off the
   * start path (`responseReader`, src/providers/shared.ts).
   */
  loadSchemas(): Promise<ProviderSchemas<Data>>;
  /** Extra step outputs, computed from the first run's handle and the trigger's request id. */
  stepOutputs?(first: RunHandle<Data> | undefined, requestId: string | undefined): ProviderOutputs;
}
