/**
 * VMware Aria Automation Pipelines (Code Stream), as its API description (vmware/vra-sdk-go
 * swagger/vra-pipeline.json) and the vRA 8.x API Programming Guide describe it:
 * the two login steps, bearer tokens that expire, execute by id or project/name (202 with
 * `ExecutionResponse`), and executions that move through QUEUED, RUNNING, WAITING/PAUSED holds,
 * failed tasks, rollback and cancel on a clock started by the execute call.
 */
import { randomUUID } from 'node:crypto';
import { json, type EmuRequest, type EmuResponse, type ProviderEmulator } from './types.ts';

export interface AriaTaskScenario {
  name: string;
  /** Code Stream task type, e.g. REST, Jenkins, SSH, UserOperation. */
  type?: string;
  /** Running time; default 150 ms. */
  ms?: number;
  /** Ends the task FAILED with this failureMessage. */
  fail?: string;
  /** With `fail`: the task ends FAILED_CONTINUE and the execution goes on. */
  ignoreFailure?: boolean;
  /** Holds the task (and the execution) in WAITING (an approval) or PAUSED before it runs. */
  hold?: 'WAITING' | 'PAUSED';
  /** How long the hold lasts; for ever when absent (only cancel or the timeout end it). */
  holdMs?: number;
  output?: Record<string, unknown>;
}

export interface AriaStageScenario {
  name: string;
  tasks: AriaTaskScenario[];
}

export interface AriaPipelineScenario {
  /** Pipeline id; default a UUID derived from its position. */
  id?: string;
  project?: string;
  queuedMs?: number;
  stages?: AriaStageScenario[];
  /** Pipeline outputs once COMPLETED; `${input.NAME}` is replaced by the execution's input. */
  output?: Record<string, string>;
  /** Declared inputs with their defaults. */
  inputs?: Record<string, string>;
  /** After a failed task: ROLLING_BACK for `ms`, then ROLLBACK_COMPLETED (or ROLLBACK_FAILED). */
  rollback?: { ms?: number; fails?: boolean };
  disabled?: boolean;
  /** The execute call's success status; real servers answer 202. */
  executeStatus?: 200 | 202;
  /** The next N execution requests of this pipeline answer 503. */
  unavailable503?: number;
  /**
   * `executionIndex` in the execute answer: `zero` (default) as in the vRA 8.11 programming guide's
   * example answer (`"executionIndex":0` for a run the execution itself numbers from 1), `real` for
   * the execution's own index, `absent` to leave the field out.
   */
  executeIndex?: 'zero' | 'real' | 'absent';
  /**
   * Executions someone else started (from the UI, another workflow), 10 ms apart: in progress when the
   * step looks, they run like any other from the first list call that sees them (so a test does not
   * depend on how long the step takes to start). Not counted in `executions`.
   */
  runningElsewhere?: number;
  /** The CI workspace's step results (`workspaceResults[] {step, status, logs}`), shown once the execution left the queue. */
  workspace?: Array<{ step: string; status?: string; logs: string[] }>;
  /**
   * A chatty CI step: one more workspace log line this often while the execution runs. That
   * `workspaceResults[].logs` (the swagger's field) grows while the CI task runs is a guess; the pace is ours.
   */
  liveLogEveryMs?: number;
}

export interface AriaScenario {
  /** API (refresh) tokens that `/iaas/api/login` accepts. */
  refreshTokens?: string[];
  /** On-premises users for `/csp/gateway/am/api/login`. */
  users?: Array<{ username: string; password: string; domain?: string }>;
  /** Bearer tokens accepted as they are (a ready `access-token`). */
  accessTokens?: string[];
  /** Lifetime of bearer tokens issued by the login; default 8 h. */
  tokenTtlMs?: number;
  /** Pipelines by name. */
  pipelines?: Record<string, AriaPipelineScenario>;
}

interface PipelineState {
  id: string;
  name: string;
  project: string;
  scenario: AriaPipelineScenario;
  executions: number;
  cancels: number;
  unavailableLeft: number;
}

