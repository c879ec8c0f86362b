export const id = 329;
export const ids = [329];
export const modules = {

/***/ 1532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ FAN_OUT_LIMIT),
/* harmony export */   _: () => (/* binding */ mapConcurrent)
/* harmony export */ });
/**
 * How many per-pipeline calls of one round (start, status, pre-check) a provider has under way at once.
 * Measured with 500 pipelines of one provider (bench/, docs/performance.md): all at once kept every pending
 * call's request alive across garbage collections and grew the young heap to 34 MB; 16 at once, 17 MB;
 * 8 at once stays near 8 MB, and the wall time of the wait did not change. On a slow API a round of
 * 500 takes 500 x latency / 8 (about 6 s at 100 ms a call).
 */
const FAN_OUT_LIMIT = 8;
/**
 * Runs `fn` over `items` with at most `limit` calls under way at once; results keep the input order.
 * A wide fan-out (hundreds of status checks a round) then holds only `limit` calls' worth of requests,
 * closures and answers at a time instead of all of them, which keeps the process's memory flat.
 */
async function mapConcurrent(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}


/***/ }),

/***/ 8329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createProvider: () => (/* binding */ createProvider),
  loadHandleSchema: () => (/* binding */ loadHandleSchema),
  loadModels: () => (/* reexport */ models)
});

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/endpoint.ts
var endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/providers/types.ts
var types = __webpack_require__(2695);
// EXTERNAL MODULE: ./src/http.ts + 1 modules
var http = __webpack_require__(4663);
// EXTERNAL MODULE: ./src/providers/shared.ts
var shared = __webpack_require__(5681);
;// CONCATENATED MODULE: ./src/providers/feldera/client.ts
/**
 * Feldera REST calls (`/v0/pipelines/...`). No polling and no Actions globals here.
 */



/** Feldera's response schemas, with zod, loaded when a response is first read (never before a request is sent). */
const { models, read } = (0,shared/* responseReader */.$L)(() => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(860)]).then(__webpack_require__.bind(__webpack_require__, 2860)));

