/**
 * Builds everything a step needs from its inputs: settings, HTTP client and the chosen provider.
 * Shared by the main step, the post step and the CLI.
 */
import { realClock, type Clock } from './clock.ts';
import type { EngineOptions } from './engine.ts';
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

export function workflowContext(env: NodeJS.ProcessEnv): WorkflowContext {
  const pick = (k: string): Record<string, string> => (env[k] ? { [k]: env[k] } : {});
  const v = {
    ...pick('GITHUB_REPOSITORY'),
    ...pick('GITHUB_SHA'),
    ...pick('GITHUB_RUN_ID'),
    ...pick('GITHUB_RUN_ATTEMPT'),
    ...pick('GITHUB_SERVER_URL'),
    ...pick('GITHUB_WORKFLOW'),
  };
  return {
    ...(v['GITHUB_REPOSITORY'] ? { repository: v['GITHUB_REPOSITORY'] } : {}),
    ...(v['GITHUB_SHA'] ? { sha: v['GITHUB_SHA'] } : {}),
    ...(v['GITHUB_RUN_ID'] ? { runId: v['GITHUB_RUN_ID'] } : {}),
    ...(v['GITHUB_RUN_ATTEMPT'] ? { runAttempt: v['GITHUB_RUN_ATTEMPT'] } : {}),
    ...(v['GITHUB_SERVER_URL'] ? { serverUrl: v['GITHUB_SERVER_URL'] } : {}),
    ...(v['GITHUB_WORKFLOW'] ? { workflow: v['GITHUB_WORKFLOW'] } : {}),
  };
}

const REQUEST_TIMEOUT_VAR = 'RUN_PIPELINES_REQUEST_TIMEOUT';

/** How long one HTTP request may take (default 30s); an environment knob for slow proxies and for tests. */
function requestTimeout(env: NodeJS.ProcessEnv): number {
  const raw = env[REQUEST_TIMEOUT_VAR];
  if (raw === undefined || raw.trim() === '') return defaultHttpOptions.requestTimeoutMs;
  const parsed = parseDuration(raw);
  if (!parsed.ok || parsed.value < 100) {
    throw new Error(`${REQUEST_TIMEOUT_VAR} must be a duration such as 30s or 1500ms (got '${raw}')`);
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
export async function prepareStep(envn: StepEnvironment): Promise<PreparedStep> {
  const settings = readCommonSettings(envn.inputs);
  const info = providerInfo(settings.provider);
  await loadNeeds(info, envn.inputs);
  const adapter = await info.load();
  const http = new HttpClient({
    requestTimeoutMs: requestTimeout(envn.env),
    clock: envn.clock ?? realClock,
    ca: settings['ca-certificate'],
    userAgent: 'run-pipelines-action',
    log: (line) => envn.log.info(line),
    debug: (line) => envn.log.debug(line),
  });
  const provider = await adapter.createProvider({
    settings,
    inputs: envn.inputs,
    env: envn.env,
    http,
    log: envn.log,
    secret: envn.secret,
    workflow: workflowContext(envn.env),
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
