/**
 * Exactly-once starts, as Feldera's own SDK and CLI do them: an old deployment error is dismissed by a
 * call of its own (waiting for a failed deployment to finish stopping), and the start is sent with
 * dismiss_error=false; a refused start is explained from the pipeline's status.
 */
import type { Clock } from '../../clock.ts';
import { ProviderError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { HttpRequest } from '../../http.ts';
import { formatDuration } from '../../parse.ts';
import type { ProviderContext } from '../types.ts';
import { onDemand } from '../shared.ts';
import type { FelderaClient } from './client.ts';
import { DISMISS_ERROR_SINCE, formatVersion, type ServerInfo } from './server.ts';
import { nextStep, sameStatus, type FelderaTarget } from './status.ts';

/** The compiler report reads `program_error` with zod: loaded only when a start is refused for it. */
const reports = onDemand(() => import('./report.ts'));

/** What a start needs to wait for a stopping pipeline within the step's timeout, and to report. */
export interface StepWaits {
  log: Logger;
  clock: Clock;
  deadline: number;
  timeoutMs: number;
  pollIntervalMs: number;
  signal?: AbortSignal;
}

export interface StartContext {
  client: FelderaClient;
  waits: StepWaits;
  target: FelderaTarget;
  /** The server's version once the trigger read it; undefined while unknown (server.ts). */
  server?: ServerInfo | undefined;
  /** Set once a dismiss met an empty 404 from a server of unknown version: no more are sent. */
  dismissMissing?: boolean;
}

/** Start refusals that mean a deployment error is set, or the pipeline is stopping after one. */
const REFUSED_FOR_ERROR = new Set(['CannotStartWithUndismissedError', 'IllegalPipelineAction']);
/** Start refusals of a pipeline deployed with another initial state or bootstrap config. */
const DEPLOYED_OTHERWISE = new Set(['InitialImmutableUnlessStopped', 'BootstrapPolicyImmutableUnlessStopped']);
/** First gap between dismiss attempts while the failed deployment stops. */
const DISMISS_RETRY_MS = 250;

/** The step's clock, deadline and job-cancel signal, from the step context. */
export function stepWaits(ctx: ProviderContext): StepWaits {
  const { clock, deadline, pollIntervalMs, signal } = ctx.step;
  return { log: ctx.log, clock, deadline, timeoutMs: ctx.settings.timeout, pollIntervalMs, signal };
}

/**
 * `POST /dismiss_error` is refused (DismissErrorRestrictedToFullyStopped) while a failed deployment is
 * still stopping: wait for the stop and try again, within the step's timeout.
 */
export async function dismissError(ctx: StartContext, pipeline: string): Promise<void> {
  const { client, waits } = ctx;
  const { clock, log, deadline } = waits;
  let gap = DISMISS_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    if (ctx.dismissMissing) return;
    try {
      await client.send(client.dismissErrorRequest(pipeline));
      return;
    } catch (err) {
      if (isMissingRoute(err) && ctx.server === undefined) return noDismissRoute(ctx);
      if (!(err instanceof ProviderError) || err.code !== 'DismissErrorRestrictedToFullyStopped') throw err;
      if (clock.now() + gap > deadline) {
        throw refinedError(
          err,
          `${err.providerMessage} It was still stopping with too little of the timeout of ${formatDuration(waits.timeoutMs)} left to wait longer, so it was not started.`,
        );
      }
      if (attempt === 1)
        log.info(`${pipeline}: its last deployment failed and is still stopping; its error is dismissed once it has stopped`);
      await clock.sleep(gap, waits.signal);
      gap = Math.min(gap * 2, waits.pollIntervalMs);
    }
  }
}

/**
 * The `/v0` scope answers a route it does not have with an empty 404 (api/main.rs sets no default
 * service); an unknown pipeline gets 404 UnknownPipelineName, with a body.
 */
function isMissingRoute(err: unknown): boolean {
  return err instanceof ProviderError && err.status === 404 && err.code === undefined;
}

/**
 * A manager older than v0.251.0 has no /dismiss_error (and no dismiss_error on /start): a new
 * deployment replaces the old error there. Said once; the other pipelines skip the dismiss.
 */
function noDismissRoute(ctx: StartContext): void {
  if (ctx.dismissMissing) return;
  ctx.dismissMissing = true;
  ctx.waits.log.notice(
    `this Feldera has no POST /dismiss_error (an empty 404; it came in ${formatVersion(DISMISS_ERROR_SINCE)} and the server's version could not be read): pipelines are started without dismissing an earlier error first`,
  );
}

/**
 * Sends a start (dismiss_error=false) and explains a refusal from the pipeline's status.
 *
 * `undismissed`: no dismiss was sent because the status list, read just before a wide trigger, showed
 * no deployment error. If one appeared since (a running deployment failed on its own), the start is
 * refused for it (CannotStartWithUndismissedError, or IllegalPipelineAction while it stops). When that
 * refusal answered the first attempt, no start of this step has reached the server, so the error
 * predates this start just as one a dismiss finds does: it is dismissed (waiting for the stop) and the
 * start sent once more, which is what a single pipeline's dismiss-then-start would have done. A refusal
 * that answered a repeat may be about this step's own deployment, so it is reported, never dismissed.
 */
