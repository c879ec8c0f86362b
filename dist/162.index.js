export const id = 162;
export const ids = [162];
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

/***/ 4369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ readCredential),
/* harmony export */   f: () => (/* binding */ parseCredentialJson)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** The body as JSON; one that is not JSON is named by its status, length and content type only. */
function parseCredentialJson(res, what) {
    try {
        return JSON.parse(res.body);
    }
    catch {
        const type = /^[\w.+-]+\/[\w.+-]+/.exec(res.headers['content-type'] ?? '')?.[0];
        const typed = type === undefined ? '' : `, ${type}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ResponseShapeError */ .RD(`${what}: HTTP ${res.status} with a body that is not JSON (${res.body.length} characters${typed}; not shown: it may hold credentials)`);
    }
}
/** The body checked against its schema; a mismatch names the field, never its value. */
function readCredential(schema, res, what) {
    const parsed = schema.safeParse(parseCredentialJson(res, what));
    if (parsed.success)
        return parsed.data;
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ResponseShapeError */ .RD(`${what}: unexpected response (missing or invalid '${path}')`);
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


/***/ }),

/***/ 162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createProvider: () => (/* reexport */ createProvider),
  loadSchemas: () => (/* reexport */ schemas),
  stepOutputs: () => (/* reexport */ stepOutputs)
});

// EXTERNAL MODULE: ./src/endpoint.ts
var endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/providers/shared.ts
var shared = __webpack_require__(5681);
;// CONCATENATED MODULE: ./src/providers/vmware-aria/settings.ts
/**
 * Aria's inputs into a typed config before any request: every bad value (a pipeline reference, the
 * ways to sign in, the endpoint) is an InputError naming the input.
 */




const shape = {
    parameters: inputs/* inputRules */.sM.mapping(),
    comments: inputs/* inputRules */.sM.optionalText(),
    tags: inputs/* inputRules */.sM.optionalList(),
    'refresh-token': inputs/* inputRules */.sM.optionalText(),
    'access-token': inputs/* inputRules */.sM.optionalText(),
    username: inputs/* inputRules */.sM.optionalText(),
    password: inputs/* inputRules */.sM.optionalText(),
    domain: inputs/* inputRules */.sM.optionalText(),
};
function readSettings(ctx) {
    const given = (0,inputs/* readInputs */.Ko)(shape, ctx.inputs);
    for (const s of [given['refresh-token'], given['access-token'], given.password])
        if (s)
            ctx.secret(s);
    // Checked up front so a bad id fails before any request.
    ctx.settings['pipeline-ids'].forEach(parseRef);
    const creds = credentials(given);
    if (!ctx.settings.endpoint) {
        throw new errors/* InputError */.dz('endpoint', 'is required for vmware-aria: the appliance URL (https://vra.example.com) or the SaaS API host (https://api.mgmt.cloud.vmware.com)');
    }
    const base = (0,endpoint/* checkEndpoint */.q9)(ctx.settings.endpoint, 'endpoint', ctx.settings['allow-insecure-http']);
    const body = {
        comments: given.comments ?? defaultComments(ctx.workflow),
        input: stringValues(given.parameters),
        ...(given.tags.length > 0 ? { tags: given.tags } : {}),
    };
    return { base, creds, body };
}
/** `project/name` selects by name; anything without a slash is a pipeline id. */
function parseRef(raw) {
    const parts = raw.split('/');
    if (parts.length === 1 && /^\S+$/.test(raw))
        return { id: raw };
    const [project = '', name = ''] = parts.map((p) => p.trim());
    if (parts.length === 2 && project !== '' && name !== '')
        return { project, name };
    throw new errors/* InputError */.dz('pipeline-ids', `has '${raw}': expected a pipeline id or project/name (one '/', both parts non-empty)`);
}
function credentials(given) {
    const ways = ['access-token', 'refresh-token', 'username'].filter((k) => given[k] !== undefined);
    if (ways.length > 1) {
        throw new errors/* InputError */.dz(ways[1] ?? 'access-token', `cannot be combined with '${ways[0] ?? ''}': give one way to sign in`);
    }
    if (given['access-token'])
        return { kind: 'access-token', token: given['access-token'] };
    if (given['refresh-token'])
        return { kind: 'refresh-token', refreshToken: given['refresh-token'] };
    if (given.username) {
        if (!given.password)
            throw new errors/* InputError */.dz('password', 'is required with username');
        return { kind: 'password', username: given.username, password: given.password, domain: given.domain };
    }
    if (given.password || given.domain)
        throw new errors/* InputError */.dz('username', 'is required with password and domain');
    throw new errors/* InputError */.dz('refresh-token', 'is required for vmware-aria (an API token), or give access-token, or username and password (on-premises)');
}
/** Pipeline inputs are strings; structured values are passed as their JSON text. */
function stringValues(m) {
    const out = {};
    for (const [k, val] of Object.entries(m))
        out[k] = (0,shared/* valueText */.Ru)(val);
    return out;
}
function defaultComments(w) {
    if (!w.repository)
        return 'Triggered by GitHub Actions';
    const workflow = w.workflow ? `, workflow '${w.workflow}'` : '';
    const url = (0,shared/* workflowRunUrl */.CX)(w);
    const attempt = w.runAttempt && w.runAttempt !== '1' ? ` (attempt ${w.runAttempt})` : '';
    const run = url === undefined ? '' : `, run ${url}${attempt}`;
    return `Triggered by GitHub Actions: ${(0,shared/* repositoryAtCommit */.jb)({ ...w, repository: w.repository })}${workflow}${run}`;
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/credential-answer.ts
var credential_answer = __webpack_require__(4369);
;// CONCATENATED MODULE: ./src/providers/vmware-aria/reader.ts
/**
 * Aria's schemas.ts, loaded on demand: its adapter's `loadSchemas` (`responseReader`,
 * src/providers/shared.ts), shared by client.ts, auth.ts and errors.ts.
 */

const { schemas, read } = (0,shared/* responseReader */.$L)(() => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(930)]).then(__webpack_require__.bind(__webpack_require__, 3930)));


;// CONCATENATED MODULE: ./src/providers/vmware-aria/errors.ts


async function describeAriaError(res, authHint) {
    const out = await parsed(res);
    if ((res.status === 401 || res.status === 403 || res.status === 400) && authHint && out.message !== undefined) {
        out.message = `${out.message} (${authHint})`;
    }
    return out;
}
async function parsed(res) {
    const { errorBody } = await schemas();
    let json;
    try {
        json = JSON.parse(res.body);
    }
    catch {
        return rawText(res);
    }
    const body = errorBody.safeParse(json);
    if (!body.success)
        return rawText(res);
    const b = body.data;
    const message = b.message || b.serverMessage || b.error;
    if (message === undefined)
        return rawText(res);
    const code = b.errorCode !== undefined ? String(b.errorCode) : (b.messageId ?? (b.message ? b.error : undefined));
    return {
        message: message.slice(0, 1000),
        ...(code ? { code } : {}),
        ...(b.requestId ? { requestId: b.requestId } : {}),
    };
}
function rawText(res) {
    if (res.status === 401 && res.body.trim() === '')
        return { message: 'Unauthorized (no body)' };
    return { message: (0,shared/* bodySnippet */.Iu)(res) };
}

;// CONCATENATED MODULE: ./src/providers/vmware-aria/auth.ts
/**
 * Bearer tokens for Aria Automation. Every route ends at `POST /iaas/api/login`, which turns a
 * refresh (API) token into a bearer token on-premises and on the SaaS alike; on-premises users may
 * instead give a user name and password, which the identity service turns into a refresh token
 * first. A token that expires during a long wait is renewed once per expiry, shared by every
 * request that saw it fail.
 */






const IAAS_LOGIN_PATH = '/iaas/api/login';
const CSP_LOGIN_PATH = '/csp/gateway/am/api/login';
/**
 * Password logins one step may send: the UPN form and its one retry. A directory locks an account
 * after a few wrong passwords, so a refused login is never sent again in this step, whatever asks.
 */
const MAX_PASSWORD_LOGINS = 2;
class AriaAuth {
    base;
    creds;
    http;
    secret;
    current;
    refreshToken;
    pending;
    /** Password logins sent in this step; see MAX_PASSWORD_LOGINS. */
    passwordAttempts = 0;
    constructor(base, creds, http, secret) {
        this.base = base;
        this.creds = creds;
        this.http = http;
        this.secret = secret;
        if (creds.kind === 'access-token')
            this.current = creds.token;
        if (creds.kind === 'refresh-token')
            this.refreshToken = creds.refreshToken;
    }
    /** True when the action can obtain a new bearer token by itself. */
    get canRenew() {
        return this.creds.kind !== 'access-token';
    }
    /** The bearer token to send, logging in first when there is none yet. */
    async token() {
        if (this.current !== undefined)
            return this.current;
        return this.login();
    }
    /**
     * A new bearer token after `stale` was refused. Requests that saw the same token fail share one
     * login; a request that used an older token just takes the newer one.
     */
    async renew(stale) {
        if (!this.canRenew) {
            throw new errors/* ProviderError */.mZ({
                status: 401,
                code: 'Unauthorized',
                message: 'the access-token was refused or has expired; give refresh-token (or username and password on-premises) so the action can log in again',
            });
        }
        if (this.current !== undefined && this.current !== stale)
            return this.current;
        this.current = undefined;
        return this.login();
    }
    login() {
        this.pending ??= this.freshToken().finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
    async freshToken() {
        this.refreshToken ??= await this.passwordLogin();
        const res = await this.post(IAAS_LOGIN_PATH, {}, { refreshToken: this.refreshToken }, 'log in (exchange the refresh token)');
        const body = await validate(res, (m) => m.iaasLoginResponse, 'login');
        if (body.tokenType !== undefined && body.tokenType.toLowerCase() !== 'bearer') {
            throw new errors/* ProviderError */.mZ({ message: `login returned a '${body.tokenType}' token where a Bearer token was expected` });
        }
        this.secret(body.token);
        this.current = body.token;
        return body.token;
    }
    /**
     * On-premises only: user name and password \u2192 refresh token (`?access_token` is part of the
     * documented path). A `user@domain` login without a `domain` is tried the way PowervRA does it
     * (jakkulabs/PowervRA src/Functions/Public/Connect-vRAServer.ps1: the UPN split into `username` and
     * `domain`; on a BadRequest, the catch block sets `$RawBody.username = $Username` and sends the same
     * body again, `domain` kept): user name and domain first, then on a 400 the whole UPN as user name,
     * with the domain.
     */
    async passwordLogin() {
        if (this.creds.kind !== 'password')
            throw new Error('no credentials to log in with');
        const { username, password, domain } = this.creds;
        const upn = domain ? undefined : splitUpn(username);
        if (upn === undefined)
            return this.cspLogin({ username, password, ...(domain ? { domain } : {}) });
        try {
            return await this.cspLogin({ username: upn.user, password, domain: upn.domain });
        }
        catch (err) {
            if (!(err instanceof errors/* ProviderError */.mZ) || err.status !== 400)
                throw err;
            return this.cspLogin({ username, password, domain: upn.domain });
        }
    }
    async cspLogin(body) {
        const as = body.domain ? `${body.username} (domain ${body.domain})` : body.username;
        if (this.passwordAttempts >= MAX_PASSWORD_LOGINS) {
            throw new errors/* ProviderError */.mZ({
                message: `not logging in as ${as}: ${MAX_PASSWORD_LOGINS} password logins were already sent in this step (a directory locks accounts after repeated failures); check username, password and domain`,
            });
        }
        this.passwordAttempts++;
        const res = await this.post(CSP_LOGIN_PATH, { access_token: '' }, body, `log in as ${as}`, false);
        const token = (await validate(res, (m) => m.cspLoginResponse, 'password login')).refresh_token;
        this.secret(token);
        return token;
    }
    async post(path, query, body, label, idempotent = true) {
        const req = {
            method: 'POST',
            url: (0,endpoint/* joinUrl */.we)(this.base, path, query),
            headers: { accept: 'application/json' },
            body: JSON.stringify(body),
            label,
            // A login starts nothing, so a lost answer can be asked for again; but a password login is
            // sent once (repeated only when it provably never left): each one counts against a lockout.
            idempotent,
        };
        return (0,shared/* expectSuccess */.lb)(await this.http.send(req), (res) => describeAriaError(res, this.loginHint()));
    }
    loginHint() {
        return this.creds.kind === 'password' ? 'check username, password and domain' : 'check refresh-token';
    }
}
/** `user@domain` \u2192 its two parts; undefined for a plain user name or an empty part. */
function splitUpn(username) {
    const at = username.lastIndexOf('@');
    if (at <= 0 || at === username.length - 1)
        return undefined;
    return { user: username.slice(0, at), domain: username.slice(at + 1) };
}
async function validate(res, pick, what) {
    const parsed = pick(await schemas()).safeParse((0,credential_answer/* parseCredentialJson */.f)(res, what));
    if (parsed.success)
        return parsed.data;
    // The body carries credentials: name the missing field, never echo the body.
    const issue = parsed.error.issues[0];
    throw new errors/* ProviderError */.mZ({ message: `${what}: unexpected response (missing or invalid '${issue?.path.join('.') ?? ''}')` });
}

// EXTERNAL MODULE: ./src/http.ts + 8 modules
var http = __webpack_require__(2783);
;// CONCATENATED MODULE: ./src/providers/vmware-aria/client.ts
/**
 * Code Stream REST calls (`/codestream/api/...`, API version 2019-10-17) with bearer tokens from
 * AriaAuth. A 401 is answered by one fresh login and one resend: the server refused the request,
 * so even the execute call cannot have started anything.
 */





/** The only Code Stream API version published; sent so a newer server keeps answering in this shape. */
const API_VERSION = '2019-10-17';
class AriaClient {
    base;
    http;
    auth;
    constructor(base, http, auth) {
        this.base = base;
        this.http = http;
        this.auth = auth;
    }
    /** Never repeated once it may have reached the server: a second execution would run the pipeline twice. */
    executeRequest(ref, body) {
        return this.request('POST', `${pipelinePath(ref)}/executions`, `execute pipeline ${describeRef(ref)}`, {
            idempotent: false,
            body,
        });
    }
    async execute(ref, body) {
        const res = await this.send(this.executeRequest(ref, body));
        return read(res, (m) => m.executionResponse, `execute ${describeRef(ref)}`);
    }
    /** The pipeline's definition: a read that starts nothing, for dry-run's credential check. */
    async pipeline(ref) {
        const req = this.request('GET', pipelinePath(ref), `read pipeline ${describeRef(ref)}`, { idempotent: true });
        return read(await this.send(req), (m) => m.pipeline, `pipeline ${describeRef(ref)}`);
    }
    /** The execution with stage and task detail (the description's `queryParams` map: `expand=\u2026`). */
    async execution(id) {
        const req = this.request('GET', executionPath(id), `status of execution ${id}`, {
            idempotent: true,
            query: { expand: 'PIPELINE_STAGE_TASK' },
        });
        return read(await this.send(req), (m) => m.execution, `execution ${id}`);
    }
    /**
     * The execution's own index, read right after the execute call. Sent once, without retries: the
     * read is best-effort, and the step's deadline does not yet run while pipelines are being started,
     * so a retried read (a Retry-After, a backoff) could hold the step far past its timeout.
     */
    async executionIndex(id) {
        const req = this.request('GET', executionPath(id), `index of execution ${id}`, { idempotent: false });
        return (await read(await this.send(req), (m) => m.execution, `execution ${id}`)).index;
    }
    /** A pipeline's executions, filtered, ordered and cut by the server (OData `$filter`, `$orderby`, `$top`). */
    async executions(ref, query) {
        const label = `executions of pipeline ${describeRef(ref)}`;
        const req = this.request('GET', `${pipelinePath(ref)}/executions`, label, { idempotent: true, query });
        return read(await this.send(req), (m) => m.executionPage, label);
    }
    async cancel(id, reason) {
        const req = this.request('POST', executionPath(id), `cancel execution ${id}`, {
            idempotent: true,
            query: { action: 'cancel' },
            body: { reason },
        });
        await this.send(req);
    }
    async send(req) {
        let used = await this.auth.token();
        const withToken = () => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${used}` } });
        let res = await this.http.send(withToken());
        if (res.status === 401) {
            used = await this.auth.renew(used);
            res = await this.http.send(withToken());
        }
        return (0,shared/* expectSuccess */.lb)(res, (r) => describeAriaError(r));
    }
    request(method, path, label, { idempotent, query, body }) {
        return {
            method,
            url: (0,endpoint/* joinUrl */.we)(this.base, path, { apiVersion: API_VERSION, ...query }),
            headers: { accept: 'application/json' },
            label,
            idempotent,
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        };
    }
}
function pipelinePath(ref) {
    const tail = 'id' in ref ? (0,http/* pathSegment */.pn)(ref.id) : `${(0,http/* pathSegment */.pn)(ref.project)}/${(0,http/* pathSegment */.pn)(ref.name)}`;
    return `/codestream/api/pipelines/${tail}`;
}
function executionPath(id) {
    return `/codestream/api/executions/${(0,http/* pathSegment */.pn)(id)}`;
}
function describeRef(ref) {
    return 'id' in ref ? ref.id : `${ref.project}/${ref.name}`;
}

