export const id = 312;
export const ids = [312];
export const modules = {

/***/ 1532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ FAN_OUT_LIMIT),
/* harmony export */   _: () => (/* binding */ mapConcurrent)
/* harmony export */ });
/**
 * How many per-pipeline calls of one round (start, status, pre-check) a provider has under way at once:
 * enough to keep a wide wait's wall time, few enough to keep its heap flat (measured: docs/performance.md).
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

/***/ 1570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ NAME_MAX),
/* harmony export */   o: () => (/* binding */ NAME)
/* harmony export */ });
/** Feldera's pipeline names as every version accepts them (the rule and its newer form: index.ts). Its own module: the handle schema reads them too. */
const NAME = /^[A-Za-z0-9_-]+$/;
const NAME_MAX = 100;


/***/ }),

/***/ 7312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createProvider: () => (/* reexport */ createProvider),
  loadSchemas: () => (/* reexport */ schemas)
});

// EXTERNAL MODULE: ./src/endpoint.ts
var endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/providers/feldera/ids.ts
var ids = __webpack_require__(1570);
;// CONCATENATED MODULE: ./src/providers/feldera/settings.ts
/**
 * Feldera's inputs and environment, read into a typed config before any request: every bad value is an
 * InputError naming the input.
 */




/**
 * Names Feldera serves: letters, digits, '_' and '-', at most 100 (db/types/utils.rs before v0.308.0).
 * v0.308.0 (af55aa07e) allows at most 63, starting and ending with a letter or digit, but checks that
 * only when a pipeline is created or renamed: "existing pipelines with a now invalid name will continue
 * to function" (docs.feldera.com changelog). So the old rule refuses, and the new one warns.
 */

