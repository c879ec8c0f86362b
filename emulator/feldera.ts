/**
 * Feldera pipeline manager, following its source (feldera/feldera, crates/pipeline-manager):
 * /start sets the desired resources status and returns 202 at once (api/endpoints/pipeline_management.rs
 * `post_pipeline_start`), validated as db/operations/pipeline.rs `set_deployment_resources_desired_status`
 * and db/types/resources_status.rs `validate_resources_desired_status_transition` do; GET shows the
 * combined status (db/types/combined_status.rs) moving through Provisioning and Initializing to the
 * requested state, or to Stopped with a deployment error set together with desired Stopped.
 * Error texts are the server's (db/error.rs, runner/error.rs, common_error.rs, adapters server/error.rs).
 * `version` makes it an older manager, as the releases tagged in feldera/feldera behaved (see `Since`).
 */
import { json, type EmuRequest, type EmuResponse, type ProviderEmulator } from './types.ts';

type Initial = 'running' | 'paused' | 'standby';

export interface FelderaPipelineScenario {
  /** Final program status; compile errors make /start fail (or an early start fail later). */
  program?: 'Success' | 'SqlError' | 'RustError' | 'SystemError';
  /** How long the program keeps compiling after the scenario is set (early start waits for it). */
  compileMs?: number;
  /** Instead of `compileMs`: the program compiles until this long after the first start (an early start, however late it comes). */
  compileAfterStartMs?: number;
  provisionMs?: number;
  initializeMs?: number;
  /** How long Stopping lasts after a stop or a deployment error (default 200 ms). */
  stopMs?: number;
  /** What the deployment does once provisioned. */
  outcome?: 'reach-target' | 'awaiting-approval' | 'deployment-error' | 'stuck' | 'unknown-status';
  errorCode?: string;
  errorMessage?: string;
  /** `deployment_runtime_status_details.reason` while Initializing (or stuck there). */
  reason?: string;
  /** `approval_diff` shown while AwaitingApproval; a PipelineDiff-shaped default otherwise. */
  approvalDiff?: Record<string, unknown>;
  /** The next N requests for this pipeline answer 503. */
  unavailable503?: number;
  /** Storage with a file backend and sync config: required for initial=standby. */
  standbyAllowed?: boolean;
  /** Already deployed in Standby when the scenario is set (for /activate); same as `deployed: {initial: 'standby'}`. */
  startInStandby?: boolean;
  /**
   * Already deployed when the scenario is set: started with `initial` and `bootstrapPolicy` (default
   * await_approval), and since moved to `runtime` by /pause, /resume or /activate where given;
   * `agoMs` after someone else's start (default a minute: up long since), counted from the first
   * request that reaches the pipeline (so a test does not depend on how long the step takes to start).
   */
  deployed?: { initial: Initial; bootstrapPolicy?: string; runtime?: 'Running' | 'Paused'; agoMs?: number };
  /**
   * A deployment error left by an earlier start; desired status is Stopped. With `stoppingMs` the
   * pipeline is still Stopping until that long after the first request that reaches it (so a test does
   * not depend on how long the step takes to start).
   */
  previousError?: { code: string; message: string; stoppingMs?: number };
  /** Rust compiler stderr: this many lines of cargo progress and warnings before the error. */
  cargoNoiseLines?: number;
  /** Lines the pipeline logs once it started, after the runner's own (see `logs`). */
  logLines?: string[];
  /** The pipeline logs a line this often from its start (a busy pipeline), kept in the ring buffer; default: none. */
  logLiveEveryMs?: number;
  /** `GET /logs` answers 503 RunnerInteractionUnreachable. */
  logsUnavailable?: boolean;
  /**
   * For this long after the start, `GET /logs` answers an empty 404 (the runner is not up yet), as the
   * issue on live logs reports early in a deployment; how long is a guess.
   */
  logsLateMs?: number;
}

export interface FelderaScenario {
  /** When set, requests need `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /**
   * The caller's role (read < write < admin < owner). Unset: `admin` with authentication off (auth.rs
   * `tag_with_default_tenant_id`), `write` for the API key (a guess: the role Feldera's Python SDK
   * `create_api_key` gives by default). null: a login that resolved no acting tenant (config.rs
   * `get_config_session`), which answers no role.
   */
  role?: 'read' | 'write' | 'admin' | 'owner' | null;
  /** False: a manager that predates `GET /v0/config/session` (the route answers 404). Default: by `version`. */
  sessionRoute?: boolean;
  /** Enterprise build: /activate works (the open-source build answers 501). */
  enterprise?: boolean;
  /**
   * The manager's version (default 0.337.0), as `GET /v0/config` reports it. An older one behaves as
   * that release did: below 0.327.0 the session answers no role, below 0.251.0 there is no
   * /dismiss_error (an empty 404) and /start reads no dismiss_error, below 0.150.0 there is no
   * session route, and below 0.148.0 /start reads no query at all and always deploys running.
   */
  version?: string;
  pipelines?: Record<string, FelderaPipelineScenario>;
}