// EXTERNAL MODULE: ./src/providers/vmware-aria/status.ts
var vmware_aria_status = __webpack_require__(6625);
;// CONCATENATED MODULE: ./src/providers/vmware-aria/in-progress.ts
/**
 * Aria's runs in progress (`if-running`): each pipeline's newest execution in an in-progress status,
 * read with the list operation's OData `$filter` and `$orderby` (getExecutionsByIdUsingGET in
 * __fixtures__/aria-codestream-swagger.json; vmware-archive/code-stream-cli lists the same way, with
 * `$filter=(status eq '\u2026')` and `$orderby=_requestTimeInMicros desc`).
 */


/** `(status eq 'QUEUED') or (status eq 'RUNNING') or \u2026`: every status the step waits through. */
const IN_PROGRESS_FILTER = [...vmware_aria_status/* IN_PROGRESS */.mS].map((s) => `(status eq '${s}')`).join(' or ');
function ariaInProgress(parts) {
    return {
        list: (pipelines) => (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, (p) => newestInProgress(parts, p)),
    };
}
async function newestInProgress(parts, pipeline) {
    const page = await parts.client.executions(parts.ref(pipeline), {
        $filter: IN_PROGRESS_FILTER,
        $orderby: '_requestTimeInMicros desc',
        $top: '1',
    });
    // The server filters; the status is checked again so an older server that ignores `$filter` cannot
    // make a finished execution look in progress.
    const e = Object.values(page.documents ?? {}).find((d) => vmware_aria_status/* IN_PROGRESS */.mS.has(d.status));
    if (e === undefined)
        return undefined;
    return { handle: parts.handle(pipeline, e.id, e._link, e.index), status: e.status };
}

