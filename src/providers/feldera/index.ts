/**
 * Feldera adapter: starts (or activates) pipelines with an initial state and waits until each
 * reaches it. A "run" is the pipeline's deployment; its id is the pipeline name, since Feldera
 * has no run object (the deployment id is reported in `runs` once known).
 */
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import { checkEndpoint } from '../../endpoint.ts';
import type { HttpRequest } from '../../http.ts';
import { InputError, toError } from '../../errors.ts';
import { readInputs, inputSchema } from '../../inputs.ts';
import type { InputShapeOf } from '../registry.ts';
import {
  HANDLE_VERSION,
  type EndedRun,
  type LogSource,
  type Observation,
  type Provider,
  type ProviderContext,
  type RequestPreview,
  type TriggerResult,
} from '../types.ts';
import { FelderaClient } from './client.ts';
import { felderaLogSources } from './logs.ts';
import type { FelderaData, FelderaHandle } from './handle.ts';
import { COMPILE_FAILED, classifyPipeline, type FelderaDetails, type FelderaObservation, type FelderaTarget } from './status.ts';
import type { PipelineStatus, PipelineWithProgramError } from './models.ts';

export { handleSchema } from './handle.ts';

const NAME = /^[A-Za-z0-9_-]{1,100}$/;

const shape = {
  operation: inputSchema.oneOf(['start', 'activate'] as const, 'start'),
  initial: inputSchema.oneOf(['running', 'paused', 'standby'] as const, 'running'),
  'bootstrap-policy': inputSchema.optionalOneOf(['allow', 'reject', 'await_approval'] as const),
  'dismiss-error': inputSchema.boolean(true),
  'api-key': inputSchema.optionalText(),
} satisfies InputShapeOf<'feldera'>;

interface FelderaConfig {
  operation: 'start' | 'activate';
  initial: 'running' | 'paused' | 'standby';
  bootstrapPolicy: string | undefined;
  dismissError: boolean;
}

export function createProvider(ctx: ProviderContext): Provider<FelderaData, FelderaDetails> {
  const given = readInputs(shape, ctx.inputs);
  if (given.operation === 'activate' && given.initial === 'standby') {
    throw new InputError('initial', "must be running or paused when operation is 'activate' (got 'standby')");
  }
  const bad = ctx.settings['pipeline-ids'].find((id) => !NAME.test(id));
  if (bad !== undefined)
    throw new InputError('pipeline-ids', `has '${bad}': Feldera pipeline names are letters, digits, '_' and '-'`);
  const rawEndpoint = ctx.settings.endpoint ?? ctx.env['FELDERA_HOST'];
  if (!rawEndpoint)
    throw new InputError('endpoint', 'is required for feldera (or set FELDERA_HOST), e.g. https://feldera.example.com');
  const base = checkEndpoint(
    rawEndpoint,
    ctx.settings.endpoint ? 'endpoint' : 'FELDERA_HOST',
    ctx.settings['allow-insecure-http'],
  );
  const apiKey = given['api-key'] ?? ctx.env['FELDERA_API_KEY'];
  if (apiKey) ctx.secret(apiKey);
  const client = new FelderaClient({ base, apiKey, tenant: ctx.env['FELDERA_TENANT'], http: ctx.http });
  const config: FelderaConfig = {
    operation: given.operation,
    initial: given.initial,
    bootstrapPolicy: given['bootstrap-policy'],
    dismissError: given['dismiss-error'],
  };
  return new FelderaProvider(client, config, base);
}

/** From this many runs in a round on, one list call replaces the per-pipeline status calls. */
const LIST_FROM = 4;
/** A tenant with this many times more pipelines than the round polls is cheaper to poll per pipeline. */
const LIST_OVERHEAD = 4;

class FelderaProvider implements Provider<FelderaData, FelderaDetails> {
  readonly name = 'feldera' as const;
  private readonly target: FelderaTarget;
  private readonly client: FelderaClient;
  private readonly config: FelderaConfig;
  private readonly base: URL;
  /** Cleared for good once the list turns out to carry mostly pipelines this step does not wait on. */
  private listing = true;
  constructor(client: FelderaClient, config: FelderaConfig, base: URL) {
    this.client = client;
    this.config = config;
    this.base = base;
    this.target = capitalize(config.initial) as FelderaTarget;
  }

