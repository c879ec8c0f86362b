/**
 * Alibaba Cloud Elasticsearch (Logstash pipelines), STS AssumeRoleWithOIDC and the Actions OIDC
 * token endpoint, as Alibaba's OpenAPI metadata (Elasticsearch 2017-06-13, STS 2015-04-01) and the
 * official SDKs (@alicloud/elasticsearch20170613, @alicloud/sts20150401) describe them. Every Elasticsearch
 * call must carry a valid V3 signature. RunPipelines restarts the instance: it stays `active` a
 * moment (stale reads), turns `activating`, then `active` again with each pipeline RUNNING or still
 * NOT_DEPLOYED. A ClientToken seen before answers the first response again and deploys (or stops) nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { verifyV3, type KeyRecord } from './alibaba-v3-verifier.ts';
import { json, type EmuRequest, type EmuResponse, type ProviderEmulator } from './types.ts';

export interface AlibabaPipelineScenario {
  status?: 'RUNNING' | 'NOT_DEPLOYED' | 'DELETED';
  /** What a deploy leaves it in. */
  outcome?: 'running' | 'not-deployed';
}

export interface AlibabaInstanceScenario {
  status?: 'active' | 'activating' | 'inactive' | 'invalid';
  /** With status activating (a deploy or change someone else started): how long until it turns active by itself. */
  activatingMs?: number;
  /** `first-request`: `activatingMs` counts from the first request that reaches the instance, not from the scenario (so a test does not depend on how long the step takes to start). */
  activatingFrom?: 'scenario' | 'first-request';
  /** How long the instance stays `active` after RunPipelines before the restart shows. */
  deployDelayMs?: number;
  /** How long the restart (`activating`) lasts. */
  deployMs?: number;
  /** restart: as described; silent: the deploy never begins; stuck: the restart never ends. */
  deploy?: 'restart' | 'silent' | 'stuck';
  pipelines?: Record<string, AlibabaPipelineScenario>;
  /** Error lines the instance logs when a pipeline fails to deploy. */
  errorLog?: string[];
  /**
   * How the log stores levels: `lower` (default) as the SDK documents them (ListLogstashLogResponseBody:
   * "trace, debug, info, warn, and error"; ListLogstashLogRequest's example query `level:info`), or
   * `upper` (ERROR) as Logstash prints them in its own lines.
   */
  logLevelCase?: 'lower' | 'upper';
  /** INFO lines the instance logs when a deploy ends, before each pipeline's own line. */
  instanceLog?: string[];
  /**
   * A chatty deploy: one instance log line this often while the restart goes (ListLogstashLog finds
   * lines by their time, so a window read during the deploy finds those logged so far; the pace is ours).
   */
  liveLogEveryMs?: number;
}

export interface AlibabaFault {
  /** The API (x-acs-action) it applies to. */
  action: string;
  times: number;
  status: number;
  code: string;
  message?: string;
  /** Process the call, then answer with the error: the response was lost on the way back. */
  afterProcessing?: boolean;
}

export interface AlibabaScenario {
  /** Access key id → secret. */
  accessKeys?: Record<string, string>;
  /** Temporary credentials accepted as if STS had issued them. */
  stsKeys?: Array<{ accessKeyId: string; accessKeySecret: string; securityToken: string }>;
  instances?: Record<string, AlibabaInstanceScenario>;
  faults?: AlibabaFault[];
  oidc?: { requestToken: string; roleArn: string; oidcProviderArn: string; audience?: string };
}

interface PipelineState {
  status: string;
  outcome: 'running' | 'not-deployed';
  created: number;
  updated: number;
}

interface Deploy {
  ids: string[];
  startsAt: number;
  endsAt: number;
  applied: boolean;
}

interface InstanceState {
  id: string;
  scenario: AlibabaInstanceScenario;
  /** When the instance was created: fixed, so every DescribeLogstash answers the same createdAt. */
  created: number;
  activeAt: number;
  /** `activatingFrom: first-request` not yet started. */
  activatingClock?: number;
  pipelines: Map<string, PipelineState>;
  deploy?: Deploy;
  log: Array<{ level: string; content: string; timestamp: number }>;
  tokens: Map<string, EmuResponse>;
  stats: InstanceStats;
}