const NEW_NAME = /^([A-Za-z0-9][-A-Za-z0-9_]*)?[A-Za-z0-9]$/;
const NEW_NAME_MAX = 63;
const shape = {
    operation: inputs/* inputRules */.sM.oneOf(['start', 'activate'], 'start'),
    initial: inputs/* inputRules */.sM.oneOf(['running', 'paused', 'standby'], 'running'),
    'bootstrap-policy': inputs/* inputRules */.sM.optionalOneOf(['allow', 'reject', 'await_approval']),
    'dismiss-error': inputs/* inputRules */.sM.boolean(true),
    'api-key': inputs/* inputRules */.sM.optionalText(),
};
function readSettings(ctx) {
    const given = (0,inputs/* readInputs */.Ko)(shape, ctx.inputs);
    if (given.operation === 'activate' && given.initial === 'standby') {
        throw new errors/* InputError */.dz('initial', "must be running or paused when operation is 'activate' (got 'standby')");
    }
    checkNames(ctx);
    const rawEndpoint = ctx.settings.endpoint ?? ctx.env['FELDERA_HOST'];
    if (!rawEndpoint)
        throw new errors/* InputError */.dz('endpoint', 'is required for feldera (or set FELDERA_HOST), e.g. https://feldera.example.com');
    const base = (0,endpoint/* checkEndpoint */.q9)(rawEndpoint, ctx.settings.endpoint ? 'endpoint' : 'FELDERA_HOST', ctx.settings['allow-insecure-http']);
    const apiKey = given['api-key'] ?? ctx.env['FELDERA_API_KEY'];
    if (apiKey)
        ctx.secret(apiKey);
    const config = {
        operation: given.operation,
        initial: given.initial,
        bootstrapPolicy: given['bootstrap-policy'],
        dismissError: given['dismiss-error'],
    };
    return { config, base, apiKey, tenant: ctx.env['FELDERA_TENANT'] };
}
function checkNames(ctx) {
    const bad = ctx.settings['pipeline-ids'].find((id) => id.length > ids/* NAME_MAX */.f || !ids/* NAME */.o.test(id));
    if (bad !== undefined) {
        throw new errors/* InputError */.dz('pipeline-ids', `has '${bad}': Feldera pipeline names are 1 to 100 letters, digits, '_' and '-'`);
    }
    for (const id of ctx.settings['pipeline-ids']) {
        if (id.length <= NEW_NAME_MAX && NEW_NAME.test(id))
            continue;
        ctx.log.warning(`'${id}' is a name Feldera 0.308.0 and later refuse for a new or renamed pipeline (at most ${NEW_NAME_MAX} characters, starting and ending with a letter or digit); an existing pipeline keeps working under it`, id);
    }
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
;// CONCATENATED MODULE: ./src/providers/feldera/in-progress.ts
/**
 * Feldera's runs in progress (`if-running`): Feldera has no run object, so a pipeline whose deployment
 * is under way or up (desired status other than `Stopped`: the combined
 * `deployment_desired_status` of the API description) is the run in progress. Stopped again (status and desired status `Stopped`) it has ended.
 */

function felderaInProgress(client, operation, handle) {
    const found = async (pipeline) => {
        const p = await client.status(pipeline);
        const desired = p.deployment_desired_status;
        // A pipeline resting in standby is what `operation: activate` acts on, not a run in progress.
        if (desired === 'Stopped' || (operation === 'activate' && desired === 'Standby'))
            return undefined;
        return { handle: handle(pipeline), status: `${p.deployment_status} (desired ${desired})` };
    };
    return {
        list: (pipelines) => (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, found),
        // The stop (`/stop?force=true`) sets the desired status to Stopped at once; the deployment is gone when the status follows.
        ended: async (run) => {
            const p = await client.status(run.pipeline);
            return p.deployment_status === 'Stopped' && p.deployment_desired_status === 'Stopped';
        },
    };
}

// EXTERNAL MODULE: ./src/http.ts + 8 modules
var http = __webpack_require__(2783);
// EXTERNAL MODULE: ./src/providers/shared.ts
var shared = __webpack_require__(5681);
;// CONCATENATED MODULE: ./src/providers/feldera/server.ts
/**
 * What the pipeline manager is, read once per step from `GET /v0/config` (api/endpoints/config.rs
 * `Configuration`: `version` "x.y.z" and `edition` "Open source" or "Enterprise"), as Feldera's Python
 * SDK reads it when a client is made (python/feldera/rest/feldera_client.py `get_config`). Read with
 * plain checks, not zod: the trigger waits on it, and zod stays off the start path.
 *
 * The calls the adapter makes arrived in these releases (found with `git tag --contains` in feldera/feldera):
 * - `/start?initial=\u2026`: v0.148.0 (a9291e062 "pipeline status rework"); before, /start read no query
 *   and always deployed running (v0.147.0 pipeline_management.rs `post_pipeline_start`).
 * - `POST /dismiss_error` and `/start?dismiss_error`: v0.251.0 (13be1d464); an older manager answers
 *   the route with an empty 404 from the `/v0` scope (api/main.rs has no default service there).
 * - roles (`role` in `GET /v0/config/session`, api/rbac.rs): v0.327.0 (16484dd6d). The route itself
 *   came in v0.150.0 (2db563c76) and answered only the tenant before roles.
 */
const START_INITIAL_SINCE = [0, 148, 0];
const DISMISS_ERROR_SINCE = [0, 251, 0];
const ROLES_SINCE = [0, 327, 0];
/** Longest version text accepted: a release number with a pre-release or build suffix at most. */
const VERSION = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+][0-9A-Za-z.+-]{1,40})?$/;
const EDITIONS = new Set(['Open source', 'Enterprise']);
/** The body of `GET /v0/config`, or undefined when it carries no version this can read. */
function parseServerInfo(body) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (typeof json !== 'object' || json === null)
        return undefined;
    const { version, edition } = json;
    if (typeof version !== 'string')
        return undefined;
    const m = VERSION.exec(version);
    if (!m)
        return undefined;
    const info = { version, parsed: [Number(m[1]), Number(m[2]), Number(m[3])] };
    if (typeof edition === 'string' && EDITIONS.has(edition))
        info.edition = edition;
    return info;
}
/** True when the server is known to be older than `since`; false when it is as new or its version is unknown. */
function olderThan(server, since) {
    if (server === undefined)
        return false;
    for (let i = 0; i < 3; i++) {
        const a = server.parsed[i] ?? 0;
        const b = since[i] ?? 0;
        if (a !== b)
            return a < b;
    }
    return false;
}
function formatVersion(v) {
    return v.join('.');
}
/** `Feldera 0.337.0 (Open source)`: the line the step logs once it knows the server. */
function describeServer(server) {
    return `Feldera ${server.version}${server.edition ? ` (${server.edition})` : ''}`;
}

;// CONCATENATED MODULE: ./src/providers/feldera/client.ts
/**
 * Feldera REST calls (`/v0/pipelines/...`). No polling and no Actions globals here.
 */





