/**
 * Alibaba Cloud Elasticsearch, Logstash pipelines: one RunPipelines call deploys every requested
 * pipeline (which restarts the instance), then the wait reads the instance and its pipelines once
 * per poll, however many pipelines there are. A "run" is the pipeline's deploy; its id is the
 * pipeline id, since the API has no run object.
 */
import { ProviderError, errorMessage } from '../../errors.ts';
import { derivedToken, readSettings } from './settings.ts';
import { formatDuration } from '../../parse.ts';
import type { StepOutputsOf } from '../registry.ts';
import { logstashInProgress } from './in-progress.ts';
import {
  type EndedRun,
  type InProgressRuns,
  type LiveLog,
  type LogSource,
  type Observation,
  type Provider,
  type ProviderContext,
  type RequestPreview,
  type TriggerResult,
} from '../types.ts';
import { requestPreview, runHandle } from '../shared.ts';
import { LogstashClient } from './client.ts';
import { credentialSource, type CredentialSource } from './credentials.ts';
import type { LogstashData, LogstashHandle, PipelineItem } from './schemas.ts';
import { LOG_LEAD_MS, logstashLogSources } from './logs.ts';
import { classifyRun, isUpdated, type Classified, type LogstashDetails, type RunView } from './status.ts';
import type { Clock } from '../../clock.ts';
import type { Logger } from '../../log.ts';
import type { StepContext } from '../../step-context.ts';

/** Lines of the instance's error log quoted in a failed run's message. */
const LOG_LINES = 10;

export function stepOutputs(
  _first: LogstashHandle | undefined,
  requestId: string | undefined,
): StepOutputsOf<'alibaba-logstash'> {
  return requestId === undefined ? {} : { 'request-id': requestId };
}

export function createProvider(ctx: ProviderContext<LogstashData>): Provider<LogstashData, LogstashDetails> {
  const { given, instanceId, region, base, clientToken } = readSettings(ctx);
  const { clock } = ctx.step;
  const source = credentialSource(given, {
    env: ctx.env,
    http: ctx.http,
    clock,
    log: ctx.log,
    secret: (value) => ctx.secret(value),
    region,
    allowInsecureHttp: ctx.settings['allow-insecure-http'],
    runId: ctx.workflow.runId,
  });
  const client = new LogstashClient({ base, instanceId, http: ctx.http, credentials: source.get, clock });
  return new LogstashProvider({
    client,
    source,
    instanceId,
    clientToken,
    clock,
    log: ctx.log,
    step: ctx.step,
    preCheckMs: ctx.settings.timeout,
    pollMs: ctx.settings['poll-interval'],
    logLines: ctx.settings['log-lines'],
  });
}

interface ProviderParts {
  client: LogstashClient;
  source: CredentialSource;
  instanceId: string;
  clientToken: string;
  clock: Clock;
  log: Logger;
  /** Its deadline bounds the wait for an `activating` instance; its job-cancel signal ends that wait. */
  step: StepContext;
  /** The step's `timeout`, named when that wait runs out. */
  preCheckMs: number;
  pollMs: number;
  /** `log-lines`: the instance log is read no further back than this many lines. */
  logLines: number;
}

class LogstashProvider implements Provider<LogstashData, LogstashDetails> {
  readonly name = 'alibaba-logstash' as const;
  private readonly parts: ProviderParts;
  /** Set once the instance was seen in another state than `active` after the trigger. */
  private leftActive = false;
  /** Set once a pipeline of this deploy was seen RUNNING with a new update time. */
  private deployEnded = false;
  /** This step sent the deploy; otherwise it waits for an earlier step's (`runs`), maybe long over. */
  private triggeredHere = false;
  /** A later job: when a poll first saw the instance `active` and a pipeline's update time moved. */
  private updateSeenAt: number | undefined;
  private stopBatch: { ids: string[]; done: Promise<void> } | undefined;
  /** A deploy in progress on the instance (`if-running`); a wait follows it as it would its own. */
  readonly inProgress: InProgressRuns<LogstashData>;
  constructor(parts: ProviderParts) {
    this.parts = parts;
    this.inProgress = logstashInProgress(parts.client, (p) => this.handle(p, undefined, parts.clock.now()));
  }