export async function sendStart(ctx: StartContext, pipeline: string, start: HttpRequest, undismissed: boolean): Promise<void> {
  const res = await ctx.client.answer(start);
  try {
    await ctx.client.check(res);
  } catch (err) {
    const code = err instanceof ProviderError ? err.code : undefined;
    if (undismissed && res.attempts === 1 && code !== undefined && (await refusedForNewError(ctx, pipeline, code))) {
      ctx.waits.log.info(
        `${pipeline}: the start was refused with ${code} (a deployment error appeared after the status list was read); the error is dismissed and the start sent once more`,
      );
      await dismissError(ctx, pipeline);
      return sendStart(ctx, pipeline, start, false);
    }
    await explainRefusedStart(ctx, pipeline, err);
  }
}

/**
 * CannotStartWithUndismissedError means an error is set. IllegalPipelineAction only that the pipeline is
 * stopping: after a failure, or because someone stops it, which a start must not undo; the status tells.
 */
async function refusedForNewError({ client }: StartContext, pipeline: string, code: string): Promise<boolean> {
  if (code === 'CannotStartWithUndismissedError') return true;
  if (code !== 'IllegalPipelineAction') return false;
  const s = await client.status(pipeline).catch(() => undefined);
  return Boolean(s?.deployment_error);
}

/**
 * Reads the status after a refused start. Returns when the pipeline is where it was asked to be anyway
 * (deployed with another initial state or policy, and in the target state: it counts as started);
 * otherwise throws the reason: the deployment error the pipeline shows, or the server's refusal with
 * the pipeline's state.
 */
async function explainRefusedStart({ client, waits, target }: StartContext, pipeline: string, err: unknown): Promise<void> {
  if (!(err instanceof ProviderError) || err.code === undefined) throw err;
  const code = err.code;
  if (code === 'CannotStartWithCompilationError') return explainCompilationError(client, waits, pipeline, err);
  if (!REFUSED_FOR_ERROR.has(code) && !DEPLOYED_OTHERWISE.has(code)) throw err;
  const s = await client.status(pipeline).catch(() => undefined);
  if (s === undefined) throw err;
  const state = `the pipeline is ${s.deployment_status} (desired ${s.deployment_desired_status})`;
  const e = s.deployment_error;
  if (REFUSED_FOR_ERROR.has(code)) {
    if (!e) throw refinedError(err, `${err.providerMessage} (${state})`);
    // The deployment error's own code leads: it is why the pipeline did not start.
    throw new ProviderError({
      code: e.error_code,
      message: `${e.message}${compilerError(e.details)} (the start was refused with ${code} because of this deployment error)`,
    });
  }
  if (!sameStatus(s.deployment_status, target)) {
    // Deployed paused and asked to run: /resume does it (status.ts nextStep), as it does for a plain no-op start.
    throw refinedError(
      err,
      `${err.providerMessage} (${state}, deployed with initial ${s.deployment_initial ?? 'unknown'}): ${nextStep(pipeline, s.deployment_desired_status, target)}`,
    );
  }
  waits.log.notice(
    `${pipeline} is already ${s.deployment_status}: it was deployed with another initial state or bootstrap policy (${code}), and counts as started`,
    pipeline,
  );
}

/**
 * `/start` refuses a program that failed to compile (resources_status.rs
 * `validate_resources_desired_status_transition`: 400 CannotStartWithCompilationError) with a generic
 * sentence; the compiler's output is in `program_error` (selector=all). It is reported as on the wait
 * path: errors in the message, SQL warnings as a warning of their own.
 */
async function explainCompilationError(
  client: FelderaClient,
  waits: StepWaits,
  pipeline: string,
  err: ProviderError,
): Promise<never> {
  const program = await client.programError(pipeline).catch(() => undefined);
  if (program === undefined) throw err;
  const report = (await reports()).describeProgramError(program);
  if (report.warning !== undefined) waits.log.warning(report.warning, pipeline);
  throw refinedError(err, `${err.providerMessage}\n${report.message}`);
}

/** The same refusal (status, code, request id) with a message that says more. */
function refinedError(err: ProviderError, message: string): ProviderError {
  return new ProviderError({
    message,
    ...(err.status !== undefined ? { status: err.status } : {}),
    ...(err.code !== undefined ? { code: err.code } : {}),
    ...(err.requestId !== undefined ? { requestId: err.requestId } : {}),
  });
}

function compilerError(details: unknown): string {
  if (typeof details !== 'object' || details === null) return '';
  const text = (details as Record<string, unknown>)['compiler_error'];
  return typeof text === 'string' && text !== '' ? ` (${text})` : '';
}