class FelderaClient {
    options;
    constructor(options) {
        this.options = options;
    }
    /**
     * `/start` on a provisioned pipeline with the same initial state and bootstrap config answers 202 and
     * changes nothing, so it is safe to repeat. The adapter always sends `dismiss_error=false` (an error is
     * dismissed beforehand, once): a repeat can then never wipe the error of the start it repeats.
     */
    startRequest(name, query) {
        return this.request('POST', `${pipelinePath(name)}/start`, `start pipeline ${name}`, true, query);
    }
    /**
     * `/activate` to the state the pipeline already has is a no-op 202 on the pipeline (runtime_status.rs
     * allows same \u2192 same), as Feldera's Python SDK relies on when it retries it; 503
     * PipelineInteractionUnreachable is transient. So it is retried like a start.
     */
    activateRequest(name, initial) {
        return this.request('POST', `${pipelinePath(name)}/activate`, `activate pipeline ${name}`, true, { initial });
    }
    /** Clears a deployment error; refused (DismissErrorRestrictedToFullyStopped) until the pipeline is fully stopped. */
    dismissErrorRequest(name) {
        return this.request('POST', `${pipelinePath(name)}/dismiss_error`, `dismiss the deployment error of ${name}`, true);
    }
    /** The key's role, or undefined from a manager without the route (404). */
    async sessionRole() {
        const req = this.request('GET', '/v0/config/session', 'session info', true);
        const res = await this.options.http.send(req);
        if (res.status === 404)
            return undefined;
        const info = await read(await (0,shared/* expectSuccess */.lb)(res, describeError), (m) => m.sessionInfo, 'session info');
        return { role: info.role ?? null };
    }
    async send(req) {
        return this.check(await this.options.http.send(req));
    }
    /** The answer whatever its status, with `attempts`: for a caller that must know whether a refusal answered a repeat. */
    async answer(req) {
        return this.options.http.send(req);
    }
    /** A refusal as a ProviderError with Feldera's error_code and message. */
    async check(res) {
        return (0,shared/* expectSuccess */.lb)(res, describeError);
    }
    async status(name) {
        const req = this.request('GET', pipelinePath(name), `status of ${name}`, true, { selector: 'status' });
        return read(await this.send(req), (m) => m.pipelineStatus, `status of ${name}`);
    }
    /** Every pipeline of the tenant with its status fields: one call can serve a whole poll round. */
    async statuses() {
        const req = this.request('GET', '/v0/pipelines', 'status of all pipelines', true, { selector: 'status' });
        return read(await this.send(req), (m) => m.pipelineList, 'status of all pipelines');
    }
    /** `selector=all` carries `program_error`, which the status selector omits. */
    async programError(name) {
        const req = this.request('GET', pipelinePath(name), `program of ${name}`, true, { selector: 'all' });
        return read(await this.send(req), (m) => m.pipelineWithProgramError, `program of ${name}`);
    }
    /** `force=true`: the graceful stop is an Enterprise feature (501 on the open-source build). */
    async stop(name) {
        await this.send(this.request('POST', `${pipelinePath(name)}/stop`, `stop pipeline ${name}`, true, { force: 'true' }));
    }
    /** `GET /logs`, read as it streams (see logs.ts); a refusal is the provider's error as usual. */
    async streamLogs(name, onText, signal) {
        const req = this.request('GET', `${pipelinePath(name)}/logs`, `log of ${name}`, true);
        const res = await this.options.http.stream({ ...req, headers: { ...req.headers, accept: 'text/plain' } }, onText, signal);
        await (0,shared/* expectSuccess */.lb)(res, describeError);
    }
    request(method, path, label, idempotent, query) {
        const headers = { accept: 'application/json' };
        if (this.options.apiKey)
            headers['authorization'] = `Bearer ${this.options.apiKey}`;
        if (this.options.tenant)
            headers['feldera-tenant'] = this.options.tenant;
        return { method, url: (0,endpoint/* joinUrl */.we)(this.options.base, path, query), headers, label, idempotent };
    }
}
function pipelinePath(name) {
    return `/v0/pipelines/${encodeURIComponent(name)}`;
}
/** Feldera's ErrorResponse `{message, error_code, details}`; proxies may answer without it. */
async function describeError(res) {
    const { errorResponse } = await models();
    try {
        const body = errorResponse.safeParse(JSON.parse(res.body));
        if (body.success)
            return { code: body.data.error_code, message: body.data.message };
    }
    catch {
        // not JSON: fall through to the raw text
    }
    if (res.status === 401)
        return { code: 'Unauthorized', message: 'authentication required: set api-key (or FELDERA_API_KEY)' };
    return { message: (0,shared/* bodySnippet */.Iu)(res) };
}

;// CONCATENATED MODULE: ./src/providers/feldera/logs.ts
/** How long the stream may stay silent once lines came (fda: 250 ms). */
const IDLE_MS = 250;
/** Longest wait for the first line (fda: 5 s) and longest read in all. */
const FIRST_LINE_MS = 5000;
function felderaLogSources(client, runs) {
    return runs.map((r) => ({
        title: `${r.handle.pipeline}: Feldera pipeline log`,
        read: (onLine, signal) => readUntilIdle(client, r.handle.pipeline, onLine, signal),
    }));
}
/** Splits the stream into lines; stops the read once it is idle, after FIRST_LINE_MS, or on `outer`. */
async function readUntilIdle(client, name, onLine, outer) {
    const stop = new AbortController();
    const signal = AbortSignal.any([outer, stop.signal]);
    let idle;
    const cap = setTimeout(() => stop.abort(new Error('read for long enough')), FIRST_LINE_MS);
    let partial = '';
    const onText = (text) => {
        const lines = (partial + text).split(/\r?\n/);
        partial = lines.pop() ?? '';
        for (const line of lines)
            onLine(line);
        clearTimeout(idle);
        idle = setTimeout(() => stop.abort(new Error('idle')), IDLE_MS);
    };
    try {
        await client.streamLogs(name, onText, signal);
    }
    finally {
        clearTimeout(cap);
        clearTimeout(idle);
    }
    if (partial !== '')
        onLine(partial);
}

// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
;// CONCATENATED MODULE: ./src/providers/feldera/status.ts
/** The CombinedStatus values Feldera passes through on its way to a target (combined_status.rs). */
const KNOWN = new Set([
    'Stopped',
    'Provisioning',
    'Unavailable',
    'Coordination',
    'Standby',
    'AwaitingApproval',
    'Initializing',
    'Bootstrapping',
    'ConcurrentBootstrapping',
    'Synchronizing',
    'Replaying',
    'Paused',
    'Running',
    'Suspended',
    'Stopping',
]);
/** Desired statuses a deployment settles in: one of them other than the target means the start was a no-op. */
const SETTLED_DESIRED = new Set(['Running', 'Paused', 'Standby']);
const COMPILING = new Set(['Pending', 'CompilingSql', 'SqlCompiled', 'CompilingRust']);
const COMPILE_FAILED = new Set(['SqlError', 'RustError', 'SystemError']);
function classifyPipeline(p, target, operation = 'start') {
    const status = p.deployment_status;
    const desired = p.deployment_desired_status;
    const details = {
        deploymentStatus: status,
        desiredStatus: desired,
        programStatus: p.program_status,
        deploymentId: p.deployment_id ?? null,
    };
    if (p.deployment_error && desired === 'Stopped') {
        const e = p.deployment_error;
        return { status, phase: 'failure', message: `${e.error_code}: ${e.message}${compilerError(e.details)}`, details };
    }
    if (sameStatus(status, target))
        return { status, phase: 'success', details };
    if (status === 'AwaitingApproval') {
        // The adapter adds the warning naming the changes (report.ts describeApproval, read with zod on demand).
        return { status, phase: 'success', details };
    }
    if (desired === 'Stopped') {
        return {
            status,
            phase: 'failure',
            message: `the pipeline was stopped (desired status Stopped) before reaching ${target}`,
            details,
        };
    }
    if (COMPILE_FAILED.has(p.program_status)) {
        return { status, phase: 'failure', message: `program compilation failed (${p.program_status})`, details };
    }
    if (deployedElsewhere(desired, target, operation)) {
        return { status, phase: 'failure', message: alreadyDeployed(p.name, status, desired, target), details };
    }
    const observation = { status, phase: 'pending', progress: progressText(p), details };
    // A status added by a newer Feldera: keep waiting (the timeout bounds it), and say so.
    if (!KNOWN.has(status))
        observation.warning = unknownStatusWarning(status, target);
    return observation;
}
function isKnownStatus(status) {
    return KNOWN.has(status);
}
function sameStatus(status, target) {
    return status.toLowerCase() === target.toLowerCase();
}
/**
 * The pipeline's desired state is a settled one other than the target: the start found it deployed
 * and changed nothing. Right after /activate the desired state may still read Standby for a moment.
 */
function deployedElsewhere(desired, target, operation) {
    if (!SETTLED_DESIRED.has(desired) || desired === target)
        return false;
    return !(operation === 'activate' && desired === 'Standby');
}
/** Why a deployed pipeline did not move, and the call that would move it; nothing is changed unasked. */
function alreadyDeployed(name, status, desired, target) {
    return `${name} is already deployed and ${status} (desired ${desired}); a start does not change the runtime state of a deployed pipeline, so it was left as it is: ${nextStep(name, desired, target)}`;
}
function nextStep(name, desired, target) {
    const path = `/v0/pipelines/${name}`;
    const stopFirst = `stop it first (POST ${path}/stop?force=true), then start it again`;
    if (target === 'Running' && desired === 'Paused')
        return `resume it (POST ${path}/resume) or ${stopFirst}`;
    if (target === 'Paused' && desired === 'Running')
        return `pause it (POST ${path}/pause) or ${stopFirst}`;
    if (desired === 'Standby')
        return `activate it (operation: activate, POST ${path}/activate) or ${stopFirst}`;
    return stopFirst;
}
function unknownStatusWarning(status, target) {
    return `unknown deployment status '${status}' (not a Feldera CombinedStatus this action knows): still waiting for ${target}, up to the timeout`;
}
function progressText(p) {
    if (COMPILING.has(p.program_status))
        return `program ${p.program_status}, will start once compiled`;
    return `desired ${p.deployment_desired_status}`;
}
function compilerError(details) {
    if (typeof details !== 'object' || details === null)
        return '';
    const text = details['compiler_error'];
    return typeof text === 'string' && text !== '' ? `\n${text}` : '';
}

;// CONCATENATED MODULE: ./src/providers/feldera/start.ts