  preview(pipelines: string[]): Promise<RequestPreview[]> {
    return Promise.resolve(
      pipelines.map((p) => {
        const req = this.triggerRequest(p);
        return { pipeline: p, method: req.method, url: req.url.href };
      }),
    );
  }

  /** Reading each pipeline's status proves the key is accepted and the pipeline exists. */
  async verify(pipelines: string[]): Promise<void> {
    await mapConcurrent(pipelines, FAN_OUT_LIMIT, (p) => this.client.status(p));
  }

  async trigger(pipelines: string[]): Promise<TriggerResult<FelderaData>> {
    const outcomes = await mapConcurrent(pipelines, FAN_OUT_LIMIT, async (pipeline) => {
      try {
        await this.client.send(this.triggerRequest(pipeline));
        return { pipeline, run: this.handle(pipeline) };
      } catch (err) {
        return { pipeline, error: toError(err) };
      }
    });
    return { outcomes };
  }

  async observe(runs: FelderaHandle[]): Promise<Array<Observation<FelderaDetails> | Error>> {
    const listed = runs.length >= LIST_FROM && this.listing ? await this.listStatuses(runs.length) : undefined;
    return mapConcurrent(runs, FAN_OUT_LIMIT, (r) => this.observeOne(r.pipeline, listed?.get(r.pipeline)).catch(toError));
  }

  /**
   * The status of every pipeline in one call, or undefined if that call failed: the round then asks
   * each pipeline as a single run would, and those calls report any error as they always do.
   */
  private async listStatuses(polled: number): Promise<Map<string, PipelineStatus> | undefined> {
    try {
      const all = await this.client.statuses();
      if (all.length > polled * LIST_OVERHEAD) this.listing = false;
      return new Map(all.map((p) => [p.name, p]));
    } catch {
      return undefined;
    }
  }

  async cancel(run: FelderaHandle): Promise<void> {
    await this.client.stop(run.pipeline);
  }

  logs(runs: EndedRun<FelderaData>[]): LogSource[] {
    return felderaLogSources(this.client, runs);
  }

  /** `listed`: the pipeline's entry in this round's list call; a pipeline missing from it is asked directly. */
  private async observeOne(name: string, listed?: PipelineStatus): Promise<FelderaObservation> {
    const obs = classifyPipeline(listed ?? (await this.client.status(name)), this.target);
    if (obs.phase === 'failure' && COMPILE_FAILED.has(obs.details.programStatus)) {
      const full = await this.client.programError(name).catch(() => undefined);
      if (full) obs.message = `${obs.message ?? ''}\n${describeProgramError(full)}`.trim();
    }
    return obs;
  }

  private triggerRequest(pipeline: string): HttpRequest {
    const { operation, initial, bootstrapPolicy, dismissError } = this.config;
    if (operation === 'activate') {
      // Running is activate's default: omitting it keeps the request within the published API description,
      // which types this parameter with PascalCase names although the server reads lower case.
      return this.client.activateRequest(pipeline, initial === 'running' ? undefined : initial);
    }
    return this.client.startRequest(pipeline, {
      initial,
      ...(bootstrapPolicy ? { bootstrap_policy: bootstrapPolicy } : {}),
      dismiss_error: String(dismissError),
    });
  }

  private handle(pipeline: string): FelderaHandle {
    const url = `${this.base.href.replace(/\/+$/, '')}/pipelines/${encodeURIComponent(pipeline)}/`;
    return { version: HANDLE_VERSION, provider: 'feldera', pipeline, runId: pipeline, url, data: {} };
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function describeProgramError(p: PipelineWithProgramError): string {
  const e = p.program_error;
  if (!e) return `program status ${p.program_status}`;
  const sql = (e.sql_compilation?.messages ?? []).map(
    (m) => `SQL${m.start_line_number ? ` line ${m.start_line_number}` : ''}: ${m.message ?? ''}`,
  );
  const rust = e.rust_compilation?.stderr ? [`Rust: ${e.rust_compilation.stderr.slice(0, 2000)}`] : [];
  const sys = e.system_error ? [`System: ${e.system_error}`] : [];
  return [...sql, ...rust, ...sys].join('\n') || `program status ${p.program_status}`;
}