interface ExecutionState {
  id: string;
  index: number;
  pipeline: PipelineState;
  createdAt: number;
  input: Record<string, string>;
  comments: string;
  tags: string[];
  cancelAt?: number;
  /** `runningElsewhere`: started this long before the first list call that sees it. */
  listClock?: number;
  /** Live log lines counted when the execution was first seen ended: the log stops growing there. */
  liveLines?: number;
}

/** The chatty CI step of `liveLogEveryMs`: a line per interval since the execution began, frozen at its end. */
function liveStep(e: ExecutionState, status: string, now: number): { step: string; status: string; logs: string[] } {
  const every = e.pipeline.scenario.liveLogEveryMs ?? 1000;
  const count = e.liveLines ?? Math.floor((now - e.createdAt) / every);
  if (FINAL.has(status)) e.liveLines = count;
  const logs = Array.from(
    { length: count },
    (_, i) => `${new Date(e.createdAt + (i + 1) * every).toISOString()} live line ${i + 1}`,
  );
  return { step: 'CI_SCRIPT', status: FINAL.has(status) ? status : 'RUNNING', logs: [logs.join('\n')] };
}

const DEFAULT_STAGES: AriaStageScenario[] = [{ name: 'Build', tasks: [{ name: 'Compile', type: 'CI' }] }];
const CANCELING_MS = 150;
const HOLD_MESSAGE: Record<string, string> = { WAITING: 'Waiting for user input.', PAUSED: 'Execution paused.' };
/** The user a cancel is attributed to; the real message names the user who cancelled (vra-cli README). */
const CANCELLED_BY = 'ci-user';
const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'ROLLBACK_COMPLETED', 'ROLLBACK_FAILED']);

/** Code Stream's error body (`CodeStreamException`). */
const csError = (status: number, error: string, message: string, path: string): EmuResponse =>
  json(status, {
    timestamp: new Date().toISOString(),
    path,
    status,
    error,
    message,
    requestId: randomUUID().slice(0, 8),
    '@type': 'com.vmware.cs.exception.CodeStreamException',
  });

export class AriaEmulator implements ProviderEmulator {
  readonly name = 'vmware-aria';
  private scenario: AriaScenario = {};
  private pipelines = new Map<string, PipelineState>();
  private executions = new Map<string, ExecutionState>();
  private tokens = new Map<string, number>();
  private issuedRefreshTokens = new Set<string>();
  private counts = { iaasLogins: 0, passwordLogins: 0, unauthorized: 0 };

  configure(config: AriaScenario | undefined): void {
    this.scenario = config ?? {};
    this.pipelines.clear();
    this.executions.clear();
    this.tokens.clear();
    this.issuedRefreshTokens.clear();
    this.counts = { iaasLogins: 0, passwordLogins: 0, unauthorized: 0 };
    let n = 0;
    const now = Date.now();
    for (const [name, scenario] of Object.entries(this.scenario.pipelines ?? {})) {
      n++;
      const id = scenario.id ?? `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`;
      this.pipelines.set(id, {
        id,
        name,
        project: scenario.project ?? 'Default',
        scenario,
        executions: 0,
        cancels: 0,
        unavailableLeft: scenario.unavailable503 ?? 0,
      });
      const p = this.pipelines.get(id);
      const elsewhere = scenario.runningElsewhere ?? 0;
      for (let k = 0; p && k < elsewhere; k++) this.startedElsewhere(p, now, 10 * (elsewhere - k));
    }
  }

  /** An execution someone else started `agoMs` before the first list; its index counts, its start does not. */
  private startedElsewhere(p: PipelineState, now: number, agoMs: number): void {
    const index = this.indexOf(p) + 1;
    const e: ExecutionState = {
      id: randomUUID(),
      index,
      pipeline: p,
      createdAt: now - agoMs,
      listClock: agoMs,
      input: { ...p.scenario.inputs },
      comments: 'started from the Code Stream UI',
      tags: [],
    };
    this.executions.set(e.id, e);
  }