export interface InstanceStats {
  runCalls: number;
  deploys: number;
  deployedPipelines: string[];
  runClientTokens: string[];
  stopCalls: number;
  stoppedPipelines: string[];
  calls: Record<string, number>;
  deployStartedAt: number | null;
  deployEndedAt: number | null;
}

const ES_PATH = /^\/openapi\/logstashes\/([^/]+)(\/pipelines(?:\/action\/(run|stop))?|\/search-log)?$/;
const VERSION = '2017-06-13';
const iso = (ms: number): string => new Date(ms).toISOString();

export class AlibabaLogstashEmulator implements ProviderEmulator {
  readonly name = 'alibaba-logstash';
  private scenario: AlibabaScenario = {};
  private instances = new Map<string, InstanceState>();
  private keys = new Map<string, KeyRecord>();
  private nonces = new Set<string>();
  private faults: AlibabaFault[] = [];
  private issuedIdTokens = new Set<string>();
  private counters = { signatureRefusals: 0, idTokens: 0, assumeRole: 0, stsRequests: [] as Array<Record<string, string>> };

  configure(config: AlibabaScenario | undefined): void {
    this.scenario = config ?? {};
    const now = Date.now();
    this.keys = new Map(Object.entries(this.scenario.accessKeys ?? {}).map(([id, secret]) => [id, { secret }]));
    for (const k of this.scenario.stsKeys ?? [])
      this.keys.set(k.accessKeyId, { secret: k.accessKeySecret, securityToken: k.securityToken });
    this.nonces.clear();
    this.issuedIdTokens.clear();
    this.faults = (this.scenario.faults ?? []).map((f) => ({ ...f }));
    this.counters = { signatureRefusals: 0, idTokens: 0, assumeRole: 0, stsRequests: [] };
    this.instances = new Map(Object.entries(this.scenario.instances ?? {}).map(([id, s]) => [id, newInstance(id, s, now)]));
  }

  stats(): Record<string, unknown> {
    return {
      ...this.counters,
      instances: Object.fromEntries([...this.instances].map(([id, i]) => [id, i.stats])),
      runs: this.runCounters(),
    };
  }

  /** The counters every provider module has, by pipeline id: deploys that included it (a replayed ClientToken deploys nothing) and stops. */
  private runCounters(): Record<string, { starts: number; cancels: number }> {
    const runs: Record<string, { starts: number; cancels: number }> = {};
    const entry = (id: string): { starts: number; cancels: number } => (runs[id] ??= { starts: 0, cancels: 0 });
    for (const inst of this.instances.values()) {
      for (const id of inst.pipelines.keys()) entry(id);
      for (const id of inst.stats.deployedPipelines) entry(id).starts++;
      for (const id of inst.stats.stoppedPipelines) entry(id).cancels++;
    }
    return runs;
  }

  handle(req: EmuRequest): EmuResponse | undefined {
    if (req.query.get('Action') === 'AssumeRoleWithOIDC') return this.assumeRole(req);
    if (req.path === '/actions/idtoken') return this.idToken(req);
    const m = ES_PATH.exec(req.path);
    if (!m) return undefined;
    const action = apiFor(req.method, m[2] ?? '', m[3]);
    if (!action) return error(404, 'InvalidApi.NotFound', `Specified api is not found: ${req.method} ${req.path}`);
    const refused = this.authenticate(req, action);
    if (refused) return refused;
    const fault = this.takeFault(action, false);
    if (fault) return fault;
    const inst = this.instances.get(decodeURIComponent(m[1] ?? ''));
    if (!inst) return error(400, 'InstanceNotFound', 'The instanceId provided does not exist.');
    inst.stats.calls[action] = (inst.stats.calls[action] ?? 0) + 1;
    const now = Date.now();
    if (inst.activatingClock !== undefined) {
      inst.activeAt = now + inst.activatingClock;
      delete inst.activatingClock;
    }
    advance(inst, now);
    const out = this.route(action, inst, req, now);
    return this.takeFault(action, true) ?? out;
  }