const DEFAULT_VERSION = '0.337.0';

/** The first releases with each behaviour (`git tag --contains` of the commit named). */
const Since = {
  /** a9291e062 "pipeline status rework": /start?initial=… (v0.147.0 `post_pipeline_start` takes no query). */
  startInitial: [0, 148, 0],
  /** 2db563c76: `GET /v0/config/session`, then answering only `tenant_id` and `tenant_name`. */
  sessionRoute: [0, 150, 0],
  /** 13be1d464: `POST /dismiss_error`, `/start?dismiss_error`, BootstrapPolicyImmutableUnlessStopped. */
  dismissError: [0, 251, 0],
  /** 16484dd6d "Add role-based access control": `role` in the session answer. */
  roles: [0, 327, 0],
} as const;

type Target = 'Running' | 'Paused' | 'Standby';

interface PipelineState {
  id: string;
  name: string;
  scenario: FelderaPipelineScenario;
  createdAt: number;
  /** `deployment_resources_desired_status`. */
  resources: 'Stopped' | 'Provisioned';
  startedAt?: number;
  /** The first accepted start (for `compileAfterStartMs`). */
  firstStartAt?: number;
  /** `deployment_initial`: cleared when stopping begins. */
  initial?: Target;
  /** The initial state of the last deployment, for its log (kept after it stopped). */
  deployedWith?: Target;
  /** Runtime desired status once changed by /activate (the pipeline process owns it). */
  runtimeDesired?: Target;
  bootstrapPolicy?: string;
  /** When Stopping began; cleared once fully Stopped. */
  stoppingSince?: number;
  /** `deployed.agoMs` not yet started: the deployment began this long before the first request. */
  deployClock?: number;
  /** `previousError.stoppingMs` not yet started: Stopping ends this long after the first request. */
  stopClock?: number;
  error?: { message: string; error_code: string; details: unknown };
  /** When the runner logged the error: its log line keeps this time once Stopping is over. */
  errorAt?: number;
  /** Every /start or /activate call that got past validation (repeats included). */
  triggers: number;
  /** Deployments actually started (Stopped → Provisioned) and activations out of Standby. */
  starts: number;
  stops: number;
  dismissals: number;
  unavailableLeft: number;
}

const INITIALS: Record<string, Target> = { running: 'Running', paused: 'Paused', standby: 'Standby' };
const POLICIES = new Set(['allow', 'reject', 'await_approval']);
const ROLES = ['read', 'write', 'admin', 'owner'] as const;
const DEFAULT_STOP_MS = 200;
const COMPILE_FAILED = new Set(['SqlError', 'RustError', 'SystemError']);

/** Success answers are JSON strings (`HttpResponse::Accepted().json(json!("…"))`). */
const said = (status: number, text: string): EmuResponse =>
  json(status, JSON.stringify(text), { 'content-type': 'application/json' });

const err = (status: number, code: string, message: string, details: unknown = null): EmuResponse =>
  json(status, { message, error_code: code, details });

export class FelderaEmulator implements ProviderEmulator {
  readonly name = 'feldera';
  private scenario: FelderaScenario = {};
  private pipelines = new Map<string, PipelineState>();
  private version: [number, number, number] = parseVersion(DEFAULT_VERSION);

  /** True when this manager is at least the release `since` names. */
  private has(since: readonly [number, number, number]): boolean {
    for (let i = 0; i < 3; i++) {
      const a = this.version[i] ?? 0;
      const b = since[i] ?? 0;
      if (a !== b) return a > b;
    }
    return true;
  }

  configure(config: FelderaScenario | undefined): void {
    this.scenario = config ?? {};
    this.version = parseVersion(this.scenario.version ?? DEFAULT_VERSION);
    this.pipelines.clear();
    let n = 0;
    for (const [name, scenario] of Object.entries(this.scenario.pipelines ?? {})) {
      n++;
      this.pipelines.set(name, initialState(name, n, scenario, Date.now()));
    }
  }

  stats(): Record<string, { triggers: number; starts: number; stops: number; dismissals: number; desired: string }> {
    return Object.fromEntries(
      [...this.pipelines].map(([n, p]) => [
        n,
        { triggers: p.triggers, starts: p.starts, stops: p.stops, dismissals: p.dismissals, desired: desiredStatus(p) },
      ]),
    );
  }