  /** The pipeline's highest execution index so far, whoever started it. */
  private indexOf(p: PipelineState): number {
    return Math.max(0, ...[...this.executions.values()].filter((e) => e.pipeline === p).map((e) => e.index));
  }

  stats(): Record<string, unknown> {
    const pipelines = Object.fromEntries(
      [...this.pipelines.values()].map((p) => [p.name, { id: p.id, executions: p.executions, cancels: p.cancels }]),
    );
    // `runs`: the counters every provider module has (real runs started, cancel calls), by pipeline name.
    const runs = Object.fromEntries(
      [...this.pipelines.values()].map((p) => [p.name, { starts: p.executions, cancels: p.cancels }]),
    );
    return { ...this.counts, pipelines, runs };
  }

  /** The executions started so far, as GET would show them (for assertions). */
  executionViews(): Array<Record<string, unknown>> {
    return [...this.executions.values()].map((e) => this.view(e, true));
  }

  handle(req: EmuRequest): EmuResponse | undefined {
    if (req.path === '/iaas/api/login') return req.method === 'POST' ? this.iaasLogin(req) : undefined;
    if (req.path === '/csp/gateway/am/api/login') return req.method === 'POST' ? this.passwordLogin(req) : undefined;
    if (!req.path.startsWith('/codestream/api/')) return undefined;
    const denied = this.authenticate(req);
    if (denied) return denied;
    // No source shows a refusal of another apiVersion (the `about` operation lists the supported
    // ones), so the emulator answers every version in the 2019-10-17 shape.
    const exec = /^\/codestream\/api\/pipelines\/([^/]+)(?:\/([^/]+))?\/executions$/.exec(req.path);
    if (exec && req.method === 'GET')
      return this.listExecutions(req, decode(exec[1]), exec[2] === undefined ? undefined : decode(exec[2]));
    if (exec && req.method === 'POST')
      return this.execute(req, decode(exec[1]), exec[2] === undefined ? undefined : decode(exec[2]));
    const def = /^\/codestream\/api\/pipelines\/([^/]+)(?:\/([^/]+))?$/.exec(req.path);
    if (def && req.method === 'GET')
      return this.pipelineView(req, decode(def[1]), def[2] === undefined ? undefined : decode(def[2]));
    const one = /^\/codestream\/api\/executions\/([^/]+)$/.exec(req.path);
    if (one) return this.onExecution(req, decode(one[1]));
    return undefined;
  }

  private iaasLogin(req: EmuRequest): EmuResponse {
    const body = parseBody(req.body);
    const token = typeof body?.['refreshToken'] === 'string' ? body['refreshToken'] : undefined;
    if (token === undefined) return serviceError(400, 'refreshToken is required', '10001');
    const known = (this.scenario.refreshTokens ?? []).includes(token) || this.issuedRefreshTokens.has(token);
    if (!known) return serviceError(400, 'Invalid refresh token', '90135');
    this.counts.iaasLogins++;
    const bearer = `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(randomUUID()).toString('base64url')}.emulated`;
    this.tokens.set(bearer, Date.now() + (this.scenario.tokenTtlMs ?? 8 * 3600_000));
    return json(200, { tokenType: 'Bearer', token: bearer });
  }

  private passwordLogin(req: EmuRequest): EmuResponse {
    const body = parseBody(req.body);
    const user = (this.scenario.users ?? []).find(
      (u) =>
        u.username === body?.['username'] &&
        u.password === body['password'] &&
        (u.domain ?? undefined) === (typeof body['domain'] === 'string' ? body['domain'] : undefined),
    );
    if (!user) {
      return json(400, {
        timestamp: Date.now(),
        type: 'CLIENT_ERROR',
        status: '400 BAD_REQUEST',
        error: 'Bad Request',
        serverMessage: 'REST error received: {"error":"invalid_grant","error_description":"Invalid username or password"}',
      });
    }
    this.counts.passwordLogins++;
    const refresh = `refresh-${randomUUID()}`;
    this.issuedRefreshTokens.add(refresh);
    return json(200, {
      access_token: `csp-${randomUUID()}`,
      refresh_token: refresh,
      id_token: `id-${randomUUID()}`,
      token_type: 'bearer',
      expires_in: 1799,
      scope: 'openid',
    });
  }

