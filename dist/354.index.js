export const id = 354;
export const ids = [354];
export const modules = {

/***/ 1532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ FAN_OUT_LIMIT),
/* harmony export */   _: () => (/* binding */ mapConcurrent)
/* harmony export */ });
/**
 * How many per-pipeline calls of one round (start, status, pre-check) a provider has under way at once.
 * Measured with 500 Feldera pipelines (bench/, README "Performance"): all at once kept every pending
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

/***/ 3150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q9: () => (/* binding */ checkEndpoint),
/* harmony export */   we: () => (/* binding */ joinUrl)
/* harmony export */ });
/* unused harmony export isLoopback */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * Endpoint rules shared by every provider: a base URL must be https unless it points at this
 * machine or the user explicitly allows plain http.
 */

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
function isLoopback(url) {
    return LOOPBACK_HOST.test(url.hostname);
}
/** Parses and checks a base URL; `input` names where it came from for the error message. */
function checkEndpoint(raw, input, allowInsecureHttp) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be an http(s):// URL (got '${raw}')`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be an https:// URL (got '${url.protocol}')`);
    }
    if (url.protocol === 'http:' && !isLoopback(url) && !allowInsecureHttp) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must use https:// for a host that is not loopback (got ${url.origin}); set allow-insecure-http: true to allow it`);
    }
    if (url.username || url.password)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'must not carry credentials in the URL');
    url.pathname = url.pathname.replace(/\/+$/, '');
    url.search = '';
    url.hash = '';
    return url;
}
/** Joins a base URL (which may have a path prefix) and an API path. */
function joinUrl(base, path, query) {
    const url = new URL(base.href.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query ?? {}))
        if (v !== undefined)
            url.searchParams.set(k, v);
    return url;
}


/***/ }),

/***/ 1354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createProvider: () => (/* binding */ createProvider),
  traits: () => (/* binding */ traits)
});

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/endpoint.ts
var endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/http.ts + 1 modules
var http = __webpack_require__(4663);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/providers/feldera/models.ts
/**
 * The parts of Feldera's responses the adapter reads, validated with zod. Unknown fields pass: error
 * bodies keep them (they are reported), the polled status drops them (it is parsed hundreds of times a
 * round, and copying fields nobody reads was the largest allocation of a wide wait).
 */

const errorResponse = schemas/* looseObject */._H3({
    message: schemas/* string */.YjP(),
    error_code: schemas/* string */.YjP(),
    details: schemas/* unknown */.L5J().optional(),
});
const nullableString = schemas/* string */.YjP().nullish();
const pipelineStatus = schemas/* object */.Ikc({
    id: schemas/* string */.YjP().optional(),
    name: schemas/* string */.YjP(),
    deployment_status: schemas/* string */.YjP(),
    deployment_desired_status: schemas/* string */.YjP(),
    deployment_error: errorResponse.nullish(),
    deployment_id: nullableString,
    deployment_initial: nullableString,
    program_status: schemas/* string */.YjP(),
    deployment_runtime_status_details: schemas/* unknown */.L5J().optional(),
});
/** `GET /v0/pipelines?selector=status`: every pipeline of the tenant. */
const pipelineList = schemas/* array */.YOg(pipelineStatus);
const compileMessages = schemas/* looseObject */._H3({
    messages: schemas/* array */.YOg(schemas/* looseObject */._H3({ message: schemas/* string */.YjP().optional(), start_line_number: schemas/* number */.aig().optional() })).optional(),
})
    .nullish();
const pipelineWithProgramError = pipelineStatus.extend({
    program_error: schemas/* looseObject */._H3({
        sql_compilation: compileMessages,
        rust_compilation: schemas/* looseObject */._H3({ stderr: schemas/* string */.YjP().optional(), exit_code: schemas/* number */.aig().optional() }).nullish(),
        system_error: nullableString,
    })
        .nullish(),
});

;// CONCATENATED MODULE: ./src/providers/feldera/client.ts
/**
 * Feldera REST calls (`/v0/pipelines/...`). No polling and no Actions globals here.
 */



