/**
 * Huawei Cloud CodeArts Pipeline behind its API gateway, as the CodeArts Pipeline API reference, its
 * API Explorer description and Huawei's SDK (huaweicloud-sdk-nodejs-v3, services/codeartspipeline)
 * describe it: the gateway checks the SDK-HMAC-SHA256 signature (or X-Auth-Token) and the
 * X-Sdk-Date skew; runs move RUNNING → (PAUSED) → an end state on a timer; starts can be queued
 * (DEVPIPE.00011169/70 with the run id) or refused (DEVPIPE.00011104) by concurrency limits.
 * BatchShowPipelinesLatestStatus answers each pipeline's latest run from the same state.
 */
import { createHash, randomBytes } from 'node:crypto';
import { verifySignature } from './huawei-verifier.ts';
import { json, type EmuRequest, type EmuResponse, type ProviderEmulator } from './types.ts';

export interface CodeArtsPipelineScenario {
  name?: string;
  /** End state of a run; `stuck` keeps it RUNNING until stopped. */
  outcome?: 'COMPLETED' | 'FAILED' | 'CANCELED' | 'IGNORED' | 'stuck';
  /** Time a run spends RUNNING (plus any pause) before it ends. */
  runMs?: number;
  /** A manual-review pause of this length in the middle of the run (status PAUSED). */
  pauseMs?: number;
  /** The start is queued behind a concurrency limit for this long (`pipeline` → 00011169, `tenant` → 00011170). */
  queued?: 'pipeline' | 'tenant';
  queueMs?: number;
  /** The first N starts are refused with DEVPIPE.00011104. */
  refuseStarts?: number;
  /** Where a FAILED run failed. */
  failure?: { stage?: string; job?: string; step?: string; message?: string };
  /** Lines a run's failed step logs (or its first step, when nothing failed), after the step's own. */
  logLines?: string[];
  /**
   * A chatty first step: one more log line this often while it runs (ShowPipelineLog reads a running
   * step's log as it grows, the description's `has_more`/`end_offset` paging; the pace is ours).
   */
  liveLogEveryMs?: number;
  /** ShowPipelineLog answers this error instead of the log (only for the step named `stepName` when given). */
  logError?: { status: number; code: string; message: string; stepName?: string };
  /**
   * Someone else starts a run of this pipeline `afterMs` after the action's first one (from the
   * console, say), so the pipeline's latest run is no longer the action's; it ends in `outcome`
   * (default: as the pipeline's runs do). Not counted in `starts`.
   */
  newerRun?: { afterMs: number; outcome?: CodeArtsPipelineScenario['outcome'] };
  /**
   * Someone else started a run of this pipeline (from the console, say): in progress when the step
   * looks, it runs like any other run from the first list call that sees it (so a test does not depend
   * on how long the step takes to start) and ends in `outcome` (default: as the pipeline's runs do).
   * Not counted in `starts`.
   */
  runningElsewhere?: { outcome?: CodeArtsPipelineScenario['outcome'] };
}

export interface CodeArtsScenario {
  projectId: string;
  /** Accepted AK/SK pairs; a pair with `securityToken` requires that X-Security-Token. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string; securityToken?: string }>;
  /** Accepted IAM tokens (X-Auth-Token). */
  authTokens?: string[];
  /** The gateway clock's offset from this machine's, to test the 15-minute skew rule. */
  clockOffsetMs?: number;
  pipelines?: Record<string, CodeArtsPipelineScenario>;
}

interface Run {
  id: string;
  pipelineId: string;
  startedAt: number;
  /** The pipeline's run number: 1 for its first run. */
  number: number;
  /** `runningElsewhere`: its clock starts at the first list call that sees it. */
  clockFromList?: boolean;
  /** Overrides the scenario's outcome (someone else's run, `newerRun`). */
  outcome?: CodeArtsPipelineScenario['outcome'];
  stoppedAt?: number;
  queueId?: string;
  variables: Array<{ name: string; value: string }>;
  description?: string;
}