  private authenticate(req: EmuRequest): EmuResponse | undefined {
    const auth = req.headers['authorization'];
    const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    if (token !== undefined && (this.scenario.accessTokens ?? []).includes(token)) return undefined;
    const expires = token === undefined ? undefined : this.tokens.get(token);
    if (expires !== undefined && Date.now() < expires) return undefined;
    this.counts.unauthorized++;
    const why =
      token === undefined ? 'Full authentication is required' : expires === undefined ? 'Invalid token' : 'Token expired';
    return csError(401, 'Unauthorized', why, req.path);
  }

  /** A pipeline by id, or by project and name; a 404 answer when there is none. */
  private find(req: EmuRequest, first: string, second: string | undefined): PipelineState | EmuResponse {
    const p =
      second === undefined
        ? this.pipelines.get(first)
        : [...this.pipelines.values()].find((x) => x.project === first && x.name === second);
    const what = second === undefined ? `id '${first}'` : `name '${second}' in project '${first}'`;
    return p ?? csError(404, 'Not Found', `Pipeline with ${what} not found`, req.path);
  }

  /** The pipeline's definition, trimmed to what identifies it. */
  private pipelineView(req: EmuRequest, first: string, second: string | undefined): EmuResponse {
    const p = this.find(req, first, second);
    if (!('scenario' in p)) return p;
    const stages = p.scenario.stages ?? DEFAULT_STAGES;
    return json(200, {
      id: p.id,
      name: p.name,
      project: p.project,
      _projectId: `p-${p.project}`,
      _link: `/codestream/api/pipelines/${p.id}`,
      enabled: !p.scenario.disabled,
      state: p.scenario.disabled ? 'DISABLED' : 'ENABLED',
      description: '',
      input: p.scenario.inputs ?? {},
      stageOrder: stages.map((x) => x.name),
    });
  }