class FelderaClient {
    o;
    constructor(options) {
        this.o = options;
    }
    /** `/start` is idempotent on Feldera (same initial + bootstrap config \u2192 202 again): safe to retry. */
    startRequest(name, query) {
        return this.request('POST', `${pipelinePath(name)}/start`, `start pipeline ${name}`, true, query);
    }
    /** `/activate` moves Standby \u2192 running/paused; a repeat could fail, so retry only what was not sent. */
    activateRequest(name, initial) {
        return this.request('POST', `${pipelinePath(name)}/activate`, `activate pipeline ${name}`, false, { initial });
    }
    async send(req) {
        return (0,http/* expectSuccess */.lb)(await this.o.http.send(req), describeError);
    }
    async status(name) {
        const req = this.request('GET', pipelinePath(name), `status of ${name}`, true, { selector: 'status' });
        return (0,http/* parseResponse */.xp)(pipelineStatus, await this.send(req), `status of ${name}`);
    }
    /** Every pipeline of the tenant with its status fields: one call can serve a whole poll round. */
    async statuses() {
        const req = this.request('GET', '/v0/pipelines', 'status of all pipelines', true, { selector: 'status' });
        return (0,http/* parseResponse */.xp)(pipelineList, await this.send(req), 'status of all pipelines');
    }
    /** `selector=all` carries `program_error`, which the status selector omits. */
    async programError(name) {
        const req = this.request('GET', pipelinePath(name), `program of ${name}`, true, { selector: 'all' });
        return (0,http/* parseResponse */.xp)(pipelineWithProgramError, await this.send(req), `program of ${name}`);
    }
    /** `force=true`: the graceful stop is an Enterprise feature (501 on the open-source build). */
    async stop(name) {
        await this.send(this.request('POST', `${pipelinePath(name)}/stop`, `stop pipeline ${name}`, true, { force: 'true' }));
    }
    request(method, path, label, idempotent, query) {
        const headers = { accept: 'application/json' };
        if (this.o.apiKey)
            headers['authorization'] = `Bearer ${this.o.apiKey}`;
        if (this.o.tenant)
            headers['feldera-tenant'] = this.o.tenant;
        return { method, url: (0,endpoint/* joinUrl */.we)(this.o.base, path, query), headers, label, idempotent };
    }
}
function pipelinePath(name) {
    return `/v0/pipelines/${encodeURIComponent(name)}`;
}
/** Feldera's ErrorResponse `{message, error_code, details}`; proxies may answer without it. */
function describeError(res) {
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
    return { message: res.body.trim().slice(0, 300) || `HTTP ${res.status} with no body` };
}

