/**
 * Feldera pipeline manager, as `shared/providers/feldera.md` describes it: /start and /activate set
 * the desired state and return 202 at once; GET shows the combined status moving through
 * Provisioning and Initializing to the requested state, or to Stopped with a deployment error.
 */
import { json, type EmuRequest, type EmuResponse, type ProviderEmulator } from './types.ts';

export interface FelderaPipelineScenario {
  /** Final program status; compile errors make /start fail (or an early start fail later). */
  program?: 'Success' | 'SqlError' | 'RustError' | 'SystemError';
  /** How long the program keeps compiling after the scenario is set (early start waits for it). */
  compileMs?: number;
  provisionMs?: number;
  initializeMs?: number;
  /** What the deployment does once provisioned. */
  outcome?: 'reach-target' | 'awaiting-approval' | 'deployment-error' | 'stuck' | 'unknown-status';
  errorCode?: string;
  errorMessage?: string;
  /** The next N requests for this pipeline answer 503. */
  unavailable503?: number;
  /** Storage with a file backend and sync config: required for initial=standby. */
  standbyAllowed?: boolean;
  /** Starts deployed in Standby (for /activate). */
  startInStandby?: boolean;
  /** Lines the pipeline logs once it started, after the runner's own (see `logs`). */
  logLines?: string[];
  /** After the replay, the log stream pushes a new line this often (a busy pipeline); default: no live lines. */
  logLiveEveryMs?: number;
  /** `GET /logs` answers 503 RunnerInteractionUnreachable. */
  logsUnavailable?: boolean;
}

export interface FelderaScenario {
  /** When set, requests need `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Enterprise build: /activate works (the open-source build answers 501). */
  enterprise?: boolean;
  pipelines?: Record<string, FelderaPipelineScenario>;
}

type Target = 'Running' | 'Paused' | 'Standby';

interface PipelineState {
  id: string;
  name: string;
  scenario: FelderaPipelineScenario;
  createdAt: number;
  desired: 'Stopped' | Target;
  startedAt?: number;
  initial?: Target;
  bootstrapPolicy?: string;
  stoppedAt?: number;
  error?: { message: string; error_code: string; details: Record<string, unknown> };
  /** Every /start or /activate call that got past validation (repeats included). */
  triggers: number;
  /** Deployments actually started: a repeated identical start is the same start and not counted. */
  starts: number;
  stops: number;
  unavailableLeft: number;
}

const INITIALS: Record<string, Target> = { running: 'Running', paused: 'Paused', standby: 'Standby' };
const POLICIES = new Set(['allow', 'reject', 'await_approval']);
const STOP_MS = 200;

const err = (status: number, code: string, message: string, details: Record<string, unknown> = {}): EmuResponse =>
  json(status, { message, error_code: code, details });

export class FelderaEmulator implements ProviderEmulator {
  readonly name = 'feldera';
  private scenario: FelderaScenario = {};
  private pipelines = new Map<string, PipelineState>();

  configure(config: FelderaScenario | undefined): void {
    this.scenario = config ?? {};
    this.pipelines.clear();
    let n = 0;
    for (const [name, scenario] of Object.entries(this.scenario.pipelines ?? {})) {
      n++;
      const state: PipelineState = {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        name,
        scenario,
        createdAt: Date.now(),
        desired: 'Stopped',
        triggers: 0,
        starts: 0,
        stops: 0,
        unavailableLeft: scenario.unavailable503 ?? 0,
      };
      if (scenario.startInStandby)
        Object.assign(state, {
          desired: 'Standby',
          initial: 'Standby',
          createdAt: Date.now() - 60_000,
          startedAt: Date.now() - 60_000,
        });
      this.pipelines.set(name, state);
    }
  }

  stats(): Record<string, { triggers: number; starts: number; stops: number; desired: string }> {
    return Object.fromEntries(
      [...this.pipelines].map(([n, p]) => [n, { triggers: p.triggers, starts: p.starts, stops: p.stops, desired: p.desired }]),
    );
  }