  handle(req: EmuRequest): EmuResponse | undefined {
    if (req.path === '/v0/pipelines') return this.list(req);
    if (req.path === '/v0/config/session') return this.session(req);
    if (req.path === '/v0/config') return this.config(req);
    const m = /^\/v0\/pipelines\/([^/]+)(\/[a-z_]+)?$/.exec(req.path);
    if (!m) return undefined;
    const denied = this.authenticate(req) ?? this.authorize(req.method === 'GET' ? 'read' : 'write');
    if (denied) return denied;
    const name = decodeURIComponent(m[1] ?? '');
    const p = this.pipelines.get(name);
    if (!p) return err(404, 'UnknownPipelineName', `Unknown pipeline name '${name}'`, { pipeline_name: name });
    startStopClock(p, Date.now());
    if (p.deployClock !== undefined) {
      p.startedAt = Date.now() - p.deployClock;
      delete p.deployClock;
    }
    if (p.unavailableLeft > 0) {
      p.unavailableLeft--;
      // db/error.rs `LockTookTooLong`. The server also sends `Retry-After: 5` with every 503 (error.rs
      // `json_error_response`); left out here so that tests of retried bursts do not wait seconds.
      return err(
        503,
        'LockTookTooLong',
        'The lock required for this operation took too long to acquire. Try this operation again later.',
      );
    }
    const action = m[2] ?? '';
    if (req.method === 'GET' && action === '') return json(200, this.view(p, req.query.get('selector') ?? 'all'));
    if (req.method === 'GET' && action === '/logs') return this.logs(p);
    if (req.method !== 'POST') return json(405, { message: 'method not allowed' });
    if (action === '/start') return this.start(p, req.query);
    if (action === '/activate') return this.activate(p, req.query);
    if (action === '/dismiss_error') return this.has(Since.dismissError) ? this.dismissError(p) : NO_ROUTE;
    if (action === '/stop') return this.stop(p, req.query);
    return undefined;
  }

  /** `GET /v0/pipelines[?selector=...]`: every pipeline, each as its own GET would show it. */
  private list(req: EmuRequest): EmuResponse {
    const denied = this.authenticate(req) ?? this.authorize('read');
    if (denied) return denied;
    if (req.method !== 'GET') return json(405, { message: 'method not allowed' });
    const selector = req.query.get('selector') ?? 'all';
    return json(
      200,
      [...this.pipelines.values()].map((p) => this.view(p, selector)),
    );
  }

  /**
   * `GET /v0/config/session` (api/endpoints/config.rs `get_config_session`): the caller's role in the
   * acting tenant; null with the tenant when a login resolved none. API keys and the no-auth principal
   * have no memberships. Before roles (v0.326.0 `SessionInfo`) only the tenant was answered.
   */
  private session(req: EmuRequest): EmuResponse | undefined {
    const denied = this.authenticate(req);
    if (denied) return denied;
    if (!(this.scenario.sessionRoute ?? this.has(Since.sessionRoute))) return NO_ROUTE;
    if (req.method !== 'GET') return json(405, { message: 'method not allowed' });
    const tenant = { tenant_id: '00000000-0000-4000-8000-00000000d0d0', tenant_name: 'default' };
    if (!this.has(Since.roles)) return json(200, tenant);
    const role = this.role();
    if (role === null) return json(200, { tenant_id: null, tenant_name: null, role: null, memberships: [] });
    return json(200, { ...tenant, role, memberships: [] });
  }

  private role(): 'read' | 'write' | 'admin' | 'owner' | null {
    if (this.scenario.role !== undefined) return this.scenario.role;
    return this.scenario.apiKey ? 'write' : 'admin';
  }

  /**
   * `GET /v0/config` (api/endpoints/config.rs `get_config`, in the authenticated /v0 scope): the
   * edition ("Open source" or "Enterprise") and its version; the build fields are left out, and the
   * revisions are made up.
   */
  private config(req: EmuRequest): EmuResponse {
    const denied = this.authenticate(req);
    if (denied) return denied;
    if (req.method !== 'GET') return json(405, { message: 'method not allowed' });
    const version = this.version.join('.');
    return json(200, {
      posthog: '',
      edition: this.scenario.enterprise ? 'Enterprise' : 'Open source',
      version,
      revision: 'emulated',
      runtime_revision: 'emulated',
      unstable_features: null,
      changelog_url: `https://github.com/feldera/feldera/releases/tag/v${version}`,
      license_validity: null,
      update_info: null,
      build_source: 'ci',
    });
  }

  /**
   * auth.rs `auth_validator`: a token with the `apikey:` prefix is looked up as a key, and a wrong one
   * gets a body with message and error_code only. Any other token is checked as a JWT; one that is not a
   * JWT has no `iss` claim, and the refusal is in the header alone. No header: a bare challenge.
   */
  private authenticate(req: EmuRequest): EmuResponse | undefined {
    const key = this.scenario.apiKey;
    if (!key) return undefined;
    const auth = req.headers['authorization'];
    if (auth === undefined) return { status: 401, headers: { 'www-authenticate': 'Bearer' } };
    if (auth === `Bearer ${key}`) return undefined;
    if (auth.startsWith('Bearer apikey:'))
      return json(401, { message: 'Unauthorized API key', error_code: 'AuthenticationFailed' });
    return { status: 401, headers: { 'www-authenticate': 'Bearer error_description="Malformed JWT: missing iss claim"' } };
  }