/** Start refusals that mean a deployment error is set, or the pipeline is stopping after one. */
const REFUSED_FOR_ERROR = new Set(['CannotStartWithUndismissedError', 'IllegalPipelineAction']);
/** Start refusals of a pipeline deployed with another initial state or bootstrap config. */
const DEPLOYED_OTHERWISE = new Set(['InitialImmutableUnlessStopped', 'BootstrapPolicyImmutableUnlessStopped']);
/** First gap between dismiss attempts while the failed deployment stops. */
const DISMISS_RETRY_MS = 250;
/** The step's deadline as the adapter is created (that is when the step starts). */
function stepWaits(ctx) {
    const clock = ctx.http.options.clock;
    return {
        log: ctx.log,
        clock,
        deadline: clock.now() + ctx.settings.timeout,
        timeoutMs: ctx.settings.timeout,
        pollIntervalMs: ctx.settings['poll-interval'],
        ...(ctx.http.options.signal ? { signal: ctx.http.options.signal } : {}),
    };
}
/**
 * `POST /dismiss_error` is refused (DismissErrorRestrictedToFullyStopped) while a failed deployment is
 * still stopping: wait for the stop and try again, within the step's timeout.
 */
async function dismissError({ client, waits }, pipeline) {
    const { clock, log, deadline } = waits;
    let gap = DISMISS_RETRY_MS;
    for (let attempt = 1;; attempt++) {
        try {
            await client.send(client.dismissErrorRequest(pipeline));
            return;
        }
        catch (err) {
            if (!(err instanceof errors/* ProviderError */.mZ) || err.code !== 'DismissErrorRestrictedToFullyStopped')
                throw err;
            if (clock.now() + gap > deadline) {
                throw refinedError(err, `${err.providerMessage} It was still stopping with too little of the timeout of ${(0,parse/* formatDuration */.a3)(waits.timeoutMs)} left to wait longer, so it was not started.`);
            }
            if (attempt === 1)
                log.info(`${pipeline}: its last deployment failed and is still stopping; its error is dismissed once it has stopped`);
            await clock.sleep(gap, waits.signal);
            gap = Math.min(gap * 2, waits.pollIntervalMs);
        }
    }
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
async function sendStart(ctx, pipeline, start, undismissed) {
    const res = await ctx.client.answer(start);
    try {
        await ctx.client.check(res);
    }
    catch (err) {
        const code = err instanceof errors/* ProviderError */.mZ ? err.code : undefined;
        if (undismissed && res.attempts === 1 && code !== undefined && (await refusedForNewError(ctx, pipeline, code))) {
            ctx.waits.log.info(`${pipeline}: the start was refused with ${code} (a deployment error appeared after the status list was read); the error is dismissed and the start sent once more`);
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
async function refusedForNewError({ client }, pipeline, code) {
    if (code === 'CannotStartWithUndismissedError')
        return true;
    if (code !== 'IllegalPipelineAction')
        return false;
    const s = await client.status(pipeline).catch(() => undefined);
    return Boolean(s?.deployment_error);
}
/**
 * Reads the status after a refused start. Returns when the pipeline is where it was asked to be anyway
 * (deployed with another initial state or policy, and in the target state: it counts as started);
 * otherwise throws the reason: the deployment error the pipeline shows, or the server's refusal with
 * the pipeline's state.
 */
async function explainRefusedStart({ client, waits, target }, pipeline, err) {
    if (!(err instanceof errors/* ProviderError */.mZ) || err.code === undefined)
        throw err;
    const code = err.code;
    if (!REFUSED_FOR_ERROR.has(code) && !DEPLOYED_OTHERWISE.has(code))
        throw err;
    const s = await client.status(pipeline).catch(() => undefined);
    if (s === undefined)
        throw err;
    const state = `the pipeline is ${s.deployment_status} (desired ${s.deployment_desired_status})`;
    const e = s.deployment_error;
    if (REFUSED_FOR_ERROR.has(code)) {
        if (!e)
            throw refinedError(err, `${err.providerMessage} (${state})`);
        // The deployment error's own code leads: it is why the pipeline did not start.
        throw new errors/* ProviderError */.mZ({
            code: e.error_code,
            message: `${e.message}${start_compilerError(e.details)} (the start was refused with ${code} because of this deployment error)`,
        });
    }
    if (!sameStatus(s.deployment_status, target)) {
        throw refinedError(err, `${err.providerMessage} (${state}, deployed with initial ${s.deployment_initial ?? 'unknown'}): stop it first (POST /v0/pipelines/${pipeline}/stop?force=true), then start it again`);
    }
    waits.log.notice(`${pipeline} is already ${s.deployment_status}: it was deployed with another initial state or bootstrap policy (${code}), and counts as started`, pipeline);
}
/** The same refusal (status, code, request id) with a message that says more. */
function refinedError(err, message) {
    return new errors/* ProviderError */.mZ({
        message,
        ...(err.status !== undefined ? { status: err.status } : {}),
        ...(err.code !== undefined ? { code: err.code } : {}),
        ...(err.requestId !== undefined ? { requestId: err.requestId } : {}),
    });
}
function start_compilerError(details) {
    if (typeof details !== 'object' || details === null)
        return '';
    const text = details['compiler_error'];
    return typeof text === 'string' && text !== '' ? ` (${text})` : '';
}

;// CONCATENATED MODULE: ./src/providers/feldera/index.ts










/** The approval and compiler reports read details with zod: loaded when a run first needs one. */
const reports = (0,shared/* onDemand */.hd)(() => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(200)]).then(__webpack_require__.bind(__webpack_require__, 1200)));

/** The handle schema, loaded with zod on demand: only the `runs` input and the post step read handles back. */
async function loadHandleSchema() {
    return (await Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(592)]).then(__webpack_require__.bind(__webpack_require__, 6592))).handleSchema;
}
/** Feldera's own rule for pipeline names (db/types/utils.rs): at most 63 characters. */
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_]*)?[A-Za-z0-9]$/;
const NAME_MAX = 63;
const shape = {
    operation: inputs/* inputRules */.sM.oneOf(['start', 'activate'], 'start'),
    initial: inputs/* inputRules */.sM.oneOf(['running', 'paused', 'standby'], 'running'),
    'bootstrap-policy': inputs/* inputRules */.sM.optionalOneOf(['allow', 'reject', 'await_approval']),
    'dismiss-error': inputs/* inputRules */.sM.boolean(true),
    'api-key': inputs/* inputRules */.sM.optionalText(),
};
function createProvider(ctx) {
    const given = (0,inputs/* readInputs */.Ko)(shape, ctx.inputs);
    if (given.operation === 'activate' && given.initial === 'standby') {
        throw new errors/* InputError */.dz('initial', "must be running or paused when operation is 'activate' (got 'standby')");
    }
    const bad = ctx.settings['pipeline-ids'].find((id) => id.length > NAME_MAX || !NAME.test(id));
    if (bad !== undefined) {
        throw new errors/* InputError */.dz('pipeline-ids', `has '${bad}': Feldera pipeline names are at most ${NAME_MAX} letters, digits, '_' and '-', and start and end with a letter or digit`);
    }
    const rawEndpoint = ctx.settings.endpoint ?? ctx.env['FELDERA_HOST'];
    if (!rawEndpoint)
        throw new errors/* InputError */.dz('endpoint', 'is required for feldera (or set FELDERA_HOST), e.g. https://feldera.example.com');
    const base = (0,endpoint/* checkEndpoint */.q9)(rawEndpoint, ctx.settings.endpoint ? 'endpoint' : 'FELDERA_HOST', ctx.settings['allow-insecure-http']);
    const apiKey = given['api-key'] ?? ctx.env['FELDERA_API_KEY'];
    if (apiKey)
        ctx.secret(apiKey);
    const client = new FelderaClient({ base, apiKey, tenant: ctx.env['FELDERA_TENANT'], http: ctx.http });
    const config = {
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
class FelderaProvider {
    name = 'feldera';
    client;
    config;
    base;
    waits;
    starting;
    /** Cleared for good once the list turns out to carry mostly pipelines this step does not wait on. */
    listing = true;
    /** `pipeline status` pairs already warned about as unknown: one warning each. */
    warnedUnknown = new Set();
    constructor(client, config, base, waits) {
        this.client = client;
        this.config = config;
        this.base = base;
        this.waits = waits;
        this.starting = { client, waits, target: capitalize(config.initial) };
    }
    preview(pipelines) {
        return Promise.resolve(pipelines.flatMap((p) => this.triggerRequests(p).map((req) => ({ pipeline: p, method: req.method, url: req.url.href }))));
    }
    /** The key's role must allow a start; reading each pipeline's status proves it exists. */
    async verify(pipelines) {
        await this.checkRole();
        await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, (p) => this.client.status(p));
    }
    /** `/start` and `/activate` need the `write` role (api/rbac.rs); GET /v0/config/session tells the key's role. */
    async checkRole() {
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
            throw new errors/* ProviderError */.mZ({
                message: `the API key's role is '${role}'; starting or activating a pipeline needs 'write' or higher`,
            });
        }
        log.info(`[dry-run] the API key's role is '${role}': it may start pipelines`);
    }
    async trigger(pipelines) {
        const toDismiss = await this.pipelinesToDismiss(pipelines);
        const outcomes = await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, (pipeline) => this.triggerOne(pipeline, toDismiss).catch((err) => ({
            pipeline,
            error: (0,errors/* toError */.iT)(err),
        })));
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
    async pipelinesToDismiss(pipelines) {
        const { operation, dismissError } = this.config;
        if (operation !== 'start' || !dismissError || pipelines.length < LIST_FROM)
            return undefined;
        const listed = await this.listStatuses(pipelines.length);
        if (listed === undefined)
            return undefined;
        return new Set(pipelines.filter((p) => !listed.has(p) || Boolean(listed.get(p)?.deployment_error)));
    }
    /**
     * Exactly once, as Feldera's own clients do it: an old error is dismissed by a call of its own, then
     * the start is sent with dismiss_error=false. A repeated start (after a lost answer) can then only be
     * a no-op or a refusal, never a second deployment that wipes the first one's error. `toDismiss`: the
     * pipelines a status list showed with an error; the others skip the dismiss (see sendStart for an
     * error that appears after the list was read).
     */
    async triggerOne(pipeline, toDismiss) {
        const requests = this.triggerRequests(pipeline);
        // The last call starts (or activates) the pipeline; a dismiss before it has its own waiting rule.
        const start = requests.pop();
        if (start === undefined)
            throw new Error(`no request to send for ${pipeline}`);
        if (this.config.operation === 'activate') {
            await this.client.send(start);
        }
        else {
            const listedWithoutError = requests.length > 0 && toDismiss !== undefined && !toDismiss.has(pipeline);
            if (requests.length > 0 && !listedWithoutError)
                await dismissError(this.starting, pipeline);
            await sendStart(this.starting, pipeline, start, listedWithoutError);
        }
        return { pipeline, run: this.handle(pipeline) };
    }
    async observe(runs) {
        const listed = runs.length >= LIST_FROM && this.listing ? await this.listStatuses(runs.length) : undefined;
        return (0,concurrency/* mapConcurrent */._)(runs, concurrency/* FAN_OUT_LIMIT */.T, (r) => this.observeOne(r, listed?.get(r.pipeline)).catch(errors/* toError */.iT));
    }
    /**
     * The status of every pipeline in one call, or undefined if that call failed: the round then asks
     * each pipeline as a single run would, and those calls report any error as they always do.
     */
    async listStatuses(polled) {
        try {
            const all = await this.client.statuses();
            if (all.length > polled * LIST_OVERHEAD)
                this.listing = false;
            return new Map(all.map((p) => [p.name, p]));
        }
        catch {
            return undefined;
        }
    }
    async cancel(run) {
        await this.client.stop(run.pipeline);
    }
    logs(runs) {
        return felderaLogSources(this.client, runs);
    }
    /** `listed`: the pipeline's entry in this round's list call; a pipeline missing from it is asked directly. */
    async observeOne(run, listed) {
        const name = run.pipeline;
        // What the start asked for, from the handle: the same whether this step or an earlier one started it.
        const target = capitalize(run.data.initial);
        const status = listed ?? (await this.client.status(name));
        const obs = classifyPipeline(status, target, run.data.operation);
        if (!isKnownStatus(obs.status))
            this.warnOnce(name, obs);
        if (obs.status === 'AwaitingApproval' && obs.phase === 'success') {
            obs.warning = (await reports()).describeApproval(name, status.deployment_runtime_status_details);
        }
        if (obs.phase === 'failure' && COMPILE_FAILED.has(obs.details.programStatus)) {
            const full = await this.client.programError(name).catch(() => undefined);
            if (full) {
                const report = (await reports()).describeProgramError(full);
                obs.message = `${obs.message ?? ''}\n${report.message}`.trim();
                if (report.warning !== undefined)
                    obs.warning = report.warning;
            }
        }
        return obs;
    }
    /** An unknown status is warned about the first time each pipeline shows it. */
    warnOnce(name, obs) {
        const key = `${name}\u0000${obs.status}`;
        if (this.warnedUnknown.has(key))
            delete obs.warning;
        else
            this.warnedUnknown.add(key);
    }
    /** The calls a trigger sends, in order: a separate dismiss first where asked, then the start (or the activate). */
    triggerRequests(pipeline) {
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
    handle(pipeline) {
        const url = `${this.base.href.replace(/\/+$/, '')}/pipelines/${encodeURIComponent(pipeline)}/`;
        const data = { operation: this.config.operation, initial: this.config.initial };
        return { version: types/* HANDLE_VERSION */.K, provider: 'feldera', pipeline, runId: pipeline, url, data };
    }
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}


/***/ }),