  handle(req: EmuRequest): EmuResponse | undefined {
    if (req.path === '/v0/pipelines') return this.list(req);
    const m = /^\/v0\/pipelines\/([^/]+)(\/[a-z_]+)?$/.exec(req.path);
    if (!m) return undefined;
    const denied = this.authenticate(req);
    if (denied) return denied;
    const name = decodeURIComponent(m[1] ?? '');
    const p = this.pipelines.get(name);
    if (!p) return err(404, 'UnknownPipelineName', `Unknown pipeline name '${name}'`, { pipeline_name: name });
    if (p.unavailableLeft > 0) {
      p.unavailableLeft--;
      return err(503, 'LockTookTooLong', 'Database lock took too long; try again');
    }
    const action = m[2] ?? '';
    if (req.method === 'GET' && action === '') return json(200, this.view(p, req.query.get('selector') ?? 'all'));
    if (req.method === 'GET' && action === '/logs') return this.logs(p);
    if (req.method !== 'POST') return json(405, { message: 'method not allowed' });
    if (action === '/start') return this.start(p, req.query);
    if (action === '/activate') return this.activate(p, req.query);
    if (action === '/stop') return this.stop(p);
    return undefined;
  }

  /** `GET /v0/pipelines[?selector=...]`: every pipeline, each as its own GET would show it. */
  private list(req: EmuRequest): EmuResponse {
    const denied = this.authenticate(req);
    if (denied) return denied;
    if (req.method !== 'GET') return json(405, { message: 'method not allowed' });
    const selector = req.query.get('selector') ?? 'all';
    return json(
      200,
      [...this.pipelines.values()].map((p) => this.view(p, selector)),
    );
  }

  private authenticate(req: EmuRequest): EmuResponse | undefined {
    const key = this.scenario.apiKey;
    if (!key) return undefined;
    const auth = req.headers['authorization'];
    if (auth === undefined) return { status: 401, headers: { 'www-authenticate': 'Bearer' } };
    if (auth !== `Bearer ${key}`)
      return json(401, { message: 'Unauthorized: invalid API key', error_code: 'AuthenticationFailed' });
    return undefined;
  }

  private programStatus(p: PipelineState, now: number): string {
    const compileDone = p.createdAt + (p.scenario.compileMs ?? 0);
    if (now < compileDone) return now < compileDone - (p.scenario.compileMs ?? 0) / 2 ? 'CompilingSql' : 'CompilingRust';
    return p.scenario.program ?? 'Success';
  }

  private start(p: PipelineState, q: URLSearchParams): EmuResponse {
    const initialRaw = q.get('initial') ?? 'running';
    const initial = INITIALS[initialRaw];
    if (!initial) return err(405, 'UnsupportedPipelineAction', `Unsupported initial state '${initialRaw}'`);
    const policy = q.get('bootstrap_policy') ?? 'await_approval';
    if (!POLICIES.has(policy)) return { status: 400, body: `Query deserialize error: unknown variant \`${policy}\`` };
    const dismiss = (q.get('dismiss_error') ?? 'true') === 'true';
    const now = Date.now();
    this.settle(p, now);
    if (p.error && !dismiss) return err(400, 'CannotStartWithUndismissedError', 'Cannot start: deployment error not dismissed');
    if (['SqlError', 'RustError', 'SystemError'].includes(this.programStatus(p, now))) {
      return err(400, 'CannotStartWithCompilationError', 'Cannot start a pipeline whose program failed to compile');
    }
    if (initial === 'Standby' && !p.scenario.standbyAllowed) {
      return err(400, 'InitialStandbyNotAllowed', 'Standby requires a file storage backend with sync configuration');
    }
    p.triggers++;
    if (p.desired !== 'Stopped') {
      if (p.initial !== initial) return err(400, 'InitialImmutableUnlessStopped', 'Initial state cannot change unless stopped');
      if (p.bootstrapPolicy !== policy)
        return err(400, 'BootstrapPolicyImmutableUnlessStopped', 'Bootstrap policy cannot change unless stopped');
      return json(202, 'Pipeline is starting');
    }
    delete p.error;
    delete p.stoppedAt;
    p.starts++;
    Object.assign(p, { desired: initial, initial, bootstrapPolicy: policy, startedAt: now });
    return json(202, 'Pipeline is starting');
  }

