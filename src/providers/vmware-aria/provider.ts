/**
 * VMware Aria Automation Pipelines (Code Stream) adapter: executes each pipeline once with the
 * given input, then follows the execution until a final status. The run id is the execution id;
 * its index and absolute link travel in the handle for the step outputs.
 */
import { parseRef, readSettings } from './settings.ts';
import { FAN_OUT_LIMIT, mapConcurrent } from '../../concurrency.ts';
import { joinUrl } from '../../endpoint.ts';
import { ProviderError, errorMessage, toError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { StepOutputsOf } from '../registry.ts';
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
  type WorkflowContext,
} from '../types.ts';
import { requestPreview, runHandle, workflowRunUrl } from '../shared.ts';
import { AriaAuth } from './auth.ts';
import { AriaClient, executionPath, type ExecutionRequest, type PipelineRef } from './client.ts';
import type { AriaData, AriaHandle, ExecutionResponse } from './schemas.ts';
import { ariaInProgress } from './in-progress.ts';
import type { PolledExecutions } from './live-log.ts';
import { ariaLogSources, ariaStageSpans } from './logs.ts';
import { classifyExecution, type AriaDetails } from './status.ts';

export function stepOutputs(first: AriaHandle | undefined): StepOutputsOf<'vmware-aria'> {
  if (first === undefined) return {};
  return {
    executionId: first.runId,
    executionIndex: first.data.executionIndex === null ? '' : String(first.data.executionIndex),
    executionLink: first.url ?? '',
  };
}

export function createProvider(ctx: ProviderContext): Provider<AriaData, AriaDetails> {
  const { base, creds, body } = readSettings(ctx);
  const auth = new AriaAuth(base, creds, ctx.http, (s) => ctx.secret(s));
  return new AriaProvider(new AriaClient(base, ctx.http, auth), auth, base, body, ctx.workflow, ctx.log);
}

class AriaProvider implements Provider<AriaData, AriaDetails> {
  readonly name = 'vmware-aria' as const;
  private readonly client: AriaClient;
  private readonly auth: AriaAuth;
  private readonly base: URL;
  private readonly body: ExecutionRequest;
  private readonly workflow: WorkflowContext;
  private readonly log: Logger;
  /** Its pipelines' executions in progress (`if-running`). */
  readonly inProgress: InProgressRuns<AriaData>;
  /** The executions the polls read, kept for the live log only once it asked (`logs: live`, `logs-dir`). */
  private polled: PolledExecutions | undefined;

  constructor(client: AriaClient, auth: AriaAuth, base: URL, body: ExecutionRequest, w: WorkflowContext, log: Logger) {
    this.client = client;
    this.log = log;
    this.auth = auth;
    this.base = base;
    this.body = body;
    this.workflow = w;
    this.inProgress = ariaInProgress({
      client,
      ref: parseRef,
      handle: (pipeline, id, link, index) =>
        this.handle(pipeline, { executionId: id, executionLink: link ?? executionPath(id) }, index),
    });
  }

  /** Shows each execute call with its body (comments, input, tags: no credentials); executes nothing. */
  preview(pipelines: string[]): Promise<RequestPreview[]> {
    return Promise.resolve(
      pipelines.map((p) => {
        const req = this.client.executeRequest(this.ref(p), this.body);
        return requestPreview(p, req);
      }),
    );
  }

  /**
   * Logs in (the credentials work) and reads each pipeline (it exists, this user sees it, and it is
   * enabled, since a disabled pipeline refuses executions). Starts nothing.
   */
  async verify(pipelines: string[]): Promise<void> {
    await this.auth.token();
    const found = await mapConcurrent(pipelines, FAN_OUT_LIMIT, async (p) => ({
      p,
      def: await this.client.pipeline(this.ref(p)),
    }));
    const disabled = found.filter(({ def }) => def.enabled === false).map(({ p }) => p);
    if (disabled.length > 0) {
      throw new ProviderError({
        message: `pipeline ${disabled.join(', ')} is disabled: enable it in Aria Automation before running`,
      });
    }
  }

  async trigger(pipelines: string[]): Promise<TriggerResult<AriaData>> {
    // One login up front, so parallel executes do not each start their own.
    await this.auth.token();
    const outcomes = await mapConcurrent(pipelines, FAN_OUT_LIMIT, (p) => this.executeOne(p));
    return { outcomes };
  }

  async observe(runs: AriaHandle[]): Promise<Array<Observation<AriaDetails> | Error>> {
    return mapConcurrent(runs, FAN_OUT_LIMIT, (r) => this.observeOne(r).catch((e: unknown) => toError(e)));
  }

  async cancel(run: AriaHandle): Promise<void> {
    await this.client.cancel(run.runId, this.cancelReason());
  }

  logs(runs: EndedRun<AriaData>[]): LogSource[] {
    return ariaLogSources(this.client, runs);
  }

  async liveLogs(runs: AriaHandle[]): Promise<LiveLog<AriaData>[]> {
    this.polled ??= new Map();
    return (await import('./live-log.ts')).ariaLiveLogs(runs, this.polled);
  }

  private async executeOne(pipeline: string): Promise<TriggerOutcome<AriaData>> {
    let res: ExecutionResponse;
    try {
      res = await this.client.execute(this.ref(pipeline), this.body);
    } catch (err) {
      return { pipeline, error: toError(err) };
    }
    return { pipeline, run: this.handle(pipeline, res, await this.executionIndex(res)) };
  }

  /**
   * The execute answer may carry a placeholder index: the vRA 8.11 programming guide shows
   * `"executionIndex": 0` although executions are numbered from 1. The execution itself has the real
   * number, so it is read once (also with `wait: false`) when the answer has none. The run has
   * started either way, so a failed read only leaves the index empty.
   */
  private async executionIndex(res: ExecutionResponse): Promise<number | undefined> {
    if (res.executionIndex !== undefined && res.executionIndex > 0) return res.executionIndex;
    try {
      return await this.client.executionIndex(res.executionId);
    } catch (err) {
      this.log.warning(`execution ${res.executionId}: could not read its index: ${errorMessage(err)}`);
      return undefined;
    }
  }

  private async observeOne(run: AriaHandle): Promise<Observation<AriaDetails>> {
    const e = await this.client.execution(run.runId);
    this.polled?.set(run.runId, e);
    const { details, ...obs } = classifyExecution(e);
    return {
      ...obs,
      details: {
        executionId: e.id,
        executionIndex: e.index ?? run.data.executionIndex,
        executionLink: run.url ?? null,
        ...details,
      },
      stages: ariaStageSpans(e),
    };
  }

  private handle(pipeline: string, res: ExecutionResponse, index: number | undefined): AriaHandle {
    const link = absoluteLink(this.base, res.executionLink || executionPath(res.executionId));
    const executionIndex = index ?? null;
    return runHandle('vmware-aria', { pipeline, runId: res.executionId, url: link, data: { executionIndex } });
  }

  /** Pipeline ids were checked when the provider was created, so this cannot throw here. */
  private ref(pipeline: string): PipelineRef {
    return parseRef(pipeline);
  }

  private cancelReason(): string {
    const url = workflowRunUrl(this.workflow);
    return `Cancelled by GitHub Actions${url === undefined ? '' : ` run ${url}`} (job cancelled or timed out)`;
  }
}

/** `executionLink` is host-relative (`/codestream/api/executions/…`); keep any path prefix of the endpoint. */
function absoluteLink(base: URL, link: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  return joinUrl(base, link.startsWith('/') ? link : `/${link}`).href;
}