/***/ 5681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $L: () => (/* binding */ responseReader),
/* harmony export */   CX: () => (/* binding */ workflowRunUrl),
/* harmony export */   Iu: () => (/* binding */ bodySnippet),
/* harmony export */   Ru: () => (/* binding */ valueText),
/* harmony export */   a: () => (/* binding */ percentEncode),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   hd: () => (/* binding */ onDemand),
/* harmony export */   jb: () => (/* binding */ repositoryAtCommit),
/* harmony export */   lb: () => (/* binding */ expectSuccess),
/* harmony export */   we: () => (/* binding */ providerError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4663);
/**
 * What every provider adapter and client would otherwise write for itself: turning a refused request
 * into a ProviderError, the text shown for an error body nobody could read, values as text, RFC 3986
 * encoding and the digest for the request signers, and how a run of this workflow is described to a
 * provider (comments, descriptions, cancel reasons).
 */



/** How much of an unreadable body goes into a message: enough to recognise a proxy's error page. */
const BODY_SNIPPET = 300;
/** The start of a body whose format was not understood, or a line saying there was none. */
function bodySnippet(res, max = BODY_SNIPPET) {
    return res.body.trim().slice(0, max) || `HTTP ${res.status} with no body`;
}
/** The ProviderError for a refused request: the provider's own code, message and request id, the body's text where it gave no message. */
function providerError(res, fields) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .mZ({
        status: res.status,
        message: fields.message ?? bodySnippet(res),
        ...(fields.code !== undefined ? { code: fields.code } : {}),
        ...(fields.requestId !== undefined ? { requestId: fields.requestId } : {}),
        ...(fields.transient !== undefined ? { transient: fields.transient } : {}),
    });
}
/**
 * Returns a 2xx response; throws the ProviderError `describe` reads from anything else. `describe` may
 * be async: error bodies are read with the provider's zod schemas, loaded on first use (`onDemand`).
 */