interface PipelineStats {
  starts: number;
  refused: number;
  stops: number;
  runs: string[];
  /** Runs started by someone else (`newerRunAfterMs`). */
  otherRuns: string[];
  variables: Array<Array<{ name: string; value: string }>>;
}

const QUEUE_CODE = { pipeline: 'DEVPIPE.00011169', tenant: 'DEVPIPE.00011170' } as const;
const PREFIX = /^\/v5\/([^/]+)\/api\/pipelines(\/.*)$/;
/** More consecutive signature failures than this lock the AK, as the gateway does (for 5 minutes). */
const LOCKOUT_AFTER = 5;

const hexId = (): string => randomBytes(16).toString('hex');

export class CodeArtsEmulator implements ProviderEmulator {
  readonly name = 'huawei-codearts';
  private scenario: CodeArtsScenario = { projectId: '' };
  private runs = new Map<string, Run>();
  /** Each pipeline's newest run, whoever started it. */
  private latest = new Map<string, Run>();
  private counters = new Map<string, PipelineStats>();
  private batchCalls = 0;
  private statusCalls = 0;
  private authFailures = 0;
  private failuresByAk = new Map<string, number>();

  configure(config: CodeArtsScenario | undefined): void {
    this.scenario = config ?? { projectId: '' };
    this.runs.clear();
    this.latest.clear();
    this.counters = new Map(Object.keys(this.scenario.pipelines ?? {}).map((id) => [id, blankStats()]));
    this.batchCalls = 0;
    this.statusCalls = 0;
    this.authFailures = 0;
    this.failuresByAk.clear();
    for (const [id, p] of Object.entries(this.scenario.pipelines ?? {})) {
      if (!p.runningElsewhere) continue;
      const other = this.newRun(id, [], 'started from the console');
      if (p.runningElsewhere.outcome) other.outcome = p.runningElsewhere.outcome;
      other.clockFromList = true;
      this.stat(id).otherRuns.push(other.id);
    }
  }

  stats(): {
    batchCalls: number;
    statusCalls: number;
    authFailures: number;
    pipelines: Record<string, PipelineStats>;
    runs: Record<string, { starts: number; cancels: number }>;
  } {
    // `runs`: the counters every provider module has (real runs started, stop calls), by pipeline id.
    const runs = Object.fromEntries([...this.counters].map(([id, s]) => [id, { starts: s.starts, cancels: s.stops }]));
    return {
      batchCalls: this.batchCalls,
      statusCalls: this.statusCalls,
      authFailures: this.authFailures,
      pipelines: Object.fromEntries(this.counters),
      runs,
    };
  }

  handle(req: EmuRequest): EmuResponse | undefined {
    const m = PREFIX.exec(req.path);
    if (!m) return undefined;
    const requestId = hexId();
    const denied = this.authenticate(req, requestId);
    if (denied) return denied;
    const out = this.route(req, decodeURIComponent(m[1] ?? ''), m[2] ?? '');
    return { ...out, headers: { ...out.headers, 'x-request-id': requestId } };
  }