  private execute(req: EmuRequest, first: string, second: string | undefined): EmuResponse {
    const p = this.find(req, first, second);
    if (!('scenario' in p)) return p;
    if (p.unavailableLeft > 0) {
      p.unavailableLeft--;
      return csError(503, 'Service Unavailable', 'Service is temporarily unavailable', req.path);
    }
    // The programming guide: a new pipeline is disabled and must be enabled before it can run. The
    // refusal is sourced; its status and wording are guesses (no source quotes the server's answer).
    if (p.scenario.disabled) return csError(400, 'Bad Request', `Pipeline ${p.name} is disabled`, req.path);
    const body = parseBody(req.body);
    if (body === undefined) return csError(400, 'Bad Request', 'Required request body is missing or is not JSON', req.path);
    const input = body['input'] ?? {};
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return csError(400, 'Bad Request', "'input' must be an object", req.path);
    }
    p.executions++;
    const e: ExecutionState = {
      id: randomUUID(),
      index: this.indexOf(p) + 1,
      pipeline: p,
      createdAt: Date.now(),
      input: { ...p.scenario.inputs, ...(input as Record<string, string>) },
      comments: typeof body['comments'] === 'string' ? body['comments'] : '',
      tags: Array.isArray(body['tags']) ? (body['tags'] as string[]) : [],
    };
    this.executions.set(e.id, e);
    const index = p.scenario.executeIndex ?? 'zero';
    return json(p.scenario.executeStatus ?? 202, {
      executionId: e.id,
      ...(index === 'absent' ? {} : { executionIndex: index === 'real' ? e.index : 0 }),
      executionLink: `/codestream/api/executions/${e.id}`,
    });
  }

  /**
   * getExecutionsByIdUsingGET / ByName (__fixtures__/aria-codestream-swagger.json): `Executions {count, documents}`
   * with `documents` keyed by each execution's link, as the description's example shows. `$filter`:
   * the `(status eq '…')` terms joined with `or` that code-stream-cli sends (other OData is refused
   * with 400, a guess); `$orderby`: `_requestTimeInMicros` asc or desc (code-stream-cli), else oldest
   * first (a guess); `$top` (default 25) and `$skip` (default 0) as the description says.
   */
  private listExecutions(req: EmuRequest, first: string, second: string | undefined): EmuResponse {
    const p = this.find(req, first, second);
    if (!('scenario' in p)) return p;
    const filter = req.query.get('$filter');
    let statuses: Set<string> | undefined;
    if (filter !== null && filter.trim() !== '') {
      const terms = filter.split(/\s+or\s+/).map((t) => /^\(?\s*status eq '([A-Z_]+)'\s*\)?$/.exec(t.trim())?.[1]);
      if (terms.some((t) => t === undefined)) return csError(400, 'Bad Request', `Unsupported $filter: ${filter}`, req.path);
      statuses = new Set(terms as string[]);
    }
    const now = Date.now();
    for (const e of this.executions.values()) {
      if (e.pipeline !== p || e.listClock === undefined) continue;
      e.createdAt = now - e.listClock;
      delete e.listClock;
    }
    const desc = /^_requestTimeInMicros\s+desc$/.test(req.query.get('$orderby') ?? '');
    const found = [...this.executions.values()]
      .filter((e) => e.pipeline === p)
      .filter((e) => statuses === undefined || statuses.has(this.timeline(e, now).status))
      .sort((a, b) => (desc ? b.createdAt - a.createdAt : a.createdAt - b.createdAt));
    const skip = Number(req.query.get('$skip') ?? '0') || 0;
    const top = Number(req.query.get('$top') ?? '25') || 25;
    const page = found.slice(skip, skip + top);
    const documents = Object.fromEntries(page.map((e) => [`/codestream/api/executions/${e.id}`, this.view(e, false)]));
    return json(200, { count: page.length, totalCount: found.length, documents });
  }

  private onExecution(req: EmuRequest, id: string): EmuResponse | undefined {
    const e = this.executions.get(id);
    if (!e) return csError(404, 'Not Found', `Execution with id '${id}' not found`, req.path);
    if (req.method === 'GET') return json(200, this.view(e, req.query.get('expand') === 'PIPELINE_STAGE_TASK'));
    if (req.method !== 'POST') return undefined;
    const action = req.query.get('action');
    if (action !== 'cancel') return csError(400, 'Bad Request', `Unsupported action '${action ?? ''}'`, req.path);
    e.pipeline.cancels++;
    // No source shows a refusal to cancel a finished or cancelling execution; the SDK documents a
    // 200 with the Execution. A guess: the server leaves a final execution as it is and answers it.
    const status = this.timeline(e, Date.now()).status;
    if (!FINAL.has(status) && e.cancelAt === undefined) e.cancelAt = Date.now();
    return json(200, this.view(e, false));
  }

  /** Where the execution stands at `now`: each task's status and the execution's own. */
  private timeline(e: ExecutionState, now: number): { status: string; message: string; tasks: Map<string, string> } {
    const s = e.pipeline.scenario;
    const at = e.cancelAt !== undefined ? Math.min(now, e.cancelAt) : now;
    const tasks = new Map<string, string>();
    let t = e.createdAt + (s.queuedMs ?? 0);
    let active: { status: string; key: string } | undefined;
    let failedAt: number | undefined;
    let failed: { key: string; why: string } | undefined;
    for (const stage of s.stages ?? DEFAULT_STAGES) {
      for (const task of stage.tasks) {
        const key = `${stage.name}.${task.name}`;
        if (active || failedAt !== undefined || at < t) {
          tasks.set(key, 'NOT_STARTED');
          continue;
        }
        const holdEnd = task.hold ? t + (task.holdMs ?? Number.POSITIVE_INFINITY) : t;
        const runEnd = holdEnd + (task.ms ?? 150);
        if (at < holdEnd) active = { status: task.hold ?? 'RUNNING', key };
        else if (at < runEnd) active = { status: 'RUNNING', key };
        if (active) {
          tasks.set(key, active.status);
          continue;
        }
        if (task.fail !== undefined && task.ignoreFailure) tasks.set(key, 'FAILED_CONTINUE');
        else if (task.fail !== undefined) {
          tasks.set(key, 'FAILED');
          failedAt = runEnd;
          failed = { key, why: task.fail };
        } else tasks.set(key, 'COMPLETED');
        t = runEnd;
      }
    }
    let status: string;
    let message: string;
    if (at < e.createdAt + (s.queuedMs ?? 0)) [status, message] = ['QUEUED', 'Execution is queued.'];
    else if (active) [status, message] = [active.status, HOLD_MESSAGE[active.status] ?? `Running ${active.key}.`];
    else if (failedAt !== undefined) [status, message] = this.afterFailure(s, failedAt, at, failed?.key ?? '', failed?.why ?? '');
    else [status, message] = ['COMPLETED', 'Execution Completed.'];
    if (e.cancelAt !== undefined && !FINAL.has(status)) {
      status = now < e.cancelAt + CANCELING_MS ? 'CANCELING' : 'CANCELED';
      // vra-cli's README shows a real one: `<stage>.<task>: Execution canceled by <user>.` (the
      // request's reason is not in it). Without a running task the prefix is left out, a guess.
      const where = active ? `${active.key}: ` : '';
      message = `${where}Execution canceled by ${CANCELLED_BY}.`;
      for (const [k, v] of tasks) if (!FINAL.has(v) && v !== 'NOT_STARTED') tasks.set(k, status);
    }
    return { status, message, tasks };
  }

  private afterFailure(s: AriaPipelineScenario, failedAt: number, at: number, task: string, why: string): [string, string] {
    // A real FAILED statusMessage is the failed task's message prefixed with `stage.task: `
    // (vra-cli README; `Build.Install TKG CLI: Script execution failed.`). The rollback suffixes are guesses.
    const failed = `${task}: ${why}`;
    if (!s.rollback) return ['FAILED', failed];
    if (at < failedAt + (s.rollback.ms ?? 300)) return ['ROLLING_BACK', `${failed} Rolling back.`];
    return s.rollback.fails
      ? ['ROLLBACK_FAILED', `${failed} Rollback failed.`]
      : ['ROLLBACK_COMPLETED', `${failed} Rolled back.`];
  }

  private view(e: ExecutionState, expand: boolean): Record<string, unknown> {
    const now = Date.now();
    const { status, message, tasks } = this.timeline(e, now);
    const s = e.pipeline.scenario;
    const stages = s.stages ?? DEFAULT_STAGES;
    const stageView = (stage: AriaStageScenario): Record<string, unknown> => {
      const states = stage.tasks.map((t) => tasks.get(`${stage.name}.${t.name}`) ?? 'NOT_STARTED');
      const stageStatus =
        states.find((x) => !['COMPLETED', 'NOT_STARTED', 'FAILED_CONTINUE'].includes(x)) ??
        (states.every((x) => x === 'NOT_STARTED') ? 'NOT_STARTED' : states.includes('NOT_STARTED') ? 'RUNNING' : 'COMPLETED');
      const view: Record<string, unknown> = {
        id: `${e.id}~${stage.name}`,
        name: stage.name,
        status: stageStatus,
        taskOrder: stage.tasks.map((t) => t.name),
      };
      if (expand) view['tasks'] = Object.fromEntries(stage.tasks.map((t, i) => [t.name, taskView(e, stage, t, states[i] ?? '')]));
      Object.assign(view, stageTimes(e, stage, now));
      return view;
    };
    return {
      id: e.id,
      index: e.index,
      name: e.pipeline.name,
      project: e.pipeline.project,
      _projectId: `p-${e.pipeline.project}`,
      _link: `/codestream/api/executions/${e.id}`,
      _pipelineLink: `/codestream/api/pipelines/${e.pipeline.id}`,
      comments: e.comments,
      tags: e.tags,
      input: e.input,
      output: status === 'COMPLETED' ? render(s.output ?? {}, e.input) : {},
      status,
      statusMessage: message,
      stageOrder: stages.map((x) => x.name),
      stages: Object.fromEntries(stages.map((x) => [x.name, stageView(x)])),
      ...(s.workspace && status !== 'QUEUED' ? { workspaceResults: s.workspace } : {}),
      ...(s.liveLogEveryMs && status !== 'QUEUED'
        ? { workspaceResults: [...(s.workspace ?? []), liveStep(e, status, now)] }
        : {}),
      _executedBy: 'ci-user@example.com',
      _requestTimeInMicros: e.createdAt * 1000,
      createdAt: new Date(e.createdAt).toISOString(),
      updatedAt: new Date(now).toISOString(),
    };
  }
}