async function expectSuccess(res, describe) {
    if (res.status >= 200 && res.status < 300)
        return res;
    throw providerError(res, await describe(res));
}
/**
 * A module imported on first use and kept. Each provider reads responses with zod schemas that load
 * this way: zod is a third of the bundle, and a step's first request need not wait for it to compile
 * (docs/performance.md, "What the start path loads").
 */
function onDemand(load) {
    let loading;
    return () => (loading ??= load());
}
function responseReader(load) {
    const models = onDemand(load);
    return { models, read: async (res, pick, what) => (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .parseResponse */ .xp)(pick(await models()), res, what) };
}
/** A parameter value as the provider's string-typed inputs and variables take it: scalars as text, structures as JSON. */
function valueText(value) {
    if (value === null || value === undefined)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    return JSON.stringify(value);
}
/** RFC 3986: encodeURIComponent also leaves `!'()*` alone, which the signers' canonical forms escape (upper-case hex). */
function percentEncode(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function sha256Hex(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data, 'utf8').digest('hex');
}
/** `owner/repo@0123456789ab`: the repository and the first 12 characters of the commit, where known. */
function repositoryAtCommit(w) {
    return `${w.repository}${w.sha ? `@${w.sha.slice(0, 12)}` : ''}`;
}
/** The workflow run's page (`https://github.com/owner/repo/actions/runs/123`), when the repository and run are known. */
function workflowRunUrl(w) {
    if (!w.repository || w.runId === undefined || w.runId === '')
        return undefined;
    return `${w.serverUrl ?? 'https://github.com'}/${w.repository}/actions/runs/${w.runId}`;
}


/***/ })

};