/** Feldera's schemas.ts, loaded on demand: its adapter's `loadSchemas` (`responseReader`, src/providers/shared.ts). */
const { schemas, read } = (0,shared/* responseReader */.$L)(() => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(152)]).then(__webpack_require__.bind(__webpack_require__, 8152)));

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
        return this.request('POST', `${pipelinePath(name)}/start`, `start pipeline ${name}`, { idempotent: true, query });
    }
    /**
     * `/activate` to the state the pipeline already has is a no-op 202 on the pipeline (runtime_status.rs
     * allows same \u2192 same), as Feldera's Python SDK relies on when it retries it; 503
     * PipelineInteractionUnreachable is transient. So it is retried like a start.
     */
    activateRequest(name, initial) {
        return this.request('POST', `${pipelinePath(name)}/activate`, `activate pipeline ${name}`, {
            idempotent: true,
            query: { initial },
        });
    }
    /** Clears a deployment error; refused (DismissErrorRestrictedToFullyStopped) until the pipeline is fully stopped. */
    dismissErrorRequest(name) {
        return this.request('POST', `${pipelinePath(name)}/dismiss_error`, `dismiss the deployment error of ${name}`, {
            idempotent: true,
        });
    }
    /**
     * The key's role, or undefined from a manager without the route (404, before v0.150.0). `role` is
     * null when no acting tenant was resolved, and undefined from a manager that predates roles (v0.327.0).
     */
    async sessionRole() {
        const req = this.request('GET', '/v0/config/session', 'session info', { idempotent: true });
        const res = await this.options.http.send(req);
        if (res.status === 404)
            return undefined;
        const info = await read(await this.check(res), (m) => m.sessionInfo, 'session info');
        return { role: info.role };
    }
    /**
     * `GET /v0/config`: the server's version and edition (server.ts), read without zod since the trigger
     * waits on it. Throws a short reason when the server gave none this can read.
     */
    async serverInfo() {
        const res = await this.answer(this.request('GET', '/v0/config', 'server version', { idempotent: true }));
        if (res.status < 200 || res.status >= 300)
            throw new Error(`GET /v0/config answered HTTP ${res.status}`);
        const info = parseServerInfo(res.body);
        if (info === undefined)
            throw new Error('GET /v0/config gave no version of the form x.y.z');
        return info;
    }
    /**
     * The deployment status and desired status of one pipeline, read without zod (an activate decides
     * from them before it is sent); a refusal is the provider's error as usual.
     */
    async deploymentState(name) {
        const req = this.request('GET', pipelinePath(name), `status of ${name}`, { idempotent: true, query: { selector: 'status' } });
        const res = await this.send(req);
        let body;
        try {
            body = JSON.parse(res.body);
        }
        catch {
            body = undefined;
        }
        const { deployment_status: status, deployment_desired_status: desired } = (body ?? {});
        if (typeof status !== 'string' || typeof desired !== 'string') {
            throw new errors/* ResponseShapeError */.RD(`status of ${name}: the answer has no deployment_status and deployment_desired_status`);
        }
        return { status, desired };
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
        return (0,shared/* expectSuccess */.lb)(res, (r) => describeError(r, this.options.apiKey));
    }
    async status(name) {
        const req = this.request('GET', pipelinePath(name), `status of ${name}`, { idempotent: true, query: { selector: 'status' } });
        return read(await this.send(req), (m) => m.pipelineStatus, `status of ${name}`);
    }
    /** Every pipeline of the tenant with its status fields: one call can serve a whole poll round. */
    async statuses() {
        const req = this.request('GET', '/v0/pipelines', 'status of all pipelines', {
            idempotent: true,
            query: { selector: 'status' },
        });
        return read(await this.send(req), (m) => m.pipelineList, 'status of all pipelines');
    }
    /** `selector=all` carries `program_error`, which the status selector omits. */
    async programError(name) {
        const req = this.request('GET', pipelinePath(name), `program of ${name}`, { idempotent: true, query: { selector: 'all' } });
        return read(await this.send(req), (m) => m.pipelineWithProgramError, `program of ${name}`);
    }
    /** `force=true`: the graceful stop is an Enterprise feature (501 on the open-source build). */
    async stop(name) {
        await this.send(this.request('POST', `${pipelinePath(name)}/stop`, `stop pipeline ${name}`, { idempotent: true, query: { force: 'true' } }));
    }
    /** `GET /logs`, read as it streams (see logs.ts); a refusal is the provider's error as usual. */
    async streamLogs(name, onText, signal) {
        const req = this.request('GET', `${pipelinePath(name)}/logs`, `log of ${name}`, { idempotent: true });
        const res = await this.options.http.stream({ ...req, headers: { ...req.headers, accept: 'text/plain' } }, onText, signal);
        await this.check(res);
    }
    request(method, path, label, { idempotent, query }) {
        const headers = { accept: 'application/json' };
        if (this.options.apiKey)
            headers['authorization'] = `Bearer ${this.options.apiKey}`;
        if (this.options.tenant)
            headers['feldera-tenant'] = this.options.tenant;
        return { method, url: (0,endpoint/* joinUrl */.we)(this.options.base, path, query), headers, label, idempotent };
    }
}
function pipelinePath(name) {
    return `/v0/pipelines/${(0,http/* pathSegment */.pn)(name)}`;
}
/** Feldera's ErrorResponse `{message, error_code, details}`; proxies may answer without it. */
async function describeError(res, apiKey) {
    const { errorResponse } = await schemas();
    let fields;
    try {
        const body = errorResponse.safeParse(JSON.parse(res.body));
        if (body.success)
            fields = { code: body.data.error_code, message: body.data.message };
    }
    catch {
        // not JSON: fall through to the raw text
    }
    if (res.status === 401)
        return describeUnauthorized(res, fields, apiKey);
    return fields ?? { message: (0,shared/* bodySnippet */.Iu)(res) };
}
/** Longest `error_description` quoted from a 401 (it is the server's text, about a token). */
const MAX_DESCRIPTION = 300;
/**
 * A 401 (auth.rs `auth_validator`): a bad API key gets `{"message":"Unauthorized API key",
 * "error_code":"AuthenticationFailed"}`; a token that fails as a JWT gets no body and the reason in
 * `WWW-Authenticate: Bearer error_description="\u2026"`. A token without the `apikey:` prefix is checked
 * as a JWT, so a key pasted without it fails as "Malformed JWT". With no key sent, the header is bare.
 */