  /** api/rbac.rs (from v0.327.0): POST on a pipeline needs `write`, GET needs `read`. */
  private authorize(required: 'read' | 'write'): EmuResponse | undefined {
    if (!this.has(Since.roles)) return undefined;
    const actual = this.role();
    if (actual === null || ROLES.indexOf(actual) >= ROLES.indexOf(required)) return undefined;
    return err(
      403,
      'InsufficientPermissions',
      `Insufficient permissions: this action requires the '${required}' role, but the caller has '${actual}'`,
      { required, actual },
    );
  }

  private programStatus(p: PipelineState, now: number): string {
    const compileDone = compileDoneAt(p);
    if (now < compileDone) return now < compileDone - (p.scenario.compileMs ?? 0) / 2 ? 'CompilingSql' : 'CompilingRust';
    return p.scenario.program ?? 'Success';
  }

  /** The checks of `validate_resources_desired_status_transition` and `set_deployment_resources_desired_status`, in order. */
  private start(p: PipelineState, query: URLSearchParams): EmuResponse {
    // Before v0.148.0 /start read no query (it always deployed running), before v0.251.0 no dismiss_error.
    const q = new URLSearchParams(this.has(Since.startInitial) ? query : undefined);
    if (!this.has(Since.dismissError)) q.delete('dismiss_error');
    const policy = q.get('bootstrap_policy') ?? 'await_approval';
    if (!POLICIES.has(policy)) return { status: 400, body: `Query deserialize error: unknown variant \`${policy}\`` };
    const initialRaw = q.get('initial') ?? 'running';
    const initial = INITIALS[initialRaw];
    if (!initial) {
      return err(405, 'UnsupportedPipelineAction', `Unsupported pipeline action '/start?initial=${initialRaw}'`, {
        action: `/start?initial=${initialRaw}`,
        reason: `unknown initial runtime desired status: ${initialRaw}`,
      });
    }
    // Before v0.251.0 an old error went with the next deployment (the default, true, does the same).
    const dismiss = (q.get('dismiss_error') ?? 'true') === 'true';
    const now = Date.now();
    this.settle(p, now);
    const refused = this.refuseStart(p, now, dismiss, initial, policy);
    if (refused) return refused;
    p.triggers++;
    if (dismiss) {
      delete p.error;
      delete p.errorAt;
    }
    if (p.resources === 'Stopped') {
      p.starts++;
      p.firstStartAt ??= now;
      Object.assign(p, { resources: 'Provisioned', initial, deployedWith: initial, bootstrapPolicy: policy, startedAt: now });
      delete p.runtimeDesired;
    }
    // Already provisioned with the same initial and bootstrap config: accepted, and nothing changes.
    return said(202, 'Pipeline is starting');
  }

  private refuseStart(p: PipelineState, now: number, dismiss: boolean, initial: Target, policy: string): EmuResponse | undefined {
    if (p.resources === 'Stopped' && p.stoppingSince !== undefined) {
      return err(
        400,
        'IllegalPipelineAction',
        "Deployment resources status (current: 'Stopping', desired: 'Stopped') cannot have desired changed to 'Provisioned'. Cannot restart the pipeline while it is stopping. Wait until it is stopped before starting the pipeline again.",
        {
          status: 'Stopping',
          current_desired_status: 'Stopped',
          new_desired_status: 'Provisioned',
          hint: 'Cannot restart the pipeline while it is stopping. Wait until it is stopped before starting the pipeline again.',
        },
      );
    }
    if (p.error && !dismiss) {
      return err(
        400,
        'CannotStartWithUndismissedError',
        'Cannot process `/start?dismiss_error=false` if the `deployment_error` is set. You can dismiss the error by calling `/start?dismiss_error=true`, or alternatively first call `/dismiss_error`, after which `/start?dismiss_error=false` is again possible.',
      );
    }
    if (COMPILE_FAILED.has(this.programStatus(p, now))) {
      return err(
        400,
        'CannotStartWithCompilationError',
        'Cannot process `/start` if the `program_status` is `SqlError`, `RustError` or `SystemError`. Make changes to fix the error, which will trigger recompilation.',
      );
    }
    if (p.initial !== undefined && p.initial !== initial) {
      return err(
        400,
        'InitialImmutableUnlessStopped',
        'Initial desired runtime status cannot be changed unless the pipeline is desired to become Stopped.',
      );
    }
    if (p.bootstrapPolicy !== undefined && p.bootstrapPolicy !== policy && !this.has(Since.dismissError)) {
      // v0.250.0 db/operations/pipeline.rs compared initial and policy together.
      return err(
        400,
        'InitialImmutableUnlessStopped',
        'Initial desired runtime status cannot be changed unless the pipeline is desired to become Stopped.',
      );
    }
    if (p.bootstrapPolicy !== undefined && p.bootstrapPolicy !== policy) {
      return err(
        400,
        'BootstrapPolicyImmutableUnlessStopped',
        'Bootstrap policy cannot be changed unless the pipeline is desired to become Stopped.',
      );
    }
    if (initial === 'Standby' && !p.scenario.standbyAllowed) {
      return err(
        400,
        'InitialStandbyNotAllowed',
        'Initial desired runtime status can only be set to Standby if: (1) `runtime_config.storage.backend.name` is set to `file`, and (2) `runtime_config.storage.backend.config.sync` is configured.',
      );
    }
    return undefined;
  }