  private route(req: EmuRequest, projectId: string, rest: string): EmuResponse {
    if (projectId !== this.scenario.projectId) {
      return fail(403, 'DEVPIPE.00011412', 'The project does not exist or you are not a member of the project');
    }
    if (req.method === 'POST' && rest === '/batch-runs') return this.batchRun(req);
    if (req.method === 'POST' && rest === '/status') return this.latestStatus(req);
    let m = /^\/([^/]+)\/run$/.exec(rest);
    if (m && req.method === 'POST') return this.runOne(m[1] ?? '', req);
    m = /^\/([^/]+)$/.exec(rest);
    if (m && req.method === 'GET') return this.pipeline(m[1] ?? '');
    m = /^\/([^/]+)\/pipeline-runs\/list$/.exec(rest);
    if (m && req.method === 'POST') return this.listRuns(m[1] ?? '', req.body);
    m = /^\/([^/]+)\/pipeline-runs\/detail$/.exec(rest);
    if (m && req.method === 'GET') return this.detail(m[1] ?? '', req.query.get('pipeline_run_id') ?? '');
    m = /^\/([^/]+)\/pipeline-runs\/([^/]+)\/stop$/.exec(rest);
    if (m && req.method === 'POST') return this.stop(m[1] ?? '', m[2] ?? '');
    m = /^\/([^/]+)\/pipeline-runs\/([^/]+)\/jobs\/([^/]+)\/steps\/([^/]+)\/logs$/.exec(rest);
    if (m && req.method === 'POST')
      return this.stepLog(
        m.slice(1).map((x) => decodeURIComponent(x)),
        req.body,
      );
    return fail(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');
  }

  /** The gateway's check: AK/SK signature and date skew, or an IAM token. */
  private authenticate(req: EmuRequest, requestId: string): EmuResponse | undefined {
    const headers = flat(req.headers);
    const token = headers['x-auth-token'];
    if (token !== undefined) {
      if ((this.scenario.authTokens ?? []).includes(token)) return undefined;
      return this.denied('Incorrect IAM authentication information: decrypt token fail', requestId);
    }
    const now = Date.now() + (this.scenario.clockOffsetMs ?? 0);
    const creds = this.scenario.credentials ?? [];
    const ak = /Access=([^,\s]+)/.exec(headers['authorization'] ?? '')?.[1];
    if (ak !== undefined && (this.failuresByAk.get(ak) ?? 0) >= LOCKOUT_AFTER) {
      return this.denied('Incorrect IAM authentication information: AK access failed to reach the limit,forbidden', requestId);
    }
    const verdict = verifySignature(
      { method: req.method, rawUrl: req.url.pathname + req.url.search, headers, body: req.body },
      (key) => creds.find((c) => c.accessKeyId === key)?.secretAccessKey,
      now,
    );
    if (!verdict.ok) {
      if (ak !== undefined) this.failuresByAk.set(ak, (this.failuresByAk.get(ak) ?? 0) + 1);
      // Never the canonical request or any other signing material: the reason only.
      return this.denied(`Incorrect IAM authentication information: ${verdict.reason}`, requestId);
    }
    this.failuresByAk.delete(verdict.accessKeyId);
    const expected = creds.find((c) => c.accessKeyId === verdict.accessKeyId)?.securityToken;
    if (expected !== undefined && headers['x-security-token'] !== expected) {
      return this.denied('Incorrect IAM authentication information: the security token is missing or wrong', requestId);
    }
    return undefined;
  }

  private denied(message: string, requestId: string): EmuResponse {
    this.authFailures++;
    return json(401, { error_code: 'APIGW.0301', error_msg: message, request_id: requestId }, { 'x-request-id': requestId });
  }

  private batchRun(req: EmuRequest): EmuResponse {
    const body = parseBody(req.body) as { pipeline_ids?: unknown };
    const ids = body?.pipeline_ids;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
      return fail(400, 'DEVPIPE.00011001', 'pipeline_ids must be a non-empty list of pipeline ids');
    }
    this.batchCalls++;
    const refusing = ids.filter((id) => this.refuses(id));
    if (refusing.length > 0) return fail(400, 'DEVPIPE.00011104', 'The pipeline concurrency is limited; the run was not started');
    const result = ids.flatMap((id) => {
      if (!this.scenario.pipelines?.[id]) return [];
      const run = this.startRun(id, [], undefined);
      return [{ pipeline_id: id, pipeline_run_id: run.id }];
    });
    return json(200, { result });
  }