;// CONCATENATED MODULE: ./src/providers/vmware-aria/logs.ts

function ariaLogSources(client, runs) {
    return runs.map((r) => ({
        title: `${r.handle.pipeline}: Aria execution ${r.handle.runId}`,
        read: async (onLine) => {
            for (const line of executionLog(await client.execution(r.handle.runId)))
                onLine(line);
        },
    }));
}
/** A failed task's `output` is printed up to this many characters of its JSON. */
const MAX_OUTPUT_CHARS = 4096;
const FAILED_TASK = new Set(['FAILED', 'FAILED_CONTINUE', 'ROLLBACK_FAILED']);
/**
 * The workspace steps' logs, then one line per task with its status and messages, in pipeline order.
 * A failed task's `output` follows it as JSON: CI, SSH, PowerShell and REST tasks put their
 * results there (a CI task's `jobUrl`, say: TaskExecution.output in the 2019-10-17 swagger). It goes
 * out with the other lines of this log, so the engine prints it inert like them.
 */
function executionLog(e) {
    const lines = [];
    for (const w of e.workspaceResults ?? []) {
        lines.push(`[workspace ${w.step ?? '?'}] ${w.status ?? ''}`.trimEnd());
        for (const entry of w.logs ?? [])
            lines.push(...entry.split(/\r?\n/));
    }
    for (const { stage, task, detail } of (0,vmware_aria_status/* tasksInOrder */.se)(e)) {
        const messages = [...new Set([detail.statusMessage, detail.failureMessage].filter((m) => !!m))];
        const type = detail.type ? ` [${detail.type}]` : '';
        lines.push(`[${stage}.${task}${type}] ${detail.status ?? 'unknown'}${messages.length ? `: ${messages.join(' / ')}` : ''}`);
        const output = FAILED_TASK.has(detail.status ?? '') ? outputText(detail.output) : undefined;
        if (output !== undefined)
            lines.push('  output:', ...output.split('\n').map((l) => `    ${l}`));
    }
    return lines;
}
/**
 * The task output as indented JSON (short lines: the engine cuts a line at 2000 characters), cut to
 * MAX_OUTPUT_CHARS in all (never mid surrogate pair); none when empty.
 */