  /**
   * pipeline_interaction.rs forwards /activate to the pipeline process when provisioned; there
   * (adapters server.rs `state_transition`) any allowed transition answers 202, the same state included.
   */
  private activate(p: PipelineState, q: URLSearchParams): EmuResponse {
    if (!this.scenario.enterprise) {
      // pipeline_interaction.rs `post_pipeline_activate` names this feature; common_error.rs words it.
      return err(
        501,
        'EnterpriseFeature',
        'Cannot use enterprise-only feature (start from object store (S3)) in Feldera community edition.',
        { feature: 'start from object store (S3)' },
      );
    }
    const now = Date.now();
    const status = this.deploymentStatus(p, now);
    if (!this.runtimeKnown(p, now)) {
      return err(
        503,
        'PipelineInteractionNotDeployed',
        `Unable to interact with pipeline because the deployment status (${status}) indicates it is not (yet) fully provisioned pipeline-id=N/A pipeline-name="${p.name}"`,
        { pipeline_name: p.name, status, desired_status: desiredStatus(p) },
      );
    }
    const raw = q.get('initial') ?? 'running';
    const target = raw === 'running' ? 'Running' : raw === 'paused' ? 'Paused' : undefined;
    if (!target)
      return err(
        400,
        'InvalidActivateStatus',
        `Invalid activation status ${capitalize(raw)} (only running and paused are valid)`,
      );
    // Standby, Paused and Running may all move to Running or Paused (runtime_status.rs `may_transition_to`).
    const old = p.runtimeDesired ?? p.initial ?? 'Standby';
    p.triggers++;
    if (old === 'Standby') p.starts++;
    p.runtimeDesired = target;
    return said(202, `Pipeline transitioning from ${old} to ${target}`);
  }

  /** `dismiss_deployment_error`: refused only when an error is set and the pipeline is not fully stopped. */
  private dismissError(p: PipelineState): EmuResponse {
    this.settle(p, Date.now());
    const fullyStopped = p.resources === 'Stopped' && p.stoppingSince === undefined;
    if (p.error && !fullyStopped) {
      return err(
        400,
        'DismissErrorRestrictedToFullyStopped',
        'The pipeline must have both status `Stopped` and desired status `Stopped` to dismiss the `deployment_error` if it is set.',
      );
    }
    p.dismissals++;
    delete p.error;
    delete p.errorAt;
    return said(200, 'Pipeline deployment error has been dismissed');
  }

  /** `force=false` (the default) checkpoints first: Enterprise only; this emulator stops both alike. */
  private stop(p: PipelineState, q: URLSearchParams): EmuResponse {
    if (q.get('force') !== 'true' && !this.scenario.enterprise) {
      return err(
        501,
        'EnterpriseFeature',
        'Cannot use enterprise-only feature (stop?force=false) in Feldera community edition.',
        { feature: 'stop?force=false' },
      );
    }
    const now = Date.now();
    this.settle(p, now);
    p.stops++;
    if (p.resources !== 'Stopped') {
      p.resources = 'Stopped';
      p.stoppingSince = now;
      clearDeployment(p);
    }
    return said(202, 'Pipeline is forcefully stopping');
  }

  /** Applies what the runner does over time: deployment errors, and the end of Stopping. */
  private settle(p: PipelineState, now: number): void {
    if (p.resources === 'Provisioned' && p.startedAt !== undefined) {
      const failAt = this.failureTime(p, now);
      if (failAt !== undefined && now >= failAt) this.fail(p, now, failAt);
    }
    if (p.resources === 'Stopped' && p.stoppingSince !== undefined && now >= p.stoppingSince + stopMs(p)) {
      // Fully stopped: the deployment's initial status and bootstrap config are cleared.
      delete p.stoppingSince;
      delete p.initial;
      delete p.runtimeDesired;
      delete p.bootstrapPolicy;
    }
  }