  /** BatchShowPipelinesLatestStatus: a bare array of ids in, each pipeline's latest run out; pipelines that never ran are left out. */
  private latestStatus(req: EmuRequest): EmuResponse {
    const ids = parseBody(req.body);
    if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'string')) {
      return fail(400, 'DEVPIPE.00011001', 'the body must be an array of pipeline ids');
    }
    this.statusCalls++;
    const now = Date.now();
    const answer = ids.flatMap((id) => {
      const p = this.scenario.pipelines?.[id];
      const run = p ? this.latestRun(id, p, now) : undefined;
      return p && run ? [latestRunEntry(this.view(p, run, now))] : [];
    });
    return json(200, answer);
  }

  /** The pipeline's newest run at `now`, starting someone else's run first when the scenario says it is due. */
  private latestRun(pipelineId: string, p: CodeArtsPipelineScenario, now: number): Run | undefined {
    const s = this.stat(pipelineId);
    const first = this.runs.get(s.runs[0] ?? '');
    const otherAt = first && p.newerRun ? first.startedAt + p.newerRun.afterMs : undefined;
    if (otherAt !== undefined && now >= otherAt && s.otherRuns.length === 0) {
      const other = this.newRun(pipelineId, [], 'started from the console');
      other.startedAt = otherAt;
      if (p.newerRun?.outcome) other.outcome = p.newerRun.outcome;
      s.otherRuns.push(other.id);
    }
    return this.latest.get(pipelineId);
  }

  /** ShowPipelineDetail, trimmed to what identifies the pipeline. */
  private pipeline(pipelineId: string): EmuResponse {
    const p = this.scenario.pipelines?.[pipelineId];
    if (!p) return fail(404, 'DEVPIPE.00011401', `The pipeline ${pipelineId} does not exist`);
    return json(200, {
      id: pipelineId,
      name: p.name ?? `pipeline-${pipelineId.slice(0, 6)}`,
      project_id: this.scenario.projectId,
      description: '',
      is_publish: false,
      manifest_version: '3.0',
      definition: '{"stages":[]}',
    });
  }

  private runOne(pipelineId: string, req: EmuRequest): EmuResponse {
    const p = this.scenario.pipelines?.[pipelineId];
    if (!p) return fail(404, 'DEVPIPE.00011401', `The pipeline ${pipelineId} does not exist`);
    const body = parseBody(req.body) as { variables?: unknown; description?: unknown } | undefined;
    const variables = body?.variables ?? [];
    if (!Array.isArray(variables) || !variables.every(isVariable)) {
      return fail(400, 'DEVPIPE.00011001', 'variables must be a list of {name, value} strings');
    }
    if (this.refuses(pipelineId))
      return fail(400, 'DEVPIPE.00011104', 'The pipeline concurrency is limited; the run was not started');
    const description = typeof body?.description === 'string' ? body.description : undefined;
    const run = this.startRun(pipelineId, variables, description);
    if (p.queued) {
      run.queueId = hexId();
      const code = QUEUE_CODE[p.queued];
      return json(200, {
        error_code: code,
        error_msg: 'The maximum concurrency is reached; the run has entered the queue',
        error: { pipeline_run_id: run.id, queue_id: run.queueId },
      });
    }
    return json(200, { pipeline_run_id: run.id });
  }

  private refuses(pipelineId: string): boolean {
    const p = this.scenario.pipelines?.[pipelineId];
    const s = this.stat(pipelineId);
    if (!p || s.refused >= (p.refuseStarts ?? 0)) return false;
    s.refused++;
    return true;
  }

  private startRun(pipelineId: string, variables: Run['variables'], description: string | undefined): Run {
    const run = this.newRun(pipelineId, variables, description);
    const s = this.stat(pipelineId);
    s.starts++;
    s.runs.push(run.id);
    s.variables.push(variables);
    return run;
  }

  private newRun(pipelineId: string, variables: Run['variables'], description: string | undefined): Run {
    const number = (this.latest.get(pipelineId)?.number ?? 0) + 1;
    const run: Run = {
      id: hexId(),
      pipelineId,
      startedAt: Date.now(),
      number,
      variables,
      ...(description ? { description } : {}),
    };
    this.runs.set(run.id, run);
    this.latest.set(pipelineId, run);
    return run;
  }

  /**
   * ListPipelineRuns (__fixtures__/huawei-codearts-pipeline.json, ListPipelineRunsPage): the body's
   * `status[]` filter, `sort_key` start_time or update_time, `sort_dir` asc or desc, `offset` and
   * `limit`; `{offset, limit, total, pipeline_runs}` out. The defaults when a field is absent (newest
   * first, 10 a page) are guesses; update_time is read as the end, or the start of a run still going.
   */
  private listRuns(pipelineId: string, raw: string): EmuResponse {
    const p = this.scenario.pipelines?.[pipelineId];
    if (!p) return fail(404, 'DEVPIPE.00011401', `The pipeline ${pipelineId} does not exist`);
    const body = (parseBody(raw) ?? {}) as {
      status?: unknown;
      sort_key?: unknown;
      sort_dir?: unknown;
      offset?: unknown;
      limit?: unknown;
    };
    const wanted = Array.isArray(body.status) ? new Set(body.status.map(String)) : undefined;
    const now = Date.now();
    for (const r of this.runs.values()) {
      if (r.pipelineId !== pipelineId || !r.clockFromList) continue;
      r.startedAt = now;
      delete r.clockFromList;
    }
    const views = [...this.runs.values()]
      .filter((r) => r.pipelineId === pipelineId)
      .map((r) => this.view(p, r, now))
      .filter((v) => wanted === undefined || wanted.size === 0 || wanted.has(String(v['status'])));
    const key = body.sort_key === 'update_time' ? 'update' : 'start';
    const at = (v: Record<string, unknown>): number =>
      key === 'start' ? Number(v['start_time']) : Number(v['end_time']) || Number(v['start_time']);
    views.sort((a, b) => (body.sort_dir === 'asc' ? at(a) - at(b) : at(b) - at(a)));
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    const limit = typeof body.limit === 'number' ? body.limit : 10;
    const page = views.slice(offset, offset + limit).map((v) => ({
      pipeline_id: v['pipeline_id'],
      pipeline_run_id: v['id'],
      executor_name: v['executor_name'],
      status: v['status'],
      run_number: v['run_number'],
      trigger_type: v['trigger_type'],
      start_time: v['start_time'],
      end_time: v['end_time'],
      detail_url: v['detail_url'],
    }));
    return json(200, { offset, limit, total: views.length, pipeline_runs: page });
  }

  private stop(pipelineId: string, runId: string): EmuResponse {
    const run = this.runs.get(runId);
    if (!run || run.pipelineId !== pipelineId) return fail(404, 'DEVPIPE.00011404', `The run ${runId} does not exist`);
    this.stat(pipelineId).stops++;
    run.stoppedAt ??= Date.now();
    return json(200, { success: true });
  }

  private detail(pipelineId: string, runId: string): EmuResponse {
    const p = this.scenario.pipelines?.[pipelineId];
    if (!p) return fail(404, 'DEVPIPE.00011401', `The pipeline ${pipelineId} does not exist`);
    const run = this.runs.get(runId);
    if (!run || run.pipelineId !== pipelineId) return fail(404, 'DEVPIPE.00011404', `The run ${runId} does not exist`);
    return json(200, this.view(p, run, Date.now()));
  }

  /** The run's state at `now`: queued, running (a build stage, then an optional review, then deploy), ended. */
  private view(pipeline: CodeArtsPipelineScenario, run: Run, now: number): Record<string, unknown> {
    const p = run.outcome ? { ...pipeline, outcome: run.outcome } : pipeline;
    const queuedUntil = run.startedAt + (p.queued ? (p.queueMs ?? 500) : 0);
    const runMs = p.runMs ?? 600;
    const pauseMs = p.pauseMs ?? 0;
    const pauseAt = queuedUntil + runMs / 2;
    const endAt = queuedUntil + runMs + pauseMs;
    const ended = run.stoppedAt !== undefined || (p.outcome !== 'stuck' && now >= endAt);
    let status: string;
    let phase: 'queued' | 'build' | 'review' | 'deploy' | 'done';
    if (run.stoppedAt !== undefined) [status, phase] = ['CANCELED', 'done'];
    else if (ended) [status, phase] = [p.outcome ?? 'COMPLETED', 'done'];
    // The API lists QUEUED for stages and jobs only; a queued run reads RUNNING at run level (a
    // guess: the spec's run statuses are COMPLETED, RUNNING, FAILED, CANCELED, PAUSED, SUSPEND, IGNORED).
    else if (now < queuedUntil) [status, phase] = ['RUNNING', 'queued'];
    else if (now < pauseAt) [status, phase] = ['RUNNING', 'build'];
    else if (now < pauseAt + pauseMs) [status, phase] = ['PAUSED', 'review'];
    else [status, phase] = ['RUNNING', 'deploy'];
    const endTime = run.stoppedAt ?? (ended ? endAt : undefined);
    return {
      id: run.id,
      pipeline_id: run.pipelineId,
      name: p.name ?? `pipeline-${run.pipelineId.slice(0, 6)}`,
      description: run.description ?? '',
      project_id: this.scenario.projectId,
      status,
      trigger_type: 'Manual',
      run_number: run.number,
      executor_name: 'ci-robot',
      start_time: run.startedAt,
      end_time: endTime ?? 0,
      current_system_time: now,
      detail_url: `https://devcloud.cn-north-4.huaweicloud.com/cicd/project/${this.scenario.projectId}/pipeline/detail/${run.pipelineId}/${run.id}`,
      stages: withTimes(stages(p, status, phase), run, { queuedUntil, pauseAt, pauseMs, endAt }),
    };
  }

  /**
   * ShowPipelineLog: a page of one step's log, `limit` lines (the spec's LogQuery; all four fields
   * required). The spec says only that an answer's `start_offset` and `end_offset` are filled into the
   * next request's fields of the same names to read the next page; what they count is not said (its one
   * example answers a request from 0 with "6132"…"25705"). A guess, here: they are byte offsets, the
   * answer's `start_offset` the byte the next page starts at and its `end_offset` the end the page was
   * read against (the log's length for a request's 0, "to the end" as the description has it).
   * `sort: desc` (the spec: descending by the sort field) answers the last `limit` lines before
   * `end_offset`, newest first: that order is a guess too.
   */
  private stepLog([pipelineId = '', runId = '', jobId = '', stepId = '']: string[], body: string): EmuResponse {
    const p = this.scenario.pipelines?.[pipelineId];
    const run = this.runs.get(runId);
    if (!p || !run || run.pipelineId !== pipelineId) return fail(404, 'DEVPIPE.00011404', `The run ${runId} does not exist`);
    const q = parseBody(body) as { start_offset?: unknown; end_offset?: unknown; limit?: unknown; sort?: unknown } | undefined;
    if (
      typeof q?.start_offset !== 'number' ||
      typeof q.end_offset !== 'number' ||
      typeof q.limit !== 'number' ||
      typeof q.sort !== 'string'
    ) {
      // LogQuery lists all four as required; the code and wording of the refusal are a guess, as for the other 400s here.
      return fail(400, 'DEVPIPE.00011001', 'start_offset, end_offset, limit and sort are required');
    }
    if (q.sort !== 'asc' && q.sort !== 'desc') return fail(400, 'DEVPIPE.00011001', 'sort must be asc or desc'); // the spec's two values; wording a guess
    const view = this.view(p, run, Date.now());
    const found = findStep(view, jobId, stepId);
    if (!found) return fail(404, 'DEVPIPE.00011404', `The step ${stepId} of job ${jobId} does not exist`);
    const e = p.logError;
    if (e && (e.stepName === undefined || e.stepName === found.step['name'])) return fail(e.status, e.code, e.message);
    const text = Buffer.from(stepLogText(p, found, view['status'] as string));
    const stop = q.end_offset > 0 ? Math.min(q.end_offset, text.length) : text.length;
    const limit = Math.max(1, q.limit);
    if (q.sort === 'desc') return json(200, descPage(text, stop, limit, stepId));
    const start = Math.min(q.start_offset, stop);
    let end = start;
    for (let n = 0; end < stop && n < limit; n++) {
      const nl = text.indexOf(10, end);
      end = nl < 0 || nl >= stop ? stop : nl + 1;
    }
    return json(200, {
      start_offset: String(end),
      end_offset: String(stop),
      has_more: end < stop,
      location: 'jenkins',
      log: text.subarray(start, end).toString('utf8'),
      step_run_id: stepId,
    });
  }

  private stat(pipelineId: string): PipelineStats {
    let s = this.counters.get(pipelineId);
    if (!s) this.counters.set(pipelineId, (s = blankStats()));
    return s;
  }
}