function describeUnauthorized(res, fields, apiKey) {
    if (!apiKey) {
        return fields ?? { code: 'Unauthorized', message: 'authentication required: set api-key (or FELDERA_API_KEY)' };
    }
    const description = errorDescription(res.headers['www-authenticate']);
    const said = description === undefined ? '' : `: error_description "${description}"`;
    const prefix = apiKey.startsWith('apikey:')
        ? "check that the secret holds a current Feldera API key (they start with 'apikey:')"
        : "Feldera API keys start with 'apikey:', and a token without that prefix is checked as a JWT";
    const refused = `the API key was refused${said}; ${prefix}`;
    if (fields?.message)
        return { ...fields, message: `${fields.message} (${refused})` };
    return { code: fields?.code ?? 'Unauthorized', message: refused };
}
function errorDescription(header) {
    const m = header === undefined ? null : /error_description="((?:[^"\\]|\\.)*)"/.exec(header);
    if (!m?.[1])
        return undefined;
    const text = m[1].replace(/\\(.)/g, '$1');
    return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}\u2026` : text;
}

// EXTERNAL MODULE: ./src/providers/feldera/logs.ts
var logs = __webpack_require__(557);
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
    const reason = runtimeReason(p.deployment_runtime_status_details);
    if (reason !== undefined)
        details.reason = reason;
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
    const observation = { status, phase: 'pending', progress: progressText(p, reason), details };
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
/** The call that moves a pipeline deployed toward `desired` to `target`, or "stop it first". */
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
function progressText(p, reason) {
    if (COMPILING.has(p.program_status))
        return `program ${p.program_status}, will start once compiled`;
    return `desired ${p.deployment_desired_status}${reason === undefined ? '' : `; reason: ${reason}`}`;
}
/** Longest reason shown: it is the pipeline's free text (runtime_status.rs `RuntimeStatusDetails.reason`). */
const MAX_REASON = 300;
/** `deployment_runtime_status_details.reason` (feldera-types runtime_status.rs), read without zod: it is polled. */
function runtimeReason(details) {
    if (typeof details !== 'object' || details === null)
        return undefined;
    const reason = details['reason'];
    if (typeof reason !== 'string' || reason.trim() === '')
        return undefined;
    // One line: it goes into a progress line (and the `runs` output).
    const text = reason.trim().replace(/\s+/g, ' ');
    return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}\u2026` : text;
}
function compilerError(details) {
    if (typeof details !== 'object' || details === null)
        return '';
    const text = details['compiler_error'];
    return typeof text === 'string' && text !== '' ? `\n${text}` : '';
}

;// CONCATENATED MODULE: ./src/providers/feldera/start.ts





/** The compiler report reads `program_error` with zod: loaded only when a start is refused for it. */
const reports = (0,shared/* onDemand */.hd)(() => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(200)]).then(__webpack_require__.bind(__webpack_require__, 1200)));
/** Start refusals that mean a deployment error is set, or the pipeline is stopping after one. */
const REFUSED_FOR_ERROR = new Set(['CannotStartWithUndismissedError', 'IllegalPipelineAction']);
/** Start refusals of a pipeline deployed with another initial state or bootstrap config. */
const DEPLOYED_OTHERWISE = new Set(['InitialImmutableUnlessStopped', 'BootstrapPolicyImmutableUnlessStopped']);
/** First gap between dismiss attempts while the failed deployment stops. */
const DISMISS_RETRY_MS = 250;
/** The step's clock, deadline and job-cancel signal, from the step context. */
function stepWaits(ctx) {
    const { clock, deadline, pollIntervalMs, signal } = ctx.step;
    return { log: ctx.log, clock, deadline, timeoutMs: ctx.settings.timeout, pollIntervalMs, signal };
}
/**
 * `POST /dismiss_error` is refused (DismissErrorRestrictedToFullyStopped) while a failed deployment is
 * still stopping: wait for the stop and try again, within the step's timeout.
 */