function taskView(e: ExecutionState, stage: AriaStageScenario, t: AriaTaskScenario, status: string): Record<string, unknown> {
  const failedNow = status === 'FAILED' || status === 'FAILED_CONTINUE';
  return {
    id: `${e.id}~${stage.name}.${t.name}`,
    name: t.name,
    type: t.type ?? 'REST',
    status,
    statusMessage: failedNow ? t.fail : status === 'WAITING' ? 'Waiting for approval' : '',
    ...(failedNow ? { failureMessage: t.fail } : {}),
    ignoreFailure: t.ignoreFailure ?? false,
    input: {},
    // A task's results once it ended, failed or not: TaskExecution.output in the 2019-10-17 swagger
    // is where CI, SSH, PowerShell and REST tasks write them (a CI task's jobUrl). Empty while it runs,
    // and kept by a failed task: both guesses, no source says.
    output: status === 'COMPLETED' || failedNow ? (t.output ?? {}) : {},
  };
}

/**
 * A stage's `_startTime` and `_endTime` (microseconds, as StageExecution documents them), following
 * the same schedule as `timeline`: tasks run one after another from the end of the queue, a hold adds
 * its length, a failed task ends the execution, and a cancel ends whatever was running.
 */
function stageTimes(e: ExecutionState, stage: AriaStageScenario, now: number): Record<string, number> {
  const s = e.pipeline.scenario;
  const at = e.cancelAt !== undefined ? Math.min(now, e.cancelAt) : now;
  let t = e.createdAt + (s.queuedMs ?? 0);
  for (const st of s.stages ?? DEFAULT_STAGES) {
    const start = t;
    let failed = false;
    for (const task of st.tasks) {
      t += (task.hold ? (task.holdMs ?? Number.POSITIVE_INFINITY) : 0) + (task.ms ?? 150);
      if (task.fail !== undefined && !task.ignoreFailure) {
        failed = true;
        break;
      }
    }
    if (st === stage) {
      if (at < start) return {};
      const ended = t <= at ? t : e.cancelAt !== undefined ? at : undefined;
      const micros = (ms: number): number => ms * 1000;
      return ended === undefined
        ? { _startTime: micros(start) }
        : { _startTime: micros(start), _endTime: micros(ended), _durationInMicros: micros(ended - start) };
    }
    if (failed) return {};
  }
  return {};
}

/** IaaS `ServiceErrorResponse`. */
function serviceError(status: number, message: string, messageId: string): EmuResponse {
  return json(status, { message, messageId, statusCode: status, errorCode: Number(messageId), serverErrorId: randomUUID() });
}

function render(output: Record<string, string>, input: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(output).map(([k, v]) => [k, v.replace(/\$\{input\.([^}]+)\}/g, (_m, n: string) => input[n] ?? '')]),
  );
}

function parseBody(body: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function decode(s: string | undefined): string {
  return decodeURIComponent(s ?? '');
}