function stages(p: CodeArtsPipelineScenario, status: string, phase: string): Array<Record<string, unknown>> {
  const f = p.failure ?? {};
  const failedStage = status === 'FAILED' ? (f.stage ?? 'Build') : undefined;
  const stageStatus = (name: string, activeIn: string, order: number): string => {
    if (phase === 'queued') return order === 0 ? 'QUEUED' : 'INIT';
    if (phase === activeIn) return activeIn === 'review' ? 'PAUSED' : 'RUNNING';
    if (phase === 'done') {
      if (name === failedStage) return 'FAILED';
      if (status === 'CANCELED' || status === 'IGNORED') return order === 0 ? status : 'INIT';
      if (status === 'FAILED') return name === 'Build' ? 'COMPLETED' : 'INIT';
      return 'COMPLETED';
    }
    const orderOf = ['build', 'review', 'deploy'].indexOf(phase);
    return order < orderOf ? 'COMPLETED' : 'INIT';
  };
  const stage = (name: string, activeIn: string, order: number, job: string, step: string): Record<string, unknown> => {
    const s = stageStatus(name, activeIn, order);
    const failed = s === 'FAILED';
    return {
      id: hexId(),
      name,
      identifier: name.toLowerCase(),
      sequence: order,
      status: s,
      jobs: [
        {
          id: hexId(),
          name: failed ? (f.job ?? job) : job,
          status: s,
          message: failed ? (f.message ?? 'the job failed') : null,
          steps: [
            {
              id: hexId(),
              name: failed ? (f.step ?? step) : step,
              status: s,
              message: failed ? (f.message ?? 'exit code 1') : null,
            },
          ],
        },
      ],
    };
  };
  return [
    stage('Build', 'build', 0, 'compile', 'maven build'),
    ...(p.pauseMs ? [stage('Approve', 'review', 1, 'manual review', 'review')] : []),
    stage('Deploy', 'deploy', 2, 'deploy', 'deploy to cce'),
  ];
}