  /**
   * The runner sets the error and desired Stopped in one transaction. A compile failure after an early
   * start never left Stopped (pipeline_automata.rs `RemainStoppedUpdateError`).
   */
  private fail(p: PipelineState, now: number, failAt: number): void {
    const program = this.programStatus(p, now);
    p.resources = 'Stopped';
    p.errorAt = failAt;
    if (COMPILE_FAILED.has(program)) {
      p.error = {
        message: 'Not possible to start the pipeline because the program failed to compile',
        error_code: 'StartFailedDueToFailedCompilation',
        details: { compiler_error: `${program} occurred (see \`program_error\` for more information)` },
      };
      delete p.stoppingSince;
      delete p.initial;
      delete p.bootstrapPolicy;
      return;
    }
    p.error = {
      message: p.scenario.errorMessage ?? 'Pipeline failed to provision',
      error_code: p.scenario.errorCode ?? 'RunnerProvisionError',
      details: null,
    };
    p.stoppingSince = failAt;
    clearDeployment(p);
  }

  private failureTime(p: PipelineState, now: number): number | undefined {
    const compileDone = compileDoneAt(p);
    if (COMPILE_FAILED.has(this.programStatus(p, now))) return Math.max(compileDone, p.startedAt ?? 0);
    if (p.scenario.outcome !== 'deployment-error') return undefined;
    return this.provisionedAt(p) + (p.scenario.initializeMs ?? 0);
  }

  private provisionedAt(p: PipelineState): number {
    const compileDone = compileDoneAt(p);
    return Math.max(p.startedAt ?? 0, compileDone) + (p.scenario.provisionMs ?? 300);
  }

  /** True once the pipeline process runs and reports its own runtime status. */
  private runtimeKnown(p: PipelineState, now: number): boolean {
    return p.resources === 'Provisioned' && now >= this.provisionedAt(p);
  }