  async preview(pipelines: string[]): Promise<RequestPreview[]> {
    await this.parts.source.get();
    const run = this.parts.client.runPipelinesRequest(pipelines, this.parts.clientToken);
    const instanceUrl = run.url.href.replace(/\/pipelines\/action\/run\?.*$/, '');
    return [
      { pipeline: 'pre-check', method: 'GET', url: instanceUrl },
      { pipeline: 'pre-check', method: 'GET', url: `${instanceUrl}/pipelines?page=1&size=200` },
      requestPreview(pipelines.join(', '), run),
    ];
  }

  /**
   * DescribeLogstash and ListPipeline, signed like the deploy: the credentials work, the instance
   * exists in this region, and so does every pipeline. Deploys nothing.
   */
  async verify(pipelines: string[]): Promise<void> {
    this.parts.log.info(`signing with ${this.parts.source.origin}`);
    const [, items] = await Promise.all([this.parts.client.describeLogstash(), this.parts.client.listPipelines()]);
    assertAllExist(pipelines, new Map(items.map((i) => [i.pipelineId, i])), this.parts.instanceId);
  }

  async trigger(pipelines: string[]): Promise<TriggerResult<LogstashData>> {
    this.parts.log.info(`signing with ${this.parts.source.origin}`);
    await this.waitUntilActive();
    const before = new Map((await this.parts.client.listPipelines()).map((i) => [i.pipelineId, i]));
    assertAllExist(pipelines, before, this.parts.instanceId);
    const triggeredAt = this.parts.clock.now();
    this.triggeredHere = true;
    const requestId = await this.parts.client.runPipelines(pipelines, this.parts.clientToken);
    const outcomes = pipelines.map((pipeline) => ({
      pipeline,
      run: this.handle(pipeline, before.get(pipeline), triggeredAt),
    }));
    return { outcomes, ...(requestId !== undefined ? { requestId } : {}) };
  }

  /** One DescribeLogstash and one ListPipeline, whatever the number of runs. */
  async observe(runs: LogstashHandle[]): Promise<Array<Observation<LogstashDetails> | Error>> {
    const [instance, items] = await Promise.all([this.parts.client.describeLogstash(), this.parts.client.listPipelines()]);
    const byId = new Map(items.map((i) => [i.pipelineId, i]));
    const views: RunView[] = runs.map((r) => ({
      pipeline: r.pipeline,
      item: byId.get(r.pipeline),
      updatedBefore: r.data.updatedBefore,
      statusBefore: r.data.statusBefore,
    }));
    if (instance.status !== 'active') this.leftActive = true;
    else if (views.some((view) => isUpdated(view) && view.item?.pipelineStatus === 'RUNNING')) this.deployEnded = true;
    const poll = {
      instanceId: this.parts.instanceId,
      instanceStatus: instance.status,
      leftActive: this.leftActive,
      settled: this.leftActive || this.deployEnded || this.settledBeforeThisJob(instance.status, views),
    };
    const seen = views.map((view) => classifyRun(poll, view));
    if (seen.some((o) => o.wantsErrorLog)) await this.appendErrorLog(seen, runs);
    return seen.map(({ wantsErrorLog: _, ...obs }) => obs);
  }

  /**
   * A wait in a later job (`runs`) may begin after the restart is over, so it never sees the instance
   * leave `active`. There the deploy counts as settled once the instance is `active` and a pipeline's
   * update time moved past the trigger's (the handle's `updatedBefore`), on a poll at least one poll
   * interval after the first poll that saw both: a restart that was only beginning has had that long
   * to show `activating`, which resets the wait.
   */
  private settledBeforeThisJob(instanceStatus: string, views: RunView[]): boolean {
    if (this.triggeredHere) return false;
    const now = this.parts.clock.now();
    if (instanceStatus !== 'active' || !views.some(isUpdated)) {
      this.updateSeenAt = undefined;
      return false;
    }
    this.updateSeenAt ??= now;
    return now - this.updateSeenAt >= this.parts.pollMs;
  }