  private route(action: string, inst: InstanceState, req: EmuRequest, now: number): EmuResponse {
    switch (action) {
      case 'DescribeLogstash':
        return ok({ Result: describe(inst, now) });
      case 'ListPipeline':
        return listPipelines(inst, req.query);
      case 'ListLogstashLog':
        return searchLog(inst, req.query);
      case 'RunPipelines':
        return this.run(inst, req, now);
      default:
        return stopOnce(inst, req, now);
    }
  }

  private authenticate(req: EmuRequest, action: string): EmuResponse | undefined {
    const refusal = verifyV3(
      { method: req.method, target: req.url.pathname + req.url.search, headers: req.headers, body: req.body },
      { lookup: (id) => this.keys.get(id), now: Date.now(), nonces: this.nonces },
    );
    if (refusal) {
      this.counters.signatureRefusals++;
      return error(refusal.status, refusal.code, refusal.message);
    }
    if (req.headers['x-acs-version'] !== VERSION) return error(400, 'InvalidVersion', `Specified API version is not valid.`);
    if (req.headers['x-acs-action'] !== action)
      return error(400, 'InvalidAction.NotFound', `x-acs-action does not name ${action}.`);
    return undefined;
  }

  private takeFault(action: string, afterProcessing: boolean): EmuResponse | undefined {
    const f = this.faults.find((x) => x.action === action && x.times > 0 && Boolean(x.afterProcessing) === afterProcessing);
    if (!f) return undefined;
    f.times--;
    return error(f.status, f.code, f.message ?? defaultMessage(f.code));
  }

  private run(inst: InstanceState, req: EmuRequest, now: number): EmuResponse {
    inst.stats.runCalls++;
    const token = req.query.get('ClientToken') ?? '';
    inst.stats.runClientTokens.push(token);
    const replay = token ? inst.tokens.get(token) : undefined;
    if (replay) return replay;
    const ids = parseIds(req.body);
    if (!ids) return error(400, 'InvalidParameter', 'The body must be a JSON array of pipeline ids.');
    const refused = busy(inst, now);
    if (refused) return refused;
    const missing = ids.find((id) => inst.pipelines.get(id) === undefined || inst.pipelines.get(id)?.status === 'DELETED');
    if (missing) return error(400, 'InvalidParameter', `The pipeline ${missing} does not exist.`);
    const mode = inst.scenario.deploy ?? 'restart';
    const startsAt = mode === 'silent' ? Infinity : now + (inst.scenario.deployDelayMs ?? 150);
    const endsAt = mode === 'stuck' || mode === 'silent' ? Infinity : startsAt + (inst.scenario.deployMs ?? 700);
    inst.deploy = { ids, startsAt, endsAt, applied: false };
    inst.stats.deploys++;
    inst.stats.deployedPipelines.push(...ids);
    inst.stats.deployStartedAt = Number.isFinite(startsAt) ? startsAt : null;
    const res = ok({ Result: true });
    if (token) inst.tokens.set(token, res);
    return res;
  }