/**
 * Stable ids (a run's detail names the same job and step each time, as ShowPipelineLog needs) and each
 * stage's, job's and step's `start_time`/`end_time` from the run's schedule: build from the end of the
 * queue to the middle of the run, then the review pause, then deploy to the end; a stop ends what ran.
 */
function withTimes(
  list: Array<Record<string, unknown>>,
  run: Run,
  t: { queuedUntil: number; pauseAt: number; pauseMs: number; endAt: number },
): Array<Record<string, unknown>> {
  const spans: Record<string, [number, number]> = {
    Build: [t.queuedUntil, t.pauseAt],
    Approve: [t.pauseAt, t.pauseAt + t.pauseMs],
    Deploy: [t.pauseAt + t.pauseMs, t.endAt],
  };
  const id = (...parts: string[]): string =>
    createHash('md5')
      .update([run.id, ...parts].join('/'))
      .digest('hex');
  return list.map((stage) => {
    const name = stage['name'] as string;
    const status = stage['status'] as string;
    const [start, end] = spans[name] ?? [t.queuedUntil, t.endAt];
    const ran = status !== 'INIT' && status !== 'QUEUED';
    const ended = ['COMPLETED', 'FAILED', 'CANCELED'].includes(status);
    const times = {
      start_time: ran ? start : 0,
      end_time: ended ? Math.max(start, Math.min(end, run.stoppedAt ?? end)) : 0,
    };
    const jobs = (stage['jobs'] as Array<Record<string, unknown>>).map((job, j) => ({
      ...job,
      ...times,
      id: id(name, 'job', String(j)),
      steps: (job['steps'] as Array<Record<string, unknown>>).map((step, k) => ({
        ...step,
        ...times,
        id: id(name, 'step', String(j), String(k)),
      })),
    }));
    return { ...stage, ...times, id: id(name), jobs };
  });
}