async function dismissError(ctx, pipeline) {
    const { client, waits } = ctx;
    const { clock, log, deadline } = waits;
    let gap = DISMISS_RETRY_MS;
    for (let attempt = 1;; attempt++) {
        if (ctx.dismissMissing)
            return;
        try {
            await client.send(client.dismissErrorRequest(pipeline));
            return;
        }
        catch (err) {
            if (isMissingRoute(err) && ctx.server === undefined)
                return noDismissRoute(ctx);
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
 * The `/v0` scope answers a route it does not have with an empty 404 (api/main.rs sets no default
 * service); an unknown pipeline gets 404 UnknownPipelineName, with a body.
 */
function isMissingRoute(err) {
    return err instanceof errors/* ProviderError */.mZ && err.status === 404 && err.code === undefined;
}
/**
 * A manager older than v0.251.0 has no /dismiss_error (and no dismiss_error on /start): a new
 * deployment replaces the old error there. Said once; the other pipelines skip the dismiss.
 */
function noDismissRoute(ctx) {
    if (ctx.dismissMissing)
        return;
    ctx.dismissMissing = true;
    ctx.waits.log.notice(`this Feldera has no POST /dismiss_error (an empty 404; it came in ${formatVersion(DISMISS_ERROR_SINCE)} and the server's version could not be read): pipelines are started without dismissing an earlier error first`);
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
    if (code === 'CannotStartWithCompilationError')
        return explainCompilationError(client, waits, pipeline, err);
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
        // Deployed paused and asked to run: /resume does it (status.ts nextStep), as it does for a plain no-op start.
        throw refinedError(err, `${err.providerMessage} (${state}, deployed with initial ${s.deployment_initial ?? 'unknown'}): ${nextStep(pipeline, s.deployment_desired_status, target)}`);
    }
    waits.log.notice(`${pipeline} is already ${s.deployment_status}: it was deployed with another initial state or bootstrap policy (${code}), and counts as started`, pipeline);
}
/**
 * `/start` refuses a program that failed to compile (resources_status.rs
 * `validate_resources_desired_status_transition`: 400 CannotStartWithCompilationError) with a generic
 * sentence; the compiler's output is in `program_error` (selector=all). It is reported as on the wait
 * path: errors in the message, SQL warnings as a warning of their own.
 */
async function explainCompilationError(client, waits, pipeline, err) {
    const program = await client.programError(pipeline).catch(() => undefined);
    if (program === undefined)
        throw err;
    const report = (await reports()).describeProgramError(program);
    if (report.warning !== undefined)
        waits.log.warning(report.warning, pipeline);
    throw refinedError(err, `${err.providerMessage}\n${report.message}`);
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

;// CONCATENATED MODULE: ./src/providers/feldera/activate.ts
function decideActivate(name, state, target) {
    const { status, desired } = state;
    const path = `/v0/pipelines/${name}`;
    const where = `${name} is ${status} (desired ${desired})`;
    const stopFirst = `stop it first (POST ${path}/stop?force=true), then start it with initial: standby`;
    if (desired === target && status !== 'Stopped' && status !== 'Stopping') {
        return { kind: 'already', text: `${where}: it has left standby already, so it was not activated again` };
    }
    if (status === 'Standby' && desired === 'Standby')
        return { kind: 'activate' };
    if (desired === 'Standby') {
        return {
            kind: 'refuse',
            text: `${where}: it is not in Standby yet, and only a pipeline in Standby is activated; wait until it is (a start with initial: standby waits for it), then activate it`,
        };
    }
    if (desired === 'Stopped') {
        return {
            kind: 'refuse',
            text: `${where}: it is not deployed, so there is nothing to activate; start it (operation: start, with initial: standby to activate it later)`,
        };
    }
    if (desired === 'Running' || desired === 'Paused') {
        const call = target === 'Running' ? `resume it (POST ${path}/resume)` : `pause it (POST ${path}/pause)`;
        return {
            kind: 'refuse',
            text: `${where}: it has left standby already, and activate would ${target === 'Running' ? 'resume' : 'pause'} it; to do that, ${call}, or ${stopFirst}`,
        };
    }
    return { kind: 'refuse', text: `${where}: only a pipeline in Standby is activated; ${stopFirst}` };
}

;// CONCATENATED MODULE: ./src/providers/feldera/checks.ts
/**
 * What the server's version and the API key's role allow: checked before a trigger (what its version
 * cannot do) and by the dry-run (the key's role, and an activate on an edition that has it).
 */


const ROLES = ['read', 'write', 'admin', 'owner'];
/** Dry-run only: a real run sends /activate and reports whatever the server answers. */
async function checkActivateEdition({ serverInfo }) {
    const server = await serverInfo();
    if (server?.edition !== 'Open source')
        return;
    throw new errors/* ProviderError */.mZ({
        code: 'EnterpriseFeature',
        message: `operation 'activate' needs Feldera Enterprise: ${describeServer(server)} answers POST /activate with 501 EnterpriseFeature`,
    });
}
/** `/start` and `/activate` need the `write` role (api/rbac.rs); GET /v0/config/session tells the key's role. */
async function checkRole(v) {
    const session = await v.client.sessionRole();
    const { log } = v;
    if (session === undefined || session.role === undefined) {
        log.notice(`[dry-run] ${await whyNoRoles(v, session === undefined)}: the role check is skipped`);
        return;
    }
    const role = session.role;
    if (role === null || !ROLES.includes(role)) {
        const got = role === null ? 'no role (no acting tenant was resolved: set FELDERA_TENANT)' : `the unknown role '${role}'`;
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
/** A session route that is missing (before v0.150.0) or answers no role (before v0.327.0). */
async function whyNoRoles({ serverInfo }, noRoute) {
    const server = await serverInfo();
    if (olderThan(server, ROLES_SINCE)) {
        return `this Feldera predates roles (< ${ROLES_SINCE[0]}.${ROLES_SINCE[1]}; it is ${server?.version ?? ''})`;
    }
    return noRoute
        ? 'this Feldera has no GET /v0/config/session'
        : 'GET /v0/config/session gave no role field (a Feldera that predates roles)';
}
/** Before v0.148.0, /start reads no `initial` and deploys every pipeline running. */
function checkStartSupported(config, server) {
    const { operation, initial } = config;
    if (operation !== 'start' || initial === 'running' || !olderThan(server, START_INITIAL_SINCE))
        return;
    throw new errors/* InputError */.dz('initial', `must be running for this Feldera (${server?.version ?? ''}): /start reads 'initial' from ${formatVersion(START_INITIAL_SINCE)} on, and deploys every pipeline running before that (got '${initial}'); nothing was started`);
}
/**
 * Before v0.251.0 there is no way to keep an old deployment error: a start replaces it whatever
 * `dismiss-error` says (v0.250.0 `set_deployment_resources_desired_status` does not look at it).
 */
function noteUndismissable(config, server, log) {
    if (config.operation !== 'start' || config.dismissError || !olderThan(server, DISMISS_ERROR_SINCE))
        return;
    log.notice(`dismiss-error: false has no effect on ${describeServer(server)}: before ${formatVersion(DISMISS_ERROR_SINCE)} a start replaces an earlier deployment error`);
}

;// CONCATENATED MODULE: ./src/providers/feldera/provider.ts
/**
 * Feldera adapter: starts (or activates) pipelines with an initial state and waits until each
 * reaches it. A "run" is the pipeline's deployment; its id is the pipeline name, since Feldera
 * has no run object (the deployment id is reported in `runs` once known).
 */













/** The approval and compiler reports read details with zod: loaded when a run first needs one. */
const provider_reports = (0,shared/* onDemand */.hd)(() => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(200)]).then(__webpack_require__.bind(__webpack_require__, 1200)));
function createProvider(ctx) {
    const { config, base, apiKey, tenant } = readSettings(ctx);
    const client = new FelderaClient({ base, apiKey, tenant, http: ctx.http });
    return new FelderaProvider(client, config, base, stepWaits(ctx));
}
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
    /** `GET /v0/config`, read at most once a step; undefined inside when it could not be read. */
    serverRead;
    /** Its pipelines' deployments in progress (`if-running`); a wait follows one to the requested state. */
    inProgress;
    constructor(client, config, base, waits) {
        this.client = client;
        this.inProgress = felderaInProgress(client, config.operation, (pipeline) => this.handle(pipeline));
        this.config = config;
        this.base = base;
        this.waits = waits;
        this.starting = { client, waits, target: capitalize(config.initial) };
    }
    /** What the trigger would send; a server version read by `verify` drops a dismiss it would skip. */
    async preview(pipelines) {
        const server = this.serverRead ? await this.serverRead : undefined;
        return pipelines.flatMap((p) => this.triggerRequests(p, server).map((req) => (0,shared/* requestPreview */.mL)(p, req)));
    }
    /**
     * The key's role must allow a start; reading each pipeline's status proves it exists. The server's
     * version is read only where it decides something: a session answer without roles, or an activate
     * (the open-source edition has none). A session with roles means v0.327.0 or later, which has every
     * call the trigger sends.
     */
    async verify(pipelines) {
        const checks = { client: this.client, log: this.waits.log, serverInfo: () => this.serverInfo() };
        await checkRole(checks);
        if (this.config.operation === 'activate')
            await checkActivateEdition(checks);
        if (this.serverRead)
            checkStartSupported(this.config, await this.serverRead);
        await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, (p) => this.client.status(p));
    }
    /**
     * The manager's version and edition, read once a step (`GET /v0/config`, as Feldera's Python SDK reads
     * it) and logged; undefined when the server answered without them, and the step then goes on as with
     * a current server. A server that could not be reached at all (after the usual retries) fails the
     * step's calls here: every other call would meet the same, after as many retries again.
     */
    serverInfo() {
        this.serverRead ??= this.client.serverInfo().then((server) => {
            this.waits.log.info(describeServer(server));
            return server;
        }, (err) => {
            if (err instanceof errors/* NetworkError */.Dr)
                throw err;
            this.waits.log.info(`the Feldera version is unknown (${(0,errors/* toError */.iT)(err).message}); the step assumes a current one`);
            return undefined;
        });
        return this.serverRead;
    }
    async trigger(pipelines) {
        const [server, toDismiss] = await Promise.all([this.serverInfo(), this.pipelinesToDismiss(pipelines)]);
        checkStartSupported(this.config, server);
        this.starting.server = server;
        noteUndismissable(this.config, server, this.waits.log);
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
        const requests = this.triggerRequests(pipeline, this.starting.server);
        // The last call starts (or activates) the pipeline; a dismiss before it has its own waiting rule.
        const start = requests.pop();
        if (start === undefined)
            throw new Error(`no request to send for ${pipeline}`);
        if (this.config.operation === 'activate') {
            await this.activate(pipeline, start);
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
        return (0,logs/* felderaLogSources */.mf)(this.client, runs);
    }
    async liveLogs(runs) {
        return (await __webpack_require__.e(/* import() */ 419).then(__webpack_require__.bind(__webpack_require__, 5419))).felderaLiveLogs(this.client, runs);
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
            obs.warning = (await provider_reports()).describeApproval(name, status.deployment_runtime_status_details);
        }
        if (obs.phase === 'failure' && COMPILE_FAILED.has(obs.details.programStatus)) {
            const full = await this.client.programError(name).catch(() => undefined);
            if (full) {
                const report = (await provider_reports()).describeProgramError(full);
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
    /**
     * `/activate` is forwarded to any provisioned pipeline, and Running and Paused may move to each other
     * there (runtime_status.rs), so it would pause or resume a live pipeline: the status is read first, and
     * only a pipeline in Standby is activated (activate.ts).
     */
    async activate(pipeline, request) {
        const state = await this.client.deploymentState(pipeline);
        const decision = decideActivate(pipeline, state, this.starting.target);
        if (decision.kind === 'activate') {
            await this.client.send(request);
        }
        else if (decision.kind === 'already') {
            this.waits.log.notice(decision.text, pipeline);
        }
        else {
            throw new errors/* ProviderError */.mZ({ message: decision.text });
        }
    }
    /**
     * The calls a trigger sends, in order: a separate dismiss first where asked (and where the server has
     * it: v0.251.0 on), then the start (or the activate).
     */
    triggerRequests(pipeline, server) {
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
    handle(pipeline) {
        const url = `${this.base.href.replace(/\/+$/, '')}/pipelines/${encodeURIComponent(pipeline)}/`;
        const data = { operation: this.config.operation, initial: this.config.initial };
        return (0,shared/* runHandle */.as)('feldera', { pipeline, runId: pipeline, url, data });
    }
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

;// CONCATENATED MODULE: ./src/providers/feldera/index.ts
/**
 * Feldera adapter: starts (or activates) pipelines with an initial state and waits until each
 * reaches it. A "run" is the pipeline's deployment; its id is the pipeline name, since Feldera
 * has no run object (the deployment id is reported in `runs` once known).
 */




/***/ }),

/***/ 557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ IDLE_MS),
/* harmony export */   mf: () => (/* binding */ felderaLogSources)
/* harmony export */ });
/* unused harmony export FIRST_LINE_MS */
/* harmony import */ var _remote_line_limit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8442);
/**
 * Feldera's own log of a pipeline: `GET /v0/pipelines/{name}/logs` is a text stream that first
 * replays the runner's bounded log buffer (up to 1 MB / 50,000 lines, runner/pipeline_logs.rs) and then
 * pushes new lines for as long as the pipeline exists. It is read as `fda logs` reads it
 * (crates/fda/src/main.rs `PipelineAction::Logs`): at most 5 s for the first chunk, then until 250 ms
 * pass without one. A long replay is never cut by the reader itself; the engine's log budget bounds
 * the whole read, and a read it stops is reported as cut (remote-logs.ts).
 */

