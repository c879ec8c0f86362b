/**
 * Feldera adapter: starts (or activates) pipelines with an initial state and waits until each
 * reaches it. A "run" is the pipeline's deployment; its id is the pipeline name, since Feldera
 * has no run object (the deployment id is reported in `runs` once known).
 */
import type { z } from 'zod';
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import { checkEndpoint } from '../../endpoint.ts';
import type { HttpRequest } from '../../http.ts';
import { InputError, ProviderError, toError } from '../../errors.ts';
import { readInputs, inputRules } from '../../inputs.ts';
import type { InputShapeOf } from '../registry.ts';
import {
  HANDLE_VERSION,
  type EndedRun,
  type LiveLog,
  type LogSource,
  type Observation,
  type Provider,
  type ProviderContext,
  type RequestPreview,
  type TriggerOutcome,
  type TriggerResult,
} from '../types.ts';
import { FelderaClient } from './client.ts';
import { felderaLogSources } from './logs.ts';
import type { FelderaData, FelderaHandle } from './handle.ts';
import { dismissError, sendStart, stepWaits, type StartContext, type StepWaits } from './start.ts';
import {
  COMPILE_FAILED,
  classifyPipeline,
  isKnownStatus,
  type FelderaDetails,
  type FelderaObservation,
  type FelderaTarget,
} from './status.ts';
import type { PipelineStatus } from './models.ts';
import { onDemand } from '../shared.ts';

/** The approval and compiler reports read details with zod: loaded when a run first needs one. */
const reports = onDemand(() => import('./report.ts'));

export { loadModels } from './client.ts';

/** The handle schema, loaded with zod on demand: only the `runs` input and the post step read handles back. */
export async function loadHandleSchema(): Promise<z.ZodType<FelderaHandle>> {
  return (await import('./handle.ts')).handleSchema;
}

/** Feldera's own rule for pipeline names (db/types/utils.rs): at most 63 characters. */
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_]*)?[A-Za-z0-9]$/;
const NAME_MAX = 63;

const shape = {
  operation: inputRules.oneOf(['start', 'activate'] as const, 'start'),
  initial: inputRules.oneOf(['running', 'paused', 'standby'] as const, 'running'),
  'bootstrap-policy': inputRules.optionalOneOf(['allow', 'reject', 'await_approval'] as const),
  'dismiss-error': inputRules.boolean(true),
  'api-key': inputRules.optionalText(),
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
  const bad = ctx.settings['pipeline-ids'].find((id) => id.length > NAME_MAX || !NAME.test(id));
  if (bad !== undefined) {
    throw new InputError(
      'pipeline-ids',
      `has '${bad}': Feldera pipeline names are at most ${NAME_MAX} letters, digits, '_' and '-', and start and end with a letter or digit`,
    );
  }
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
  return new FelderaProvider(client, config, base, stepWaits(ctx));
}

const ROLES = ['read', 'write', 'admin', 'owner'];

/** From this many runs in a round on, one list call replaces the per-pipeline status calls. */
const LIST_FROM = 4;
/** A tenant with this many times more pipelines than the round polls is cheaper to poll per pipeline. */
const LIST_OVERHEAD = 4;

class FelderaProvider implements Provider<FelderaData, FelderaDetails> {
  readonly name = 'feldera' as const;
  private readonly client: FelderaClient;
  private readonly config: FelderaConfig;
  private readonly base: URL;
  private readonly waits: StepWaits;
  private readonly starting: StartContext;
  /** Cleared for good once the list turns out to carry mostly pipelines this step does not wait on. */
  private listing = true;
  /** `pipeline status` pairs already warned about as unknown: one warning each. */
  private readonly warnedUnknown = new Set<string>();
  constructor(client: FelderaClient, config: FelderaConfig, base: URL, waits: StepWaits) {
    this.client = client;
    this.config = config;
    this.base = base;
    this.waits = waits;
    this.starting = { client, waits, target: capitalize(config.initial) as FelderaTarget };
  }

  preview(pipelines: string[]): Promise<RequestPreview[]> {
    return Promise.resolve(
      pipelines.flatMap((p) => this.triggerRequests(p).map((req) => ({ pipeline: p, method: req.method, url: req.url.href }))),
    );
  }

  /** The key's role must allow a start; reading each pipeline's status proves it exists. */
  async verify(pipelines: string[]): Promise<void> {
    await this.checkRole();
    await mapConcurrent(pipelines, FAN_OUT_LIMIT, (p) => this.client.status(p));
  }

  /** `/start` and `/activate` need the `write` role (api/rbac.rs); GET /v0/config/session tells the key's role. */
  private async checkRole(): Promise<void> {
    const session = await this.client.sessionRole();
    const { log } = this.waits;
    if (session === undefined) {
      log.notice('[dry-run] this Feldera has no GET /v0/config/session (it predates roles): the role check is skipped');
      return;
    }
    const role = session.role;
    if (role === null || !ROLES.includes(role)) {
      const got = role === null ? 'no role (authentication is off, or no tenant was resolved)' : `the unknown role '${role}'`;
      log.notice(`[dry-run] GET /v0/config/session gave ${got}: the role check is skipped`);
      return;
    }
    if (ROLES.indexOf(role) < ROLES.indexOf('write')) {
      throw new ProviderError({
        message: `the API key's role is '${role}'; starting or activating a pipeline needs 'write' or higher`,
      });
    }
    log.info(`[dry-run] the API key's role is '${role}': it may start pipelines`);
  }