function outputText(output) {
    if (output === null || output === undefined)
        return undefined;
    if (typeof output === 'object' && Object.keys(output).length === 0)
        return undefined;
    let text;
    try {
        text = JSON.stringify(output, null, 2);
    }
    catch {
        return undefined;
    }
    if (text.length <= MAX_OUTPUT_CHARS)
        return text;
    let cut = MAX_OUTPUT_CHARS;
    if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1)))
        cut--;
    return `${text.slice(0, cut)}\n\u2026 (${text.length - cut} more characters not shown)`;
}
/** Stage times for the job summary's chart: Aria reports them in microseconds. */
function ariaStageSpans(e) {
    const stages = e.stages ?? {};
    const names = e.stageOrder?.length ? e.stageOrder : Object.keys(stages);
    return names.flatMap((name) => {
        const s = stages[name];
        if (s === undefined)
            return [];
        const span = { name, status: s.status ?? 'unknown' };
        if (typeof s._startTime === 'number' && s._startTime > 0)
            span.startedAt = Math.round(s._startTime / 1000);
        if (typeof s._endTime === 'number' && s._endTime > 0)
            span.finishedAt = Math.round(s._endTime / 1000);
        return [span];
    });
}

;// CONCATENATED MODULE: ./src/providers/vmware-aria/provider.ts
/**
 * VMware Aria Automation Pipelines (Code Stream) adapter: executes each pipeline once with the
 * given input, then follows the execution until a final status. The run id is the execution id;
 * its index and absolute link travel in the handle for the step outputs.
 */