  private deploymentStatus(p: PipelineState, now: number): string {
    this.settle(p, now);
    if (p.resources === 'Stopped') return p.stoppingSince === undefined ? 'Stopped' : 'Stopping';
    const start = Math.max(p.startedAt ?? now, compileDoneAt(p));
    if (now < start) return 'Stopped';
    const provisioned = this.provisionedAt(p);
    if (now < provisioned) return 'Provisioning';
    if (now < provisioned + (p.scenario.initializeMs ?? 300)) return 'Initializing';
    const desired = p.runtimeDesired ?? p.initial ?? 'Running';
    switch (p.scenario.outcome ?? 'reach-target') {
      case 'awaiting-approval':
        return desired === 'Standby' ? 'Standby' : 'AwaitingApproval';
      case 'stuck':
        return 'Initializing';
      case 'unknown-status':
        return 'Hibernating';
      default:
        return desired;
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
    const late = p.scenario.logsLateMs;
    if (late !== undefined && (p.startedAt === undefined || Date.now() < p.startedAt + late)) return { status: 404, body: '' };
    const now = Date.now();
    const replay = logBuffer(p, this.deploymentStatus(p, now));
    let liveSent = liveCount(p, now);
    const liveReplay = liveLines(p, Math.max(0, liveSent - LIVE_RING_LINES), liveSent);
    return {
      status: 200,
      stream: (write, closed) => {
        const first = [...replay, ...liveReplay];
        if (first.length > 0) write(`${first.join('\n')}\n`);
        // What the runner logs after the connection (provisioned, an error, running, the pipeline's own
        // lines) is pushed as it comes.
        const sent = new Set(replay);
        const follow = setInterval(() => {
          const at = Date.now();
          const fresh = logBuffer(p, this.deploymentStatus(p, at)).filter((l) => !sent.has(l));
          for (const l of fresh) sent.add(l);
          const upTo = liveCount(p, at);
          fresh.push(...liveLines(p, liveSent, upTo));
          liveSent = upTo;
          if (fresh.length > 0) write(`${fresh.join('\n')}\n`);
        }, 50);
        closed.addEventListener('abort', () => clearInterval(follow), { once: true });
      },
    };
  }

  private runtimeDetails(p: PipelineState, status: string): Record<string, unknown> {
    if (status === 'AwaitingApproval') return { approval_diff: p.scenario.approvalDiff ?? DEFAULT_APPROVAL_DIFF };
    if (status === 'Initializing' && p.scenario.reason) return { reason: p.scenario.reason };
    return {};
  }

  private view(p: PipelineState, selector: string): Record<string, unknown> {
    const now = Date.now();
    const status = this.deploymentStatus(p, now);
    const program = this.programStatus(p, now);
    const since = new Date(now).toISOString();
    const runtime = this.runtimeKnown(p, now);
    const resourcesStatus = resourcesStatusOf(status, runtime);
    const base: Record<string, unknown> = {
      id: p.id,
      name: p.name,
      description: '',
      tags: [],
      created_at: new Date(p.createdAt).toISOString(),
      version: 1,
      platform_version: '0.337.0',
      program_config: { profile: 'optimized', cache: true },
      program_version: 1,
      program_status: program,
      program_status_since: since,
      refresh_version: 1,
      storage_status: p.startedAt ? 'InUse' : 'Cleared',
      storage_status_details: null,
      deployment_status: status,
      deployment_status_since: since,
      deployment_desired_status: desiredStatus(p),
      deployment_desired_status_since: since,
      deployment_resources_status: resourcesStatus,
      deployment_resources_status_since: since,
      deployment_resources_desired_status: p.resources,
      deployment_resources_desired_status_since: since,
      deployment_runtime_status: runtime ? status : null,
      deployment_runtime_status_since: runtime ? since : null,
      deployment_runtime_status_details: runtime ? this.runtimeDetails(p, status) : null,
      deployment_runtime_desired_status: runtime ? (p.runtimeDesired ?? p.initial ?? null) : null,
      deployment_runtime_desired_status_since: runtime ? since : null,
      deployment_error: p.error ?? null,
      deployment_id: p.startedAt ? `d0000000-0000-4000-8000-${p.id.slice(-12)}` : null,
      deployment_initial: p.initial ?? null,
      // pm.rs flattens the deployment's BootstrapConfig into the body.
      bootstrap_policy: p.bootstrapPolicy ?? null,
      silent_bootstrap: false,
      concurrent_bootstrap: false,
    };
    if (selector === 'all') base['program_error'] = programError(program, p.scenario.cargoNoiseLines ?? 0);
    return base;
  }
}

function initialState(name: string, n: number, scenario: FelderaPipelineScenario, now: number): PipelineState {
  const state: PipelineState = {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name,
    scenario,
    createdAt: now,
    resources: 'Stopped',
    triggers: 0,
    starts: 0,
    stops: 0,
    dismissals: 0,
    unavailableLeft: scenario.unavailable503 ?? 0,
  };
  const deployed = scenario.deployed ?? (scenario.startInStandby ? { initial: 'standby' as const } : undefined);
  if (deployed) {
    // Deployed a minute ago: compiled, provisioned and initialized long since.
    Object.assign(state, {
      resources: 'Provisioned',
      initial: INITIALS[deployed.initial],
      deployedWith: INITIALS[deployed.initial],
      bootstrapPolicy: deployed.bootstrapPolicy ?? 'await_approval',
      createdAt: now - 60_000,
      // `agoMs`: started that long before the scenario was set (by someone else); a short one is a
      // deployment still provisioning or initializing when the step looks.
      startedAt: now - (deployed.agoMs ?? 60_000),
      ...(deployed.agoMs !== undefined ? { deployClock: deployed.agoMs } : {}),
      ...(deployed.runtime ? { runtimeDesired: deployed.runtime } : {}),
    });
  }
  if (scenario.previousError) {
    const e = scenario.previousError;
    Object.assign(state, {
      error: { message: e.message, error_code: e.code, details: null },
      startedAt: now - 60_000,
      // Still Stopping; the clock of its end starts at the first request (see `stopClock`).
      ...(e.stoppingMs ? { stoppingSince: now, stopClock: e.stoppingMs } : {}),
    });
  }
  return state;
}

/**
 * Stopping begins: db/operations/pipeline.rs `set_deployment_resources_status_stopping` sets
 * `deployment_initial`, the bootstrap config and the runtime desired status to NULL right then, not
 * once Stopped.
 */
function clearDeployment(p: PipelineState): void {
  delete p.initial;
  delete p.runtimeDesired;
  delete p.bootstrapPolicy;
}

/** A route this manager does not have: the `/v0` scope answers an empty 404 (api/main.rs sets no default service). */
const NO_ROUTE: EmuResponse = { status: 404 };

function parseVersion(v: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (!m) throw new Error(`feldera scenario: version '${v}' is not x.y.z`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function startStopClock(p: PipelineState, now: number): void {
  if (p.stopClock === undefined) return;
  p.stoppingSince = now + p.stopClock - stopMs(p);
  delete p.stopClock;
}

function compileDoneAt(p: PipelineState): number {
  const afterStart = p.scenario.compileAfterStartMs;
  if (afterStart === undefined) return p.createdAt + (p.scenario.compileMs ?? 0);
  return p.firstStartAt === undefined ? Infinity : p.firstStartAt + afterStart;
}

/** combined_status.rs: Stopped when the resources are desired Stopped, else the runtime desired status, else the initial. */
function desiredStatus(p: PipelineState): string {
  if (p.resources === 'Stopped') return 'Stopped';
  return p.runtimeDesired ?? p.initial ?? 'Stopped';
}

function resourcesStatusOf(status: string, runtime: boolean): string {
  if (status === 'Stopped' || status === 'Stopping' || status === 'Provisioning') return status;
  return runtime ? 'Provisioned' : 'Provisioning';
}

function stopMs(p: PipelineState): number {
  return p.scenario.stopMs ?? DEFAULT_STOP_MS;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** feldera-types pipeline_diff.rs `PipelineDiff`: a modified view and a new input connector. */
const DEFAULT_APPROVAL_DIFF = {
  program_diff: {
    added_tables: [],
    removed_tables: [],
    modified_tables: [],
    added_views: [],
    removed_views: [],
    modified_views: ['order_totals'],
  },
  program_diff_error: null,
  added_input_connectors: ['orders.kafka_orders'],
  modified_input_connectors: [],
  removed_input_connectors: [],
  added_output_connectors: [],
  modified_output_connectors: [],
  removed_output_connectors: [],
};

/**
 * `program_error` (db/types/program.rs): SQL messages carry warnings next to errors; Rust stderr is the
 * whole output of `cargo build` (compiler/rust_compiler.rs runs it without --quiet), so progress and
 * warning lines come before the error.
 */
function programError(program: string, cargoNoiseLines: number): Record<string, unknown> {
  return {
    sql_compilation: program === 'SqlError' ? { exit_code: 1, messages: SQL_MESSAGES } : null,
    rust_compilation: program === 'RustError' ? { exit_code: 101, stdout: '', stderr: cargoStderr(cargoNoiseLines) } : null,
    system_error: program === 'SystemError' ? 'compiler server crashed' : null,
  };
}

/**
 * The pipeline's own lines of `logLiveEveryMs` the ring buffer keeps (the manager's buffer is bounded;
 * its size here is a guess). A reconnect replays them, as it replays the runner's lines.
 */
const LIVE_RING_LINES = 200;

/** How many `logLiveEveryMs` lines the pipeline has logged by `now`: one per interval since its start. */
function liveCount(p: PipelineState, now: number): number {
  const every = p.scenario.logLiveEveryMs;
  if (every === undefined || p.startedAt === undefined) return 0;
  return Math.max(0, Math.floor((now - p.startedAt) / every));
}

/** The `logLiveEveryMs` lines from the (from+1)-th to the to-th, each stamped with its time. */
function liveLines(p: PipelineState, from: number, to: number): string[] {
  const every = p.scenario.logLiveEveryMs ?? 1;
  const start = p.startedAt ?? 0;
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => {
    const n = from + i + 1;
    return `${new Date(start + n * every).toISOString()}  INFO dbsp: live line ${n}`;
  });
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
    `${at(p.startedAt)}  INFO runner: deployment of pipeline ${p.name} requested (initial ${p.deployedWith ?? 'Running'})`,
  ];
  if (status !== 'Provisioning' && status !== 'Stopped')
    lines.push(`${at(p.startedAt)}  INFO runner: pipeline ${p.name} provisioned`);
  lines.push(...(p.scenario.logLines ?? []));
  if (p.error)
    lines.push(`${at(p.errorAt ?? p.stoppingSince ?? p.startedAt)} ERROR runner: ${p.error.error_code}: ${p.error.message}`);
  if (['Running', 'Paused', 'Standby'].includes(status)) lines.push(`${at(p.startedAt)}  INFO dbsp: pipeline is ${status}`);
  return lines;
}

const SQL_MESSAGES = [
  {
    start_line_number: 2,
    start_column: 8,
    end_line_number: 2,
    end_column: 12,
    warning: true,
    error_type: 'Unused column',
    message: "Column 'notes' of table 'orders' is never used",
    snippet: '    2|  notes VARCHAR\n           ^^^^^\n',
  },
  {
    start_line_number: 3,
    start_column: 15,
    end_line_number: 3,
    end_column: 27,
    warning: false,
    error_type: 'Not found',
    message: "Table 'missing_table' not found",
    snippet: '    3|SELECT * FROM missing_table\n                    ^^^^^^^^^^^^^\n',
  },
];

function cargoStderr(noiseLines: number): string {
  const noise: string[] = [];
  for (let i = 0; i < noiseLines; i++) {
    noise.push(
      i % 4 === 0
        ? `   Compiling dep-crate-${i} v0.1.${i}`
        : `warning: unused variable: \`tmp_${i}\`\n  --> crates/main/src/lib.rs:${i}:9\n   |`,
    );
  }
  return [
    ...noise,
    'error[E0308]: mismatched types',
    '  --> crates/main/src/lib.rs:42:5',
    '   |',
    '42 |     let total: i64 = row.amount;',
    '   |                ---   ^^^^^^^^^^ expected `i64`, found `f64`',
    'warning: `main` (lib) generated 3 warnings',
    'error: could not compile `main` (lib) due to 1 previous error; 3 warnings emitted',
  ].join('\n');
}