  async trigger(pipelines: string[]): Promise<TriggerResult<FelderaData>> {
    const toDismiss = await this.pipelinesToDismiss(pipelines);
    const outcomes = await mapConcurrent(pipelines, FAN_OUT_LIMIT, (pipeline) =>
      this.triggerOne(pipeline, toDismiss).catch((err: unknown): TriggerOutcome<FelderaData> => ({
        pipeline,
        error: toError(err),
      })),
    );
    return { outcomes };
  }

  /**
   * Before a wide start with dismiss-error, one list call tells which pipelines show a deployment error:
   * only those (and any the list does not show) get a dismiss, so a start costs one request instead of
   * two. Undefined (every pipeline is dismissed first, as a single one is) for fewer than LIST_FROM
   * pipelines, an activate, dismiss-error false, or a list call that failed. A list that shows far more
   * pipelines than the step starts is used all the same, since it is already read; the overhead rule of
   * listStatuses then keeps the poll rounds per pipeline.
   */
  private async pipelinesToDismiss(pipelines: string[]): Promise<Set<string> | undefined> {
    const { operation, dismissError } = this.config;
    if (operation !== 'start' || !dismissError || pipelines.length < LIST_FROM) return undefined;
    const listed = await this.listStatuses(pipelines.length);
    if (listed === undefined) return undefined;
    return new Set(pipelines.filter((p) => !listed.has(p) || Boolean(listed.get(p)?.deployment_error)));
  }

  /**
   * Exactly once, as Feldera's own clients do it: an old error is dismissed by a call of its own, then
   * the start is sent with dismiss_error=false. A repeated start (after a lost answer) can then only be
   * a no-op or a refusal, never a second deployment that wipes the first one's error. `toDismiss`: the
   * pipelines a status list showed with an error; the others skip the dismiss (see sendStart for an
   * error that appears after the list was read).
   */
  private async triggerOne(pipeline: string, toDismiss: Set<string> | undefined): Promise<TriggerOutcome<FelderaData>> {
    const requests = this.triggerRequests(pipeline);
    // The last call starts (or activates) the pipeline; a dismiss before it has its own waiting rule.
    const start = requests.pop();
    if (start === undefined) throw new Error(`no request to send for ${pipeline}`);
    if (this.config.operation === 'activate') {
      await this.client.send(start);
    } else {
      const listedWithoutError = requests.length > 0 && toDismiss !== undefined && !toDismiss.has(pipeline);
      if (requests.length > 0 && !listedWithoutError) await dismissError(this.starting, pipeline);
      await sendStart(this.starting, pipeline, start, listedWithoutError);
    }
    return { pipeline, run: this.handle(pipeline) };
  }

  async observe(runs: FelderaHandle[]): Promise<Array<Observation<FelderaDetails> | Error>> {
    const listed = runs.length >= LIST_FROM && this.listing ? await this.listStatuses(runs.length) : undefined;
    return mapConcurrent(runs, FAN_OUT_LIMIT, (r) => this.observeOne(r, listed?.get(r.pipeline)).catch(toError));
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

  async liveLogs(runs: FelderaHandle[]): Promise<LiveLog<FelderaData>[]> {
    return (await import('./live-log.ts')).felderaLiveLogs(this.client, runs);
  }

  /** `listed`: the pipeline's entry in this round's list call; a pipeline missing from it is asked directly. */
  private async observeOne(run: FelderaHandle, listed?: PipelineStatus): Promise<FelderaObservation> {
    const name = run.pipeline;
    // What the start asked for, from the handle: the same whether this step or an earlier one started it.
    const target = capitalize(run.data.initial) as FelderaTarget;
    const status = listed ?? (await this.client.status(name));
    const obs = classifyPipeline(status, target, run.data.operation);
    if (!isKnownStatus(obs.status)) this.warnOnce(name, obs);
    if (obs.status === 'AwaitingApproval' && obs.phase === 'success') {
      obs.warning = (await reports()).describeApproval(name, status.deployment_runtime_status_details);
    }
    if (obs.phase === 'failure' && COMPILE_FAILED.has(obs.details.programStatus)) {
      const full = await this.client.programError(name).catch(() => undefined);
      if (full) {
        const report = (await reports()).describeProgramError(full);
        obs.message = `${obs.message ?? ''}\n${report.message}`.trim();
        if (report.warning !== undefined) obs.warning = report.warning;
      }
    }
    return obs;
  }

  /** An unknown status is warned about the first time each pipeline shows it. */
  private warnOnce(name: string, obs: FelderaObservation): void {
    const key = `${name}\u0000${obs.status}`;
    if (this.warnedUnknown.has(key)) delete obs.warning;
    else this.warnedUnknown.add(key);
  }

  /** The calls a trigger sends, in order: a separate dismiss first where asked, then the start (or the activate). */
  private triggerRequests(pipeline: string): HttpRequest[] {
    const { operation, initial, bootstrapPolicy, dismissError } = this.config;
    if (operation === 'activate') {
      // Running is activate's default: omitting it keeps the request within the published API description,
      // which types this parameter with PascalCase names although the server reads lower case.
      return [this.client.activateRequest(pipeline, initial === 'running' ? undefined : initial)];
    }
    const start = this.client.startRequest(pipeline, {
      initial,
      ...(bootstrapPolicy ? { bootstrap_policy: bootstrapPolicy } : {}),
      dismiss_error: 'false',
    });
    return dismissError ? [this.client.dismissErrorRequest(pipeline), start] : [start];
  }

  private handle(pipeline: string): FelderaHandle {
    const url = `${this.base.href.replace(/\/+$/, '')}/pipelines/${encodeURIComponent(pipeline)}/`;
    const data = { operation: this.config.operation, initial: this.config.initial };
    return { version: HANDLE_VERSION, provider: 'feldera', pipeline, runId: pipeline, url, data };
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