function stepOutputs(first) {
    if (first === undefined)
        return {};
    return {
        executionId: first.runId,
        executionIndex: first.data.executionIndex === null ? '' : String(first.data.executionIndex),
        executionLink: first.url ?? '',
    };
}
function createProvider(ctx) {
    const { base, creds, body } = readSettings(ctx);
    const auth = new AriaAuth(base, creds, ctx.http, (s) => ctx.secret(s));
    return new AriaProvider(new AriaClient(base, ctx.http, auth), auth, base, body, ctx.workflow, ctx.log);
}
class AriaProvider {
    name = 'vmware-aria';
    client;
    auth;
    base;
    body;
    workflow;
    log;
    /** Its pipelines' executions in progress (`if-running`). */
    inProgress;
    /** The executions the polls read, kept for the live log only once it asked (`logs: live`, `logs-dir`). */
    polled;
    constructor(client, auth, base, body, w, log) {
        this.client = client;
        this.log = log;
        this.auth = auth;
        this.base = base;
        this.body = body;
        this.workflow = w;
        this.inProgress = ariaInProgress({
            client,
            ref: parseRef,
            handle: (pipeline, id, link, index) => this.handle(pipeline, { executionId: id, executionLink: link ?? executionPath(id) }, index),
        });
    }
    /** Shows each execute call with its body (comments, input, tags: no credentials); executes nothing. */
    preview(pipelines) {
        return Promise.resolve(pipelines.map((p) => {
            const req = this.client.executeRequest(this.ref(p), this.body);
            return (0,shared/* requestPreview */.mL)(p, req);
        }));
    }
    /**
     * Logs in (the credentials work) and reads each pipeline (it exists, this user sees it, and it is
     * enabled, since a disabled pipeline refuses executions). Starts nothing.
     */
    async verify(pipelines) {
        await this.auth.token();
        const found = await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, async (p) => ({
            p,
            def: await this.client.pipeline(this.ref(p)),
        }));
        const disabled = found.filter(({ def }) => def.enabled === false).map(({ p }) => p);
        if (disabled.length > 0) {
            throw new errors/* ProviderError */.mZ({
                message: `pipeline ${disabled.join(', ')} is disabled: enable it in Aria Automation before running`,
            });
        }
    }
    async trigger(pipelines) {
        // One login up front, so parallel executes do not each start their own.
        await this.auth.token();
        const outcomes = await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, (p) => this.executeOne(p));
        return { outcomes };
    }
    async observe(runs) {
        return (0,concurrency/* mapConcurrent */._)(runs, concurrency/* FAN_OUT_LIMIT */.T, (r) => this.observeOne(r).catch((e) => (0,errors/* toError */.iT)(e)));
    }
    async cancel(run) {
        await this.client.cancel(run.runId, this.cancelReason());
    }
    logs(runs) {
        return ariaLogSources(this.client, runs);
    }
    async liveLogs(runs) {
        this.polled ??= new Map();
        return (await __webpack_require__.e(/* import() */ 570).then(__webpack_require__.bind(__webpack_require__, 2570))).ariaLiveLogs(runs, this.polled);
    }
    async executeOne(pipeline) {
        let res;
        try {
            res = await this.client.execute(this.ref(pipeline), this.body);
        }
        catch (err) {
            return { pipeline, error: (0,errors/* toError */.iT)(err) };
        }
        return { pipeline, run: this.handle(pipeline, res, await this.executionIndex(res)) };
    }
    /**
     * The execute answer may carry a placeholder index: the vRA 8.11 programming guide shows
     * `"executionIndex": 0` although executions are numbered from 1. The execution itself has the real
     * number, so it is read once (also with `wait: false`) when the answer has none. The run has
     * started either way, so a failed read only leaves the index empty.
     */
    async executionIndex(res) {
        if (res.executionIndex !== undefined && res.executionIndex > 0)
            return res.executionIndex;
        try {
            return await this.client.executionIndex(res.executionId);
        }
        catch (err) {
            this.log.warning(`execution ${res.executionId}: could not read its index: ${(0,errors/* errorMessage */.gJ)(err)}`);
            return undefined;
        }
    }
    async observeOne(run) {
        const e = await this.client.execution(run.runId);
        this.polled?.set(run.runId, e);
        const { details, ...obs } = (0,vmware_aria_status/* classifyExecution */.TC)(e);
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
    handle(pipeline, res, index) {
        const link = absoluteLink(this.base, res.executionLink || executionPath(res.executionId));
        const executionIndex = index ?? null;
        return (0,shared/* runHandle */.as)('vmware-aria', { pipeline, runId: res.executionId, url: link, data: { executionIndex } });
    }
    /** Pipeline ids were checked when the provider was created, so this cannot throw here. */
    ref(pipeline) {
        return parseRef(pipeline);
    }
    cancelReason() {
        const url = (0,shared/* workflowRunUrl */.CX)(this.workflow);
        return `Cancelled by GitHub Actions${url === undefined ? '' : ` run ${url}`} (job cancelled or timed out)`;
    }
}
/** `executionLink` is host-relative (`/codestream/api/executions/\u2026`); keep any path prefix of the endpoint. */
function absoluteLink(base, link) {
    if (/^https?:\/\//i.test(link))
        return link;
    return (0,endpoint/* joinUrl */.we)(base, link.startsWith('/') ? link : `/${link}`).href;
}

;// CONCATENATED MODULE: ./src/providers/vmware-aria/index.ts
/**
 * VMware Aria Automation Pipelines (Code Stream) adapter: executes each pipeline once and follows the
 * execution until a final status. The adapter's exports; the provider is in provider.ts.
 */




/***/ }),

