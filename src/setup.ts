/**
 * Builds everything a step needs from its inputs: settings, HTTP client and the chosen provider.
 * Shared by the main step, the post step and the CLI.
 */
import type { EngineOptions } from './engine.ts';
import { InputError } from './errors.ts';
import { defaultHttpOptions, HttpClient } from './http.ts';
import { readCommonSettings, type CommonSettings, type InputSource } from './inputs.ts';
import type { Logger } from './log.ts';
import { loadYamlParser, parseDuration } from './parse.ts';
import { loadAdapter } from './load-adapter.ts';
import { providerInfo, type InputNeed, type ProviderInfo } from './providers/registry.ts';
import type { Provider, ProviderAdapter, TriggerOutcome, WorkflowContext } from './providers/types.ts';
import { resumedRuns } from './runs-input.ts';
import { describeProxy, proxyCredentials, readProxySettings, type ProxySettings } from './proxy.ts';
import { stepContext, type StepContext, type StepTime } from './step-context.ts';

export interface StepEnvironment {
  inputs: InputSource;
  env: NodeJS.ProcessEnv;
  log: Logger;
  secret: (value: string) => void;
  /** The run this step belongs to (src/github-context.ts on a runner); none: runs are not labelled with it. */
  workflow?: WorkflowContext;
}

export interface PreparedStep {
  settings: CommonSettings;
  provider: Provider;
  /** The chosen provider's adapter module: its handle schema and step outputs. */
  adapter: ProviderAdapter;
  /** With the `runs` input: the earlier step's runs, to wait for instead of triggering. */
  resumed?: TriggerOutcome[] | undefined;
  http: HttpClient;
  /** The step's clock, deadline, poll interval and job-cancel signal, shared by the engine and the provider. */
  context: StepContext;
  cancelOnAbort: boolean;
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

/** What the step's inputs and environment say, read and checked before anything is built. */
export interface StepReading {
  settings: CommonSettings;
  info: ProviderInfo;
  proxy: ProxySettings | undefined;
  requestTimeoutMs: number;
}

/** Validates every input (common, then the provider's own) before any request is sent. */
export async function prepareStep(environment: StepEnvironment, time: StepTime = {}): Promise<PreparedStep> {
  return buildStep(readStep(environment), environment, time);
}

/** Reads the inputs (`runs` among them), the proxy and the request timeout; builds nothing. */
export function readStep(environment: StepEnvironment): StepReading {
  const settings = readCommonSettings(environment.inputs);
  if (settings.runs && !settings.wait)
    throw new InputError('wait', "must be true with 'runs': the step only waits for those runs");
  const proxy = readProxySettings(environment.env);
  for (const credential of proxyCredentials(proxy)) environment.secret(credential);
  if (proxy?.https) environment.log.debug(`https:// endpoints through the proxy ${describeProxy(proxy.https)}`);
  if (proxy?.http) environment.log.debug(`http:// endpoints through the proxy ${describeProxy(proxy.http)}`);
  return { settings, info: providerInfo(settings.provider), proxy, requestTimeoutMs: requestTimeout(environment.env) };
}

/** Loads the chosen adapter, builds the HTTP client and the provider (which reads its own inputs). */
export async function buildStep(reading: StepReading, environment: StepEnvironment, time: StepTime = {}): Promise<PreparedStep> {
  const { settings, info } = reading;
  const context = stepContext(settings.timeout, settings['poll-interval'], time);
  await loadNeeds(info, environment.inputs);
  const adapter = await loadAdapter(settings.provider);
  const resumed = settings.runs && resumedRuns(settings.runs, settings.provider, (await adapter.loadSchemas()).handleSchema);
  const http = new HttpClient({
    proxy: reading.proxy,
    requestTimeoutMs: reading.requestTimeoutMs,
    clock: context.clock,
    signal: context.signal,
    ca: settings['ca-certificate'],
    userAgent: 'run-pipelines-action',
    log: (line) => environment.log.info(line),
    debug: (line) => environment.log.debug(line),
    // The schemas' preload (`responseReader`, src/providers/shared.ts); a failed load is reported by the first read.
    onFirstRequestSent: settings.wait ? () => void adapter.loadSchemas().catch(() => undefined) : undefined,
  });
  const provider = await adapter.createProvider({
    settings,
    inputs: environment.inputs,
    env: environment.env,
    http,
    log: environment.log,
    secret: environment.secret,
    workflow: environment.workflow ?? {},
    step: context,
    resumed: resumed?.flatMap((o) => (o.run ? [o.run] : [])),
  });
  // A step that started nothing stops nothing unless asked to: the runs belong to the step that started them.
  const cancelOnAbort = settings['cancel-on-abort'] ?? (resumed ? false : info.cancelOnAbortDefault);
  // Loaded only when asked for: the default start path stays as it was.
  if (settings['if-running'] !== 'start')
    (await import('./if-running.ts')).checkIfRunning(provider, settings['if-running'], resumed !== undefined);
  return { settings, provider, adapter, http, context, cancelOnAbort, resumed };
}

/** What every front end (the action, the CLI) hands the engine straight from the inputs. */
export function engineSettings(
  step: PreparedStep,
): Pick<
  EngineOptions,
  | 'provider'
  | 'pipelines'
  | 'wait'
  | 'timeoutMs'
  | 'deadline'
  | 'pollIntervalMs'
  | 'cancelOnAbort'
  | 'clock'
  | 'signal'
  | 'resume'
  | 'logs'
  | 'ifRunning'
> {
  const { settings } = step;
  return {
    provider: step.provider,
    pipelines: settings['pipeline-ids'],
    wait: settings.wait,
    timeoutMs: settings.timeout,
    deadline: step.context.deadline,
    pollIntervalMs: step.context.pollIntervalMs,
    cancelOnAbort: step.cancelOnAbort,
    clock: step.context.clock,
    signal: step.context.signal,
    logs: { mode: settings.logs, maxLines: settings['log-lines'], dir: settings['logs-dir'] },
    resume: step.resumed,
    ifRunning: settings['if-running'],
  };
}
