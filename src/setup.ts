/**
 * Builds everything a step needs from its inputs: settings, HTTP client and the chosen provider.
 * Shared by the main step, the post step and the CLI.
 */
import { realClock, type Clock } from './clock.ts';
import type { EngineOptions } from './engine.ts';
import { InputError } from './errors.ts';
import { defaultHttpOptions, HttpClient } from './http.ts';
import { readCommonSettings, type CommonSettings, type InputSource } from './inputs.ts';
import type { Logger } from './log.ts';
import { loadYamlParser, parseDuration } from './parse.ts';
import { providerInfo, type InputNeed, type ProviderInfo } from './providers/registry.ts';
import type { Provider, ProviderAdapter, WorkflowContext } from './providers/types.ts';

export interface StepEnvironment {
  inputs: InputSource;
  env: NodeJS.ProcessEnv;
  log: Logger;
  secret: (value: string) => void;
  clock?: Clock;
}

export interface PreparedStep {
  settings: CommonSettings;
  provider: Provider;
  /** The chosen provider's adapter module: its handle schema and step outputs. */
  adapter: ProviderAdapter;
  http: HttpClient;
  cancelOnAbort: boolean;
}

/** Which runner variable each workflow fact comes from. */
const WORKFLOW_VARIABLES: ReadonlyArray<readonly [keyof WorkflowContext, string]> = [
  ['repository', 'GITHUB_REPOSITORY'],
  ['sha', 'GITHUB_SHA'],
  ['runId', 'GITHUB_RUN_ID'],
  ['runAttempt', 'GITHUB_RUN_ATTEMPT'],
  ['serverUrl', 'GITHUB_SERVER_URL'],
  ['workflow', 'GITHUB_WORKFLOW'],
];

/** The workflow facts the runner's variables give; an unset or empty variable leaves its field out. */
export function workflowContext(env: NodeJS.ProcessEnv): WorkflowContext {
  const context: WorkflowContext = {};
  for (const [field, variable] of WORKFLOW_VARIABLES) {
    const value = env[variable];
    if (value) context[field] = value;
  }
  return context;
}

const REQUEST_TIMEOUT_VAR = 'RUN_PIPELINES_REQUEST_TIMEOUT';

/** How long one HTTP request may take (default 30s); an environment knob for slow proxies and for tests. */
function requestTimeout(env: NodeJS.ProcessEnv): number {
  const raw = env[REQUEST_TIMEOUT_VAR];
  if (raw === undefined || raw.trim() === '') return defaultHttpOptions.requestTimeoutMs;
  const parsed = parseDuration(raw);
  if (!parsed.ok || parsed.value < 100) {
    // A bad environment is bad input, like a bad FELDERA_HOST: the CLI exits 2 for both.
    throw new InputError(REQUEST_TIMEOUT_VAR, `must be a duration of at least 100ms such as 30s or 1500ms (got '${raw}')`);
  }
  return parsed.value;
}

const NEED_LOADERS: Record<InputNeed, () => Promise<void>> = { 'yaml-parser': loadYamlParser };

/** Loads what the provider's given inputs need before they are read (each need once). */
async function loadNeeds(info: ProviderInfo, inputs: InputSource): Promise<void> {
  const given = Object.entries(info.inputs).filter(([name]) => inputs(name) !== '');
  const needs = new Set(given.flatMap(([, inputNeeds]) => inputNeeds));
  for (const need of needs) await NEED_LOADERS[need]();
}

/** Validates every input (common, then the provider's own) before any request is sent. */
export async function prepareStep(environment: StepEnvironment): Promise<PreparedStep> {
  const settings = readCommonSettings(environment.inputs);
  const info = providerInfo(settings.provider);
  await loadNeeds(info, environment.inputs);
  const adapter = await info.load();
  const http = new HttpClient({
    requestTimeoutMs: requestTimeout(environment.env),
    clock: environment.clock ?? realClock,
    ca: settings['ca-certificate'],
    userAgent: 'run-pipelines-action',
    log: (line) => environment.log.info(line),
    debug: (line) => environment.log.debug(line),
  });
  const provider = await adapter.createProvider({
    settings,
    inputs: environment.inputs,
    env: environment.env,
    http,
    log: environment.log,
    secret: environment.secret,
    workflow: workflowContext(environment.env),
  });
  const cancelOnAbort = settings['cancel-on-abort'] ?? info.cancelOnAbortDefault;
  return { settings, provider, adapter, http, cancelOnAbort };
}

/** What every front end (the action, the CLI) hands the engine straight from the inputs. */
export function engineSettings(
  step: PreparedStep,
): Pick<EngineOptions, 'provider' | 'pipelines' | 'wait' | 'timeoutMs' | 'pollIntervalMs' | 'cancelOnAbort' | 'clock' | 'logs'> {
  const { settings } = step;
  return {
    provider: step.provider,
    pipelines: settings['pipeline-ids'],
    wait: settings.wait,
    timeoutMs: settings.timeout,
    pollIntervalMs: settings['poll-interval'],
    cancelOnAbort: step.cancelOnAbort,
    clock: realClock,
    logs: { mode: settings.logs, maxLines: settings['log-lines'] },
  };
}