/** How long the stream may stay silent once a chunk came (fda: 250 ms). */
const IDLE_MS = 250;
/** Longest wait for the first chunk, the request included (fda: 5 s); nothing bounds the rest but `outer`. */
const FIRST_LINE_MS = 5000;
function felderaLogSources(client, runs, waits = { firstChunkMs: FIRST_LINE_MS, idleMs: IDLE_MS }) {
    return runs.map((r) => ({
        title: `${r.handle.pipeline}: Feldera pipeline log`,
        read: (onLine, signal) => readUntilIdle(client, r.handle.pipeline, onLine, signal, waits),
    }));
}
/** Splits the stream into lines; ends the read when no first chunk came in time, once it is idle, or on `outer`. */
async function readUntilIdle(client, name, onLine, outer, waits) {
    const stop = new AbortController();
    const signal = AbortSignal.any([outer, stop.signal]);
    // The first wait ends the read as an empty log (as fda ends it); every chunk re-arms the idle wait.
    let idle = setTimeout(() => stop.abort(new Error('no first chunk')), waits.firstChunkMs);
    let partial = '';
    // Past MAX_LINE_CHARS a line is reported cut at once and the rest of it dropped as it comes: one
    // endless line holds no more than the cap.
    let dropping = false;
    const onText = (text) => {
        const lines = (partial + text).split(/\r?\n/);
        partial = lines.pop() ?? '';
        lines.forEach((line, i) => (i === 0 && dropping ? undefined : onLine(line)));
        if (lines.length > 0)
            dropping = false;
        if (partial.length > _remote_line_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_LINE_CHARS */ .y) {
            if (!dropping)
                onLine(partial.slice(0, _remote_line_limit_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_LINE_CHARS */ .y + 1));
            dropping = true;
            partial = '';
        }
        clearTimeout(idle);
        idle = setTimeout(() => stop.abort(new Error('idle')), waits.idleMs);
    };
    try {
        await client.streamLogs(name, onText, signal);
    }
    finally {
        clearTimeout(idle);
    }
    if (partial !== '' && !dropping)
        onLine(partial);
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
/* harmony export */   as: () => (/* binding */ runHandle),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   hd: () => (/* binding */ onDemand),
/* harmony export */   jb: () => (/* binding */ repositoryAtCommit),
/* harmony export */   lb: () => (/* binding */ expectSuccess),
/* harmony export */   mL: () => (/* binding */ requestPreview),
/* harmony export */   we: () => (/* binding */ providerError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2783);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2695);
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
 * be async: error bodies are read with the provider's zod schemas (`responseReader`).
 */