  private activate(p: PipelineState, q: URLSearchParams): EmuResponse {
    if (!this.scenario.enterprise) return err(501, 'EnterpriseFeature', 'Activate is an Enterprise feature');
    const raw = q.get('initial') ?? 'running';
    const target = raw === 'running' ? 'Running' : raw === 'paused' ? 'Paused' : undefined;
    if (!target) return err(400, 'InvalidActivateStatus', `Invalid activate status '${raw}'`);
    if (this.deploymentStatus(p, Date.now()) !== 'Standby') {
      return err(503, 'PipelineInteractionNotDeployed', 'Pipeline is not deployed in Standby');
    }
    p.triggers++;
    p.starts++;
    Object.assign(p, { desired: target, initial: target, startedAt: Date.now() });
    return json(202, `Pipeline transitioning from Standby to ${target}`);
  }

  private stop(p: PipelineState): EmuResponse {
    p.stops++;
    if (p.desired !== 'Stopped') {
      p.desired = 'Stopped';
      p.stoppedAt = Date.now();
    }
    return json(202, 'Pipeline is forcefully stopping');
  }

  /** Applies time-driven failures (deployment error) to the desired state, as the manager would. */
  private settle(p: PipelineState, now: number): void {
    if (p.desired === 'Stopped' || p.startedAt === undefined) return;
    const failAt = this.failureTime(p, now);
    if (failAt === undefined || now < failAt) return;
    const program = this.programStatus(p, now);
    const compileFailed = program !== 'Success';
    p.error = compileFailed
      ? {
          message: `Pipeline failed to start due to a ${program}`,
          error_code: 'StartFailedDueToFailedCompilation',
          details: { compiler_error: `${program}: compilation failed (emulated)` },
        }
      : {
          message: p.scenario.errorMessage ?? 'Pipeline failed to provision',
          error_code: p.scenario.errorCode ?? 'RunnerProvisionError',
          details: {},
        };
    p.desired = 'Stopped';
    p.stoppedAt = compileFailed ? now - STOP_MS : failAt;
  }

  private failureTime(p: PipelineState, now: number): number | undefined {
    const compileDone = p.createdAt + (p.scenario.compileMs ?? 0);
    if (this.programStatus(p, now) !== 'Success' && now >= compileDone) return Math.max(compileDone, p.startedAt ?? 0);
    if (p.scenario.outcome !== 'deployment-error') return undefined;
    return this.provisionedAt(p) + (p.scenario.initializeMs ?? 0);
  }

  private provisionedAt(p: PipelineState): number {
    const compileDone = p.createdAt + (p.scenario.compileMs ?? 0);
    return Math.max(p.startedAt ?? 0, compileDone) + (p.scenario.provisionMs ?? 300);
  }

  private deploymentStatus(p: PipelineState, now: number): string {
    this.settle(p, now);
    if (p.desired === 'Stopped') {
      if (p.stoppedAt === undefined) return 'Stopped';
      return now - p.stoppedAt < STOP_MS ? 'Stopping' : 'Stopped';
    }
    const start = Math.max(p.startedAt ?? now, p.createdAt + (p.scenario.compileMs ?? 0));
    if (now < start) return 'Stopped';
    const provisioned = this.provisionedAt(p);
    if (now < provisioned) return 'Provisioning';
    if (now < provisioned + (p.scenario.initializeMs ?? 300)) return 'Initializing';
    switch (p.scenario.outcome ?? 'reach-target') {
      case 'awaiting-approval':
        return 'AwaitingApproval';
      case 'stuck':
        return 'Initializing';
      case 'unknown-status':
        return 'Hibernating';
      default:
        return p.desired;
    }
  }

