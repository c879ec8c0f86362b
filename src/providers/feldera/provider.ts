/**
 * Feldera adapter: starts (or activates) pipelines with an initial state and waits until each
 * reaches it. A "run" is the pipeline's deployment; its id is the pipeline name, since Feldera
 * has no run object (the deployment id is reported in `runs` once known).
 */
import { readSettings, type FelderaConfig } from './settings.ts';
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import type { HttpRequest } from '../../http.ts';
import { NetworkError, ProviderError, toError } from '../../errors.ts';
import { felderaInProgress } from './in-progress.ts';
import {
  type EndedRun,
  type InProgressRuns,
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
import type { FelderaData, FelderaHandle, PipelineStatus } from './schemas.ts';
import { dismissError, sendStart, stepWaits, type StartContext, type StepWaits } from './start.ts';
import {
  COMPILE_FAILED,
  classifyPipeline,
  isKnownStatus,
  type FelderaDetails,
  type FelderaObservation,
  type FelderaTarget,
} from './status.ts';
import { decideActivate } from './activate.ts';
import { DISMISS_ERROR_SINCE, describeServer, olderThan, type ServerInfo } from './server.ts';
import { onDemand, requestPreview, runHandle } from '../shared.ts';
import { checkActivateEdition, checkRole, checkStartSupported, noteUndismissable } from './checks.ts';

/** The approval and compiler reports read details with zod: loaded when a run first needs one. */
const reports = onDemand(() => import('./report.ts'));

export function createProvider(ctx: ProviderContext): Provider<FelderaData, FelderaDetails> {
  const { config, base, apiKey, tenant } = readSettings(ctx);
  const client = new FelderaClient({ base, apiKey, tenant, http: ctx.http });
  return new FelderaProvider(client, config, base, stepWaits(ctx));
}

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
  /** `GET /v0/config`, read at most once a step; undefined inside when it could not be read. */
  private serverRead: Promise<ServerInfo | undefined> | undefined;
  /** Its pipelines' deployments in progress (`if-running`); a wait follows one to the requested state. */
  readonly inProgress: InProgressRuns<FelderaData>;
  constructor(client: FelderaClient, config: FelderaConfig, base: URL, waits: StepWaits) {
    this.client = client;
    this.inProgress = felderaInProgress(client, config.operation, (pipeline) => this.handle(pipeline));
    this.config = config;
    this.base = base;
    this.waits = waits;
    this.starting = { client, waits, target: capitalize(config.initial) as FelderaTarget };
  }

  /** What the trigger would send; a server version read by `verify` drops a dismiss it would skip. */
  async preview(pipelines: string[]): Promise<RequestPreview[]> {
    const server = this.serverRead ? await this.serverRead : undefined;
    return pipelines.flatMap((p) => this.triggerRequests(p, server).map((req) => requestPreview(p, req)));
  }

  /**
   * The key's role must allow a start; reading each pipeline's status proves it exists. The server's
   * version is read only where it decides something: a session answer without roles, or an activate
   * (the open-source edition has none). A session with roles means v0.327.0 or later, which has every
   * call the trigger sends.
   */
  async verify(pipelines: string[]): Promise<void> {
    const checks = { client: this.client, log: this.waits.log, serverInfo: () => this.serverInfo() };
    await checkRole(checks);
    if (this.config.operation === 'activate') await checkActivateEdition(checks);
    if (this.serverRead) checkStartSupported(this.config, await this.serverRead);
    await mapConcurrent(pipelines, FAN_OUT_LIMIT, (p) => this.client.status(p));
  }

  /**
   * The manager's version and edition, read once a step (`GET /v0/config`, as Feldera's Python SDK reads
   * it) and logged; undefined when the server answered without them, and the step then goes on as with
   * a current server. A server that could not be reached at all (after the usual retries) fails the
   * step's calls here: every other call would meet the same, after as many retries again.
   */
  private serverInfo(): Promise<ServerInfo | undefined> {
    this.serverRead ??= this.client.serverInfo().then(
      (server) => {
        this.waits.log.info(describeServer(server));
        return server;
      },
      (err: unknown) => {
        if (err instanceof NetworkError) throw err;
        this.waits.log.info(`the Feldera version is unknown (${toError(err).message}); the step assumes a current one`);
        return undefined;
      },
    );
    return this.serverRead;
  }

  async trigger(pipelines: string[]): Promise<TriggerResult<FelderaData>> {
    const [server, toDismiss] = await Promise.all([this.serverInfo(), this.pipelinesToDismiss(pipelines)]);
    checkStartSupported(this.config, server);
    this.starting.server = server;
    noteUndismissable(this.config, server, this.waits.log);
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
    const requests = this.triggerRequests(pipeline, this.starting.server);
    // The last call starts (or activates) the pipeline; a dismiss before it has its own waiting rule.
    const start = requests.pop();
    if (start === undefined) throw new Error(`no request to send for ${pipeline}`);
    if (this.config.operation === 'activate') {
      await this.activate(pipeline, start);
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

  /**
   * `/activate` is forwarded to any provisioned pipeline, and Running and Paused may move to each other
   * there (runtime_status.rs), so it would pause or resume a live pipeline: the status is read first, and
   * only a pipeline in Standby is activated (activate.ts).
   */
  private async activate(pipeline: string, request: HttpRequest): Promise<void> {
    const state = await this.client.deploymentState(pipeline);
    const decision = decideActivate(pipeline, state, this.starting.target);
    if (decision.kind === 'activate') {
      await this.client.send(request);
    } else if (decision.kind === 'already') {
      this.waits.log.notice(decision.text, pipeline);
    } else {
      throw new ProviderError({ message: decision.text });
    }
  }

  /**
   * The calls a trigger sends, in order: a separate dismiss first where asked (and where the server has
   * it: v0.251.0 on), then the start (or the activate).
   */
  private triggerRequests(pipeline: string, server: ServerInfo | undefined): HttpRequest[] {
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
    const canDismiss = !olderThan(server, DISMISS_ERROR_SINCE);
    return dismissError && canDismiss ? [this.client.dismissErrorRequest(pipeline), start] : [start];
  }

  private handle(pipeline: string): FelderaHandle {
    const url = `${this.base.href.replace(/\/+$/, '')}/pipelines/${encodeURIComponent(pipeline)}/`;
    const data = { operation: this.config.operation, initial: this.config.initial };
    return runHandle('feldera', { pipeline, runId: pipeline, url, data });
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