interface FoundStep {
  stage: string;
  step: Record<string, unknown>;
}

function findStep(view: Record<string, unknown>, jobId: string, stepId: string): FoundStep | undefined {
  for (const stage of view['stages'] as Array<Record<string, unknown>>) {
    for (const job of stage['jobs'] as Array<Record<string, unknown>>) {
      if (job['id'] !== jobId) continue;
      const step = (job['steps'] as Array<Record<string, unknown>>).find((x) => x['id'] === stepId);
      if (step) return { stage: stage['name'] as string, step };
    }
  }
  return undefined;
}

/** A step's log in the shape of the description's example: `[time] [LEVEL] [real_stage:step] : text` lines. */
function stepLogText(p: CodeArtsPipelineScenario, found: FoundStep, runStatus: string): string {
  const { step, stage } = found;
  const name = step['name'] as string;
  const status = step['status'] as string;
  const at = new Date((step['start_time'] as number) || Date.now()).toISOString();
  const line = (level: string, text: string): string => `[${at}] [${level}] [real_stage:${name}] : ${text}`;
  const lines = [line('INFO', 'step begin'), line('INFO', `stage ${stage}, step ${name}`)];
  const failed = status === 'FAILED';
  const firstStep = stage === 'Build';
  if (failed || (runStatus !== 'FAILED' && firstStep)) lines.push(...(p.logLines ?? []));
  if (firstStep && p.liveLogEveryMs) lines.push(...liveLines(step, p.liveLogEveryMs));
  if (failed) lines.push(line('ERROR', (step['message'] as string | null) ?? 'the step failed'));
  if (status !== 'RUNNING' && status !== 'PAUSED') lines.push(line('INFO', `step ${name} ended: ${status}`));
  return `${lines.join('\n')}\n`;
}