  /**
   * `GET /logs`: a text/plain stream that replays the runner's log buffer, then pushes new lines as they
   * come and never ends on its own (the OpenAPI description of get_pipeline_logs).
   */
  private logs(p: PipelineState): EmuResponse {
    if (p.scenario.logsUnavailable) {
      return err(
        503,
        'RunnerInteractionUnreachable',
        'Unable to reach pipeline runner to interact due to: timeout (10s) was reached',
      );
    }
    const replay = logBuffer(p, this.deploymentStatus(p, Date.now()));
    const every = p.scenario.logLiveEveryMs;
    return {
      status: 200,
      stream: (write, closed) => {
        if (replay.length > 0) write(`${replay.join('\n')}\n`);
        if (every === undefined) return;
        let n = 0;
        const timer = setInterval(() => write(`${new Date().toISOString()}  INFO dbsp: live line ${++n}\n`), every);
        closed.addEventListener('abort', () => clearInterval(timer), { once: true });
      },
    };
  }

  private view(p: PipelineState, selector: string): Record<string, unknown> {
    const now = Date.now();
    const status = this.deploymentStatus(p, now);
    const program = this.programStatus(p, now);
    const since = new Date(now).toISOString();
    const base: Record<string, unknown> = {
      id: p.id,
      name: p.name,
      description: '',
      created_at: new Date(p.createdAt).toISOString(),
      version: 1,
      platform_version: '0.337.0',
      program_version: 1,
      program_status: program,
      program_status_since: since,
      refresh_version: 1,
      storage_status: p.startedAt ? 'InUse' : 'Cleared',
      deployment_status: status,
      deployment_status_since: since,
      deployment_desired_status: p.desired,
      deployment_desired_status_since: since,
      deployment_resources_status:
        status === 'Stopped' || status === 'Provisioning' || status === 'Stopping' ? status : 'Provisioned',
      deployment_resources_status_since: since,
      deployment_resources_desired_status: p.desired === 'Stopped' ? 'Stopped' : 'Provisioned',
      deployment_resources_desired_status_since: since,
      deployment_error: p.error ?? null,
      deployment_id: p.startedAt ? `d0000000-0000-4000-8000-${p.id.slice(-12)}` : null,
      deployment_initial: p.initial ?? null,
    };
    if (selector === 'all') base['program_error'] = programError(program);
    return base;
  }
}

function programError(program: string): Record<string, unknown> {
  return {
    sql_compilation:
      program === 'SqlError'
        ? {
            exit_code: 1,
            messages: [{ start_line_number: 3, message: "Table 'missing_table' not found", error_type: 'Error', warning: false }],
          }
        : null,
    rust_compilation: program === 'RustError' ? { exit_code: 1, stdout: '', stderr: 'error[E0308]: mismatched types' } : null,
    system_error: program === 'SystemError' ? 'compiler server crashed' : null,
  };
}

/**
 * The runner's log buffer as the stream replays it: what a deployment logs on its way up (or down
 * with its error), then the scenario's own lines. The wording of the lines is a guess; their shape
 * (timestamp, level, target, message) is that of the pipeline's tracing output.
 */
function logBuffer(p: PipelineState, status: string): string[] {
  if (p.startedAt === undefined) return [];
  const at = (ms: number): string => new Date(ms).toISOString();
  const lines = [
    `${at(p.startedAt)}  INFO runner: deployment of pipeline ${p.name} requested (initial ${p.initial ?? 'Running'})`,
  ];
  if (status !== 'Provisioning' && status !== 'Stopped')
    lines.push(`${at(p.startedAt)}  INFO runner: pipeline ${p.name} provisioned`);
  lines.push(...(p.scenario.logLines ?? []));
  if (p.error) lines.push(`${at(p.stoppedAt ?? p.startedAt)} ERROR runner: ${p.error.error_code}: ${p.error.message}`);
  if (p.desired !== 'Stopped' && status === p.desired) lines.push(`${at(p.startedAt)}  INFO dbsp: pipeline is ${status}`);
  return lines;
}