;// CONCATENATED MODULE: ./src/providers/feldera/status.ts
/** States Feldera passes through on its way to the target; anything else not listed here is unknown. */
const TRANSIENT = new Set([
    'Stopped',
    'Provisioning',
    'Unavailable',
    'Coordination',
    'Initializing',
    'Bootstrapping',
    'ConcurrentBootstrapping',
    'Synchronizing',
    'Replaying',
    'Suspended',
    'Stopping',
    'Standby',
    'Paused',
    'Running',
]);
const COMPILING = new Set(['Pending', 'CompilingSql', 'SqlCompiled', 'CompilingRust']);
const COMPILE_FAILED = new Set(['SqlError', 'RustError', 'SystemError']);
function classifyPipeline(p, target) {
    const status = p.deployment_status;
    const details = {
        deploymentStatus: status,
        desiredStatus: p.deployment_desired_status,
        programStatus: p.program_status,
        deploymentId: p.deployment_id ?? null,
    };
    if (p.deployment_error && p.deployment_desired_status === 'Stopped') {
        const e = p.deployment_error;
        return { status, phase: 'failure', message: `${e.error_code}: ${e.message}${compilerError(e.details)}`, details };
    }
    if (status.toLowerCase() === target.toLowerCase())
        return { status, phase: 'success', details };
    if (status === 'AwaitingApproval') {
        return {
            status,
            phase: 'success',
            details,
            warning: `${p.name} is awaiting bootstrap approval: approve it (POST /v0/pipelines/${p.name}/approve) or stop it`,
        };
    }
    if (p.deployment_desired_status === 'Stopped') {
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
    if (!TRANSIENT.has(status)) {
        return {
            status,
            phase: 'failure',
            message: `unknown deployment status '${status}' (expected a Feldera CombinedStatus)`,
            details,
        };
    }
    return { status, phase: 'pending', progress: progressText(p), details };
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

;// CONCATENATED MODULE: ./src/providers/feldera/index.ts
/**
 * Feldera adapter: starts (or activates) pipelines with an initial state and waits until each
 * reaches it. A "run" is the pipeline's deployment; its id is the pipeline name, since Feldera
 * has no run object (the deployment id is reported in `runs` once known).
 */






const traits = { cancelOnAbortDefault: false };
const NAME = /^[A-Za-z0-9_-]{1,100}$/;
const shape = {
    operation: inputs/* zin */.Mk.oneOf(['start', 'activate'], 'start'),
    initial: inputs/* zin */.Mk.oneOf(['running', 'paused', 'standby'], 'running'),
    'bootstrap-policy': inputs/* zin */.Mk.optionalOneOf(['allow', 'reject', 'await_approval']),
    'dismiss-error': inputs/* zin */.Mk.boolean(true),
    'api-key': inputs/* zin */.Mk.optionalText(),
};
function createProvider(ctx) {
    const v = (0,inputs/* readInputs */.Ko)(shape, ctx.inputs);
    if (v.operation === 'activate' && v.initial === 'standby') {
        throw new errors/* InputError */.dz('initial', "must be running or paused when operation is 'activate' (got 'standby')");
    }
    const bad = ctx.settings['pipeline-ids'].find((id) => !NAME.test(id));
    if (bad !== undefined)
        throw new errors/* InputError */.dz('pipeline-ids', `has '${bad}': Feldera pipeline names are letters, digits, '_' and '-'`);
    const rawEndpoint = ctx.settings.endpoint ?? ctx.env['FELDERA_HOST'];
    if (!rawEndpoint)
        throw new errors/* InputError */.dz('endpoint', 'is required for feldera (or set FELDERA_HOST), e.g. https://feldera.example.com');
    const base = (0,endpoint/* checkEndpoint */.q9)(rawEndpoint, ctx.settings.endpoint ? 'endpoint' : 'FELDERA_HOST', ctx.settings['allow-insecure-http']);
    const apiKey = v['api-key'] ?? ctx.env['FELDERA_API_KEY'];
    if (apiKey)
        ctx.secret(apiKey);
    const client = new FelderaClient({ base, apiKey, tenant: ctx.env['FELDERA_TENANT'], http: ctx.http });
    const config = {
        operation: v.operation,
        initial: v.initial,
        bootstrapPolicy: v['bootstrap-policy'],
        dismissError: v['dismiss-error'],
    };
    return new FelderaProvider(client, config, base);
}
/** From this many runs in a round on, one list call replaces the per-pipeline status calls. */
const LIST_FROM = 4;
/** A tenant with this many times more pipelines than the round polls is cheaper to poll per pipeline. */
const LIST_OVERHEAD = 4;
class FelderaProvider {
    name = 'feldera';
    target;
    client;
    config;
    base;
    /** Cleared for good once the list turns out to carry mostly pipelines this step does not wait on. */
    listing = true;
    constructor(client, config, base) {
        this.client = client;
        this.config = config;
        this.base = base;
        this.target = capitalize(config.initial);
    }
    preview(pipelines) {
        return Promise.resolve(pipelines.map((p) => {
            const req = this.triggerRequest(p);
            return { pipeline: p, method: req.method, url: req.url.href };
        }));
    }
    /** Reading each pipeline's status proves the key is accepted and the pipeline exists. */
    async verify(pipelines) {
        await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, (p) => this.client.status(p));
    }
    async trigger(pipelines) {
        const outcomes = await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, async (pipeline) => {
            try {
                await this.client.send(this.triggerRequest(pipeline));
                return { pipeline, run: this.handle(pipeline) };
            }
            catch (err) {
                return { pipeline, error: err instanceof Error ? err : new Error((0,errors/* errorMessage */.gJ)(err)) };
            }
        });
        return { outcomes };
    }
    async observe(runs) {
        const listed = runs.length >= LIST_FROM && this.listing ? await this.listStatuses(runs.length) : undefined;
        return (0,concurrency/* mapConcurrent */._)(runs, concurrency/* FAN_OUT_LIMIT */.T, (r) => this.observeOne(r.pipeline, listed?.get(r.pipeline)).catch((e) => e instanceof Error ? e : new Error((0,errors/* errorMessage */.gJ)(e))));
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
    /** `listed`: the pipeline's entry in this round's list call; a pipeline missing from it is asked directly. */
    async observeOne(name, listed) {
        const obs = classifyPipeline(listed ?? (await this.client.status(name)), this.target);
        const programStatus = obs.details?.['programStatus'];
        if (obs.phase === 'failure' && typeof programStatus === 'string' && COMPILE_FAILED.has(programStatus)) {
            const full = await this.client.programError(name).catch(() => undefined);
            if (full)
                obs.message = `${obs.message ?? ''}\n${describeProgramError(full)}`.trim();
        }
        return obs;
    }
    triggerRequest(pipeline) {
        const { operation, initial, bootstrapPolicy, dismissError } = this.config;
        if (operation === 'activate') {
            // Running is activate's default: omitting it keeps the request within the published API description,
            // which types this parameter with PascalCase names although the server reads lower case.
            return this.client.activateRequest(pipeline, initial === 'running' ? undefined : initial);
        }
        return this.client.startRequest(pipeline, {
            initial,
            ...(bootstrapPolicy ? { bootstrap_policy: bootstrapPolicy } : {}),
            dismiss_error: String(dismissError),
        });
    }
    handle(pipeline) {
        return { pipeline, runId: pipeline, url: `${this.base.href.replace(/\/+$/, '')}/pipelines/${encodeURIComponent(pipeline)}/` };
    }
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
function describeProgramError(p) {
    const e = p.program_error;
    if (!e)
        return `program status ${p.program_status}`;
    const sql = (e.sql_compilation?.messages ?? []).map((m) => `SQL${m.start_line_number ? ` line ${m.start_line_number}` : ''}: ${m.message ?? ''}`);
    const rust = e.rust_compilation?.stderr ? [`Rust: ${e.rust_compilation.stderr.slice(0, 2000)}`] : [];
    const sys = e.system_error ? [`System: ${e.system_error}`] : [];
    return [...sql, ...rust, ...sys].join('\n') || `program status ${p.program_status}`;
}


/***/ })

};