async function expectSuccess(res, describe) {
    if (res.status >= 200 && res.status < 300)
        return res;
    throw providerError(res, await describe(res));
}
/** A module imported on first use and kept (a failed import stays failed, reported by each caller). */
function onDemand(load) {
    let loading;
    return () => (loading ??= load());
}
/**
 * The one door to a provider's zod schemas (its `schemas.ts`: responses and handles). zod is a third of
 * the bundle, so nothing on the start path imports it or a schema module except as types (a lint rule,
 * eslint.config.js, and the build's "zod on demand" check, src/start-path/seam.mjs, hold this); the module
 * is imported on the first read, on the first handle read back (`runs` input, post step), or, in a step
 * that waits, as its first request's headers are written (src/start-path/first-send.ts), so zod compiles
 * during that round trip. Why and what it saved: docs/development.md, "The build and the start path".
 */
function responseReader(load) {
    const schemas = onDemand(load);
    return { schemas, read: async (res, pick, what) => (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .parseResponse */ .xp)(pick(await schemas()), res, what) };
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
/** A handle of the current version, the same shape from every provider (a link only where the run has one). */
function runHandle(provider, run) {
    const { pipeline, runId, url, data } = run;
    return { version: _types_js__WEBPACK_IMPORTED_MODULE_3__/* .HANDLE_VERSION */ .K, provider, pipeline, runId, ...(url !== undefined ? { url } : {}), data };
}
/** What `dry-run` shows of a request the trigger would send (its headers, which carry credentials, never). */
function requestPreview(pipeline, req) {
    return { pipeline, method: req.method, url: req.url.href, ...(req.body ? { body: req.body } : {}) };
}


/***/ })

};