/***/ 6625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TC: () => (/* binding */ classifyExecution),
/* harmony export */   mS: () => (/* binding */ IN_PROGRESS),
/* harmony export */   se: () => (/* binding */ tasksInOrder)
/* harmony export */ });
/* unused harmony exports SUCCEEDED, FAILED, TASK_LEVEL, phaseOf, failureMessage */
const SUCCEEDED = new Set(['COMPLETED']);
const FAILED = new Set(['FAILED', 'CANCELED', 'ROLLBACK_FAILED', 'ROLLBACK_COMPLETED']);
const IN_PROGRESS = new Set([
    'NOT_STARTED',
    'QUEUED',
    'PREPARING_WORKSPACE',
    'STARTED',
    'RUNNING',
    'WAITING',
    'PAUSING',
    'PAUSED',
    'RESUMING',
    'CANCELING',
    'ROLLING_BACK',
]);
/** Stage/task states that no source shows on a whole execution: keep waiting, but say so. */
const TASK_LEVEL = new Set(['SKIPPED', 'FAILED_CONTINUE']);
function phaseOf(status) {
    if (SUCCEEDED.has(status))
        return 'success';
    if (FAILED.has(status))
        return 'failure';
    return 'pending';
}
/** Tasks in pipeline order; parallel tasks share one `taskOrder` entry, joined with commas. */
function tasksInOrder(e) {
    const stages = e.stages ?? {};
    const stageNames = e.stageOrder?.length ? e.stageOrder : Object.keys(stages);
    return stageNames.flatMap((stage) => {
        const s = stages[stage];
        const tasks = s?.tasks ?? {};
        const order = s?.taskOrder?.length ? s.taskOrder.flatMap((t) => t.split(',').map((n) => n.trim())) : Object.keys(tasks);
        return order.flatMap((task) => {
            const detail = tasks[task];
            return detail ? [{ stage, task, detail }] : [];
        });
    });
}
function classifyExecution(e) {
    const status = e.status;
    const phase = phaseOf(status);
    const details = { output: e.output ?? {}, statusMessage: e.statusMessage ?? null };
    if (phase === 'failure')
        return { status, phase, message: failureMessage(e), details };
    if (phase === 'success')
        return { status, phase, details };
    const obs = { status, phase, details };
    const progress = progressText(e);
    if (progress !== undefined)
        obs.progress = progress;
    const hold = holdNotice(e);
    // An approval wait needs someone to act, so it is a warning (like Feldera's AwaitingApproval); a pause is a notice.
    if (hold !== undefined && status === 'WAITING')
        obs.warning = hold;
    else if (hold !== undefined)
        obs.notice = hold;
    if (!IN_PROGRESS.has(status)) {
        obs.warning = TASK_LEVEL.has(status)
            ? `execution ${e.id} reports ${status}, a stage/task state; still waiting for a final status`
            : `execution ${e.id} reports an undocumented status '${status}'; still waiting for a final status`;
    }
    return obs;
}
/**
 * Why it ended: the execution's statusMessage, then each failed task's failureMessage that it does
 * not already say. A real FAILED statusMessage is the failed task's own message prefixed with
 * `stage.task: ` (vra-cli's README), so that task is not repeated.
 */