  /** What core.getIDToken calls: the runner's token service. */
  private idToken(req: EmuRequest): EmuResponse {
    const o = this.scenario.oidc;
    if (!o || req.headers['authorization'] !== `Bearer ${o.requestToken}`) return json(401, { message: 'bad request token' });
    const audience = req.query.get('audience');
    if (!audience) return json(400, { message: 'audience is required' });
    this.counters.idTokens++;
    const b64 = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({
      iss: 'https://token.actions.githubusercontent.com',
      aud: audience,
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      exp: Math.floor(Date.now() / 1000) + 300,
    })}.${randomBytes(16).toString('base64url')}`;
    this.issuedIdTokens.add(jwt);
    return json(200, { count: 1, value: jwt });
  }

  /** STS AssumeRoleWithOIDC: anonymous, parameters in the query and a form body. */
  private assumeRole(req: EmuRequest): EmuResponse {
    const o = this.scenario.oidc;
    const p: Record<string, string> = { ...Object.fromEntries(req.query), ...Object.fromEntries(new URLSearchParams(req.body)) };
    this.counters.assumeRole++;
    this.counters.stsRequests.push({ ...p, OIDCToken: p['OIDCToken'] ? '(present)' : '(absent)' });
    if (req.method !== 'POST') return error(400, 'InvalidParameter', 'POST is required.');
    if (p['Version'] !== '2015-04-01') return error(400, 'InvalidVersion', 'Specified API version is not valid.');
    for (const name of ['RoleArn', 'OIDCProviderArn', 'OIDCToken', 'RoleSessionName']) {
      if (!p[name]) return error(400, `MissingParameter.${name}`, `${name} is mandatory for this action.`);
    }
    if (!o || p['RoleArn'] !== o.roleArn) return error(404, 'EntityNotExist.Role', 'The specified Role not exists.');
    if (p['OIDCProviderArn'] !== o.oidcProviderArn)
      return error(404, 'EntityNotExist.OIDCProvider', 'The OIDC provider does not exist.');
    const token = p['OIDCToken'] ?? '';
    if (!this.issuedIdTokens.has(token)) return error(400, 'AuthenticationFail.OIDCToken.Invalid', 'The OIDC token is invalid.');
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { aud?: string };
    if (payload.aud !== (o.audience ?? 'sts.aliyuncs.com')) {
      return error(
        400,
        'AuthenticationFail.OIDCToken.AudienceMismatch',
        `The audience ${payload.aud ?? ''} is not a client id of the provider.`,
      );
    }
    const creds = {
      AccessKeyId: `STS.NT${randomBytes(10).toString('hex')}`,
      AccessKeySecret: randomBytes(20).toString('base64url'),
      SecurityToken: `CAIS${randomBytes(30).toString('base64url')}`,
      Expiration: iso(Date.now() + Number(p['DurationSeconds'] ?? 3600) * 1000),
    };
    this.keys.set(creds.AccessKeyId, { secret: creds.AccessKeySecret, securityToken: creds.SecurityToken });
    return ok({
      Credentials: creds,
      AssumedRoleUser: { Arn: `${o.roleArn}/${p['RoleSessionName']}`, AssumedRoleId: `3${randomBytes(8).toString('hex')}` },
      OIDCTokenInfo: {
        Subject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
        Issuer: 'https://token.actions.githubusercontent.com',
      },
    });
  }
}

function newInstance(id: string, s: AlibabaInstanceScenario, now: number): InstanceState {
  const created = now - 86_400_000;
  const pipelines = new Map(
    Object.entries(s.pipelines ?? {}).map(([pid, p]) => [
      pid,
      { status: p.status ?? 'NOT_DEPLOYED', outcome: p.outcome ?? 'running', created, updated: created },
    ]),
  );
  return {
    id,
    scenario: s,
    created,
    activeAt: s.status === 'activating' ? now + (s.activatingMs ?? 1000) : 0,
    ...(s.status === 'activating' && s.activatingFrom === 'first-request' ? { activatingClock: s.activatingMs ?? 1000 } : {}),
    pipelines,
    log: [],
    tokens: new Map(),
    stats: {
      runCalls: 0,
      deploys: 0,
      deployedPipelines: [],
      runClientTokens: [],
      stopCalls: 0,
      stoppedPipelines: [],
      calls: {},
      deployStartedAt: null,
      deployEndedAt: null,
    },
  };
}

function apiFor(method: string, sub: string, verb: string | undefined): string | undefined {
  if (method === 'GET' && sub === '') return 'DescribeLogstash';
  if (method === 'GET' && sub === '/pipelines') return 'ListPipeline';
  if (method === 'GET' && sub === '/search-log') return 'ListLogstashLog';
  if (method === 'POST' && verb === 'run') return 'RunPipelines';
  if (method === 'POST' && verb === 'stop') return 'StopPipelines';
  return undefined;
}

/** Applies a finished restart once: each deployed pipeline ends RUNNING or stays NOT_DEPLOYED. */
function advance(inst: InstanceState, now: number): void {
  const d = inst.deploy;
  if (!d || d.applied || now < d.endsAt) return;
  d.applied = true;
  inst.stats.deployEndedAt = d.endsAt;
  const info = inst.scenario.logLevelCase === 'upper' ? 'INFO' : 'info';
  for (const line of inst.scenario.instanceLog ?? []) inst.log.push({ level: info, content: line, timestamp: d.endsAt });
  for (const id of d.ids) {
    const p = inst.pipelines.get(id);
    if (!p) continue;
    p.updated = d.endsAt;
    if (p.outcome === 'running') {
      p.status = 'RUNNING';
      inst.log.push({
        level: info,
        content: `[INFO][logstash.javapipeline] Pipeline started {"pipeline.id"=>"${id}"}`,
        timestamp: d.endsAt,
      });
      continue;
    }
    p.status = 'NOT_DEPLOYED';
    const level = inst.scenario.logLevelCase === 'upper' ? 'ERROR' : 'error';
    inst.log.push({
      level: level === 'error' ? 'info' : 'INFO',
      content: `[INFO][logstash.agent] reloading ${id}`,
      timestamp: d.endsAt,
    });
    for (const line of inst.scenario.errorLog ?? [`[ERROR][logstash.agent] Failed to execute action {:id=>:${id}}`]) {
      inst.log.push({ level, content: line, timestamp: d.endsAt });
    }
  }
}

function instanceStatus(inst: InstanceState, now: number): string {
  const s = inst.scenario.status ?? 'active';
  if (s === 'inactive' || s === 'invalid') return s;
  if (now < inst.activeAt) return 'activating';
  const d = inst.deploy;
  if (d && now >= d.startsAt && now < d.endsAt) return 'activating';
  return 'active';
}

/** Config changes are refused while a change is taking effect, or on a frozen instance. */
function busy(inst: InstanceState, now: number): EmuResponse | undefined {
  const status = instanceStatus(inst, now);
  if (status === 'activating') return error(400, 'InstanceActivating', 'The instance is activating; try again later.');
  if (status !== 'active') {
    return error(
      400,
      'InstanceStatusNotSupportCurrentAction',
      'The cluster is running tasks or in an error status. Try again later.',
    );
  }
  const d = inst.deploy;
  if (d && !d.applied && Number.isFinite(d.startsAt)) {
    return error(409, 'ConcurrencyUpdateInstanceConflict', 'Another change to the instance is in progress.');
  }
  return undefined;
}

function describe(inst: InstanceState, now: number): Record<string, unknown> {
  return {
    instanceId: inst.id,
    description: `emulated ${inst.id}`,
    status: instanceStatus(inst, now),
    version: '7.4.0_with_X-Pack',
    nodeAmount: 2,
    nodeSpec: { spec: 'elasticsearch.sn1ne.large', disk: 20, diskType: 'cloud_ssd' },
    paymentType: 'postpaid',
    createdAt: iso(inst.created),
    updatedAt: iso(inst.deploy?.startsAt && Number.isFinite(inst.deploy.startsAt) ? inst.deploy.startsAt : inst.created),
  };
}

function listPipelines(inst: InstanceState, q: URLSearchParams): EmuResponse {
  const page = Number(q.get('page') ?? '1');
  const size = Number(q.get('size') ?? '20');
  if (!(page >= 1 && page <= 200 && size >= 1 && size <= 200))
    return error(400, 'InvalidParameter', 'page and size must be 1 to 200.');
  const filter = q.get('pipelineId');
  const all = [...inst.pipelines].filter(([id]) => !filter || id.includes(filter));
  const items = all.slice((page - 1) * size, page * size).map(([id, p]) => ({
    pipelineId: id,
    pipelineStatus: p.status,
    gmtCreatedTime: iso(p.created),
    gmtUpdateTime: iso(p.updated),
  }));
  return ok({ Headers: { 'X-Total-Count': all.length }, Result: items });
}

/** ListLogstashLog's `type` values, as the API reference lists them. */
const LOG_TYPES = new Set(['LOGSTASH_INSTANCE_LOG', 'SEARCHSLOW', 'INDEXINGSLOW', 'JVMLOG', 'LOGSTASH_DEBUG_LOG']);
/** `liveLogEveryMs`: a line per interval of the deploy's restart so far. */
function liveLog(inst: InstanceState, now: number): InstanceState['log'] {
  const every = inst.scenario.liveLogEveryMs;
  const d = inst.deploy;
  if (!every || !d) return [];
  const count = Math.max(0, Math.floor((Math.min(now, d.endsAt) - d.startsAt) / every));
  return Array.from({ length: count }, (_, i) => ({
    level: inst.scenario.logLevelCase === 'upper' ? 'INFO' : 'info',
    content: `[INFO][logstash.pipeline] live line ${i + 1}`,
    timestamp: d.startsAt + (i + 1) * every,
  }));
}

function searchLog(inst: InstanceState, q: URLSearchParams): EmuResponse {
  const type = q.get('type');
  const query = q.get('query');
  if (!type || !query) return error(400, 'MissingParameter', 'type and query are required.');
  // Any other type is refused: the code (among the documented ones) and the wording are a guess.
  if (!LOG_TYPES.has(type)) return error(400, 'InvalidParameter', `type ${type} is not supported.`);
  // Only the main log (LOGSTASH_INSTANCE_LOG) is kept here; the other types answer no lines.
  if (type !== 'LOGSTASH_INSTANCE_LOG') return ok({ Result: [] });
  const from = Number(q.get('beginTime') ?? 0);
  const to = Number(q.get('endTime') ?? Infinity);
  // No source says whether the level term is case-sensitive; the emulator takes the strict reading, so
  // a search in the wrong case finds nothing (a guess that keeps the action honest).
  const level = /level:(\w+)/.exec(query)?.[1];
  // page 1-200 and size 1-100 (default 20), as the API reference gives them. InvalidParameter is among
  // the documented codes; that it answers an out-of-range page, and its message, are a guess.
  const size = Number(q.get('size') ?? '20');
  const page = Number(q.get('page') ?? '1');
  if (!(size >= 1 && size <= 100 && page >= 1 && page <= 200))
    return error(400, 'InvalidParameter', 'page or size is out of range.');
  // Newest first, as the console guide shows the log ("日志默认按时间倒序展示", help.aliyun.com document
  // 139563, "Query logs"); that the API answers in the same order is a guess.
  const lines = [...inst.log, ...liveLog(inst, Date.now())]
    .sort((a, b) => a.timestamp - b.timestamp)
    .filter((l) => l.timestamp >= from && l.timestamp <= to && (!level || l.level === level))
    .map((l, i) => ({ l, i }))
    .sort((a, b) => b.l.timestamp - a.l.timestamp || b.i - a.i)
    .map(({ l }) => l)
    .slice((page - 1) * size, page * size);
  return ok({ Result: lines.map((l) => ({ ...l, host: '10.0.0.1', instanceId: inst.id })) });
}

/** StopPipelines takes a ClientToken too: a token seen before answers the first response again and stops nothing. */
function stopOnce(inst: InstanceState, req: EmuRequest, now: number): EmuResponse {
  const token = req.query.get('ClientToken') ?? '';
  const key = `stop:${token}`;
  const replay = token ? inst.tokens.get(key) : undefined;
  if (replay) {
    inst.stats.stopCalls++;
    return replay;
  }
  const res = stop(inst, req, now);
  if (token && res.status === 200) inst.tokens.set(key, res);
  return res;
}

function stop(inst: InstanceState, req: EmuRequest, now: number): EmuResponse {
  inst.stats.stopCalls++;
  const ids = parseIds(req.body);
  if (!ids) return error(400, 'InvalidParameter', 'The body must be a JSON array of pipeline ids.');
  const status = instanceStatus(inst, now);
  if (status !== 'active') return error(400, 'InstanceActivating', 'The instance is activating; try again later.');
  if (inst.deploy && !inst.deploy.applied) inst.deploy.applied = true;
  for (const id of ids) {
    const p = inst.pipelines.get(id);
    if (p) Object.assign(p, { status: 'NOT_DEPLOYED', updated: now });
  }
  inst.stats.stoppedPipelines.push(...ids);
  return ok({ Result: true });
}

function parseIds(body: string): string[] | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

function ok(body: Record<string, unknown>): EmuResponse {
  const id = randomUUID().toUpperCase();
  return json(200, { RequestId: id, ...body }, { 'x-acs-request-id': id });
}

function error(status: number, code: string, message: string): EmuResponse {
  const id = randomUUID().toUpperCase();
  return json(
    status,
    {
      RequestId: id,
      HostId: 'elasticsearch.cn-hangzhou.aliyuncs.com',
      Code: code,
      Message: message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${code}`,
    },
    { 'x-acs-request-id': id },
  );
}

function defaultMessage(code: string): string {
  if (code.includes('Throttling')) return 'Request was denied due to user flow control.';
  if (code === 'ServiceUnavailable') return 'The request has failed due to a temporary failure of the server.';
  return `emulated ${code}`;
}