  /** The log belongs to the instance: read once for the whole deploy. */
  readonly logScope = 'step';

  logs(runs: EndedRun<LogstashData>[]): LogSource[] {
    return logstashLogSources(this.parts.client, runs, () => this.parts.clock.now(), this.parts.logLines);
  }

  async liveLogs(runs: LogstashHandle[]): Promise<LiveLog<LogstashData>[]> {
    return (await import('./live-log.ts')).logstashLiveLogs(this.parts.client, runs, () => this.parts.clock.now());
  }

  /** The engine cancels run by run; the stops of one moment go out as one StopPipelines call. */
  cancel(run: LogstashHandle): Promise<void> {
    if (this.stopBatch === undefined) {
      const batch: { ids: string[]; done: Promise<void> } = { ids: [], done: Promise.resolve() };
      batch.done = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        this.stopBatch = undefined;
        const token = derivedToken(run.data.clientToken, 'stop', batch.ids);
        await this.parts.client.stopPipelines(batch.ids, token);
      });
      this.stopBatch = batch;
    }
    this.stopBatch.ids.push(run.pipeline);
    return this.stopBatch.done;
  }

  private async waitUntilActive(): Promise<void> {
    const { clock, log, instanceId } = this.parts;
    const { deadline, signal } = this.parts.step;
    let gap = 1000;
    for (;;) {
      const { status } = await this.parts.client.describeLogstash();
      if (status === 'active') return;
      if (status === 'inactive' || status === 'invalid') {
        throw new ProviderError({
          message: `instance ${instanceId} is ${status} and takes no pipeline changes; nothing was deployed`,
        });
      }
      if (clock.now() + gap > deadline) {
        throw new ProviderError({
          message: `instance ${instanceId} was still ${status} after ${formatDuration(this.parts.preCheckMs)}; nothing was deployed`,
        });
      }
      log.info(`instance ${instanceId} is ${status} (another change is taking effect); waiting before deploying`);
      await clock.sleep(gap, signal);
      gap = Math.min(gap * 2, this.parts.pollMs);
    }
  }

  private async appendErrorLog(seen: Classified[], runs: LogstashHandle[]): Promise<void> {
    const since = Math.min(...runs.map((r) => r.data.triggeredAt)) - LOG_LEAD_MS;
    let text: string;
    try {
      const lines = await this.parts.client.errorLog(since, this.parts.clock.now());
      text = lines.length
        ? `recent instance errors:\n${lines
            .slice(-LOG_LINES)
            .map((l) => `  ${l.content ?? ''}`.trimEnd())
            .join('\n')}`
        : 'the instance logged no errors in that time';
    } catch (err) {
      text = `(its error log could not be read: ${errorMessage(err)})`;
    }
    for (const o of seen) if (o.wantsErrorLog) o.message = `${o.message ?? ''}; ${text}`;
  }

  private handle(pipeline: string, before: PipelineItem | undefined, triggeredAt: number): LogstashHandle {
    const data: LogstashData = {
      instanceId: this.parts.instanceId,
      clientToken: this.parts.clientToken,
      triggeredAt,
      ...(before?.gmtUpdateTime !== undefined ? { updatedBefore: before.gmtUpdateTime } : {}),
      ...(before?.pipelineStatus !== undefined ? { statusBefore: before.pipelineStatus } : {}),
    };
    return runHandle('alibaba-logstash', { pipeline, runId: pipeline, data });
  }
}

function assertAllExist(pipelines: string[], existing: Map<string, PipelineItem>, instanceId: string): void {
  const missing = pipelines.filter((p) => existing.get(p) === undefined || existing.get(p)?.pipelineStatus === 'DELETED');
  if (missing.length === 0) return;
  const known = [...existing.values()].filter((i) => i.pipelineStatus !== 'DELETED').map((i) => i.pipelineId);
  throw new ProviderError({
    message:
      `instance ${instanceId} has no pipeline ${missing.join(', ')}; nothing was deployed ` +
      `(it has: ${known.slice(0, 20).join(', ') || 'none'})`,
  });
}