function failureMessage(e) {
    const head = e.statusMessage || e.reason || `execution ended with status ${e.status}`;
    const tasks = tasksInOrder(e)
        .filter(({ detail }) => isFailedTask(detail))
        .filter(({ stage, task, detail }) => !head.includes(`${stage}.${task}: ${detail.failureMessage || detail.statusMessage || ''}`))
        .map(({ stage, task, detail }) => {
        const why = detail.failureMessage || detail.statusMessage || 'no failure message';
        const ignored = detail.status === 'FAILED_CONTINUE' ? ' (failure ignored)' : '';
        return `${stage}.${task}${detail.type ? ` [${detail.type}]` : ''}${ignored}: ${why}`;
    });
    return [`${e.status}: ${head}`, ...tasks].join('\n');
}
function isFailedTask(t) {
    return t.status === 'FAILED' || t.status === 'ROLLBACK_FAILED' || t.status === 'FAILED_CONTINUE';
}
function progressText(e) {
    const active = tasksInOrder(e).filter(({ detail }) => detail.status !== undefined && detail.status !== 'NOT_STARTED' && IN_PROGRESS.has(detail.status));
    if (active.length === 0)
        return undefined;
    return active.map(({ stage, task, detail }) => `${stage}.${task} ${detail.status ?? ''}`).join(', ');
}
/** WAITING and PAUSED can last indefinitely: name what the execution is held by. */
function holdNotice(e) {
    if (e.status !== 'WAITING' && e.status !== 'PAUSED')
        return undefined;
    const held = tasksInOrder(e).filter(({ detail }) => detail.status === e.status);
    const what = held.length
        ? `task ${held.map(({ stage, task, detail }) => `${stage}.${task}${detail.type ? ` (${detail.type})` : ''}`).join(', ')}`
        : 'the execution';
    const why = e.status === 'WAITING' ? 'waits for an approval or input' : 'is paused until someone resumes it';
    const said = e.statusMessage ? ` (${e.statusMessage})` : '';
    const run = `${e.name ?? 'execution'} #${e.index ?? '?'}`;
    return `${run} is ${e.status}: ${what} ${why}${said}; still waiting, up to the timeout`;
}


/***/ })

};