/**
 * `sort: desc`: the last `limit` lines before `stop`, newest first (a guess; see stepLog). The cursors
 * name the earlier part still unread, which this reader never asks for.
 */
function descPage(text: Buffer, stop: number, limit: number, stepId: string): Record<string, unknown> {
  const lines: string[] = [];
  let end = stop;
  while (end > 0 && lines.length < limit) {
    const nl = text.lastIndexOf(10, end - 2);
    const from = nl < 0 ? 0 : nl + 1;
    lines.push(text.subarray(from, end).toString('utf8').replace(/\n$/, ''));
    end = from;
  }
  return {
    start_offset: '0',
    end_offset: String(end),
    has_more: end > 0,
    location: 'jenkins',
    log: lines.map((l) => `${l}\n`).join(''),
    step_run_id: stepId,
  };
}

/** `liveLogEveryMs`: a line per interval from the step's start to its end (or now). */
function liveLines(step: Record<string, unknown>, every: number): string[] {
  const start = (step['start_time'] as number) || Date.now();
  const end = (step['end_time'] as number) || Date.now();
  const count = Math.max(0, Math.floor((end - start) / every));
  return Array.from(
    { length: count },
    (_, i) => `[${new Date(start + (i + 1) * every).toISOString()}] [INFO] live line ${i + 1}`,
  );
}

function blankStats(): PipelineStats {
  return { starts: 0, refused: 0, stops: 0, runs: [], otherRuns: [], variables: [] };
}

/** A run detail as a `PipelineLatestRun`: the run's fields, and its stages as names and statuses only. */
function latestRunEntry(detail: Record<string, unknown>): Record<string, unknown> {
  const stageList = detail['stages'] as Array<Record<string, unknown>>;
  return {
    pipeline_id: detail['pipeline_id'],
    pipeline_run_id: detail['id'],
    status: detail['status'],
    run_number: detail['run_number'],
    trigger_type: detail['trigger_type'],
    executor_name: detail['executor_name'],
    start_time: detail['start_time'],
    end_time: detail['end_time'],
    detail_url: detail['detail_url'],
    stage_status_list: stageList.map((st) => ({ name: st['name'], sequence: st['sequence'], status: st['status'] })),
  };
}

function fail(status: number, code: string, message: string): EmuResponse {
  return json(status, { error_code: code, error_msg: message });
}

function parseBody(body: string): unknown {
  try {
    return body === '' ? undefined : (JSON.parse(body) as unknown);
  } catch {
    return undefined;
  }
}

function isVariable(v: unknown): v is { name: string; value: string } {
  const o = v as { name?: unknown; value?: unknown } | null;
  return typeof o?.name === 'string' && typeof o.value === 'string';
}

function flat(h: EmuRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
