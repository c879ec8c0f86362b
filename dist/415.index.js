export const id = 415;
export const ids = [415];
export const modules = {

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

/***/ 9349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ INSTANCE_ID),
/* harmony export */   Kk: () => (/* binding */ CLIENT_TOKEN),
/* harmony export */   dm: () => (/* binding */ PIPELINE_ID)
/* harmony export */ });
/** What Logstash pipeline ids, instance ids and client tokens look like; the inputs and the handle schema both hold to them. */
const PIPELINE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const INSTANCE_ID = /^[A-Za-z0-9-]{1,64}$/;
const CLIENT_TOKEN = /^[A-Za-z0-9._-]{1,64}$/;


/***/ }),

/***/ 8415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createProvider: () => (/* reexport */ createProvider),
  loadSchemas: () => (/* reexport */ schemas),
  stepOutputs: () => (/* reexport */ stepOutputs)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/endpoint.ts
var endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/providers/alibaba-logstash/ids.ts
var ids = __webpack_require__(9349);
;// CONCATENATED MODULE: ./src/providers/alibaba-logstash/settings.ts
/**
 * Alibaba Logstash's inputs and environment, read into a typed config before any request: every bad
 * value is an InputError naming the input. The credential chain is read in credentials.ts.
 */






const shape = {
    'instance-id': inputs/* inputRules */.sM.optionalText(ids/* INSTANCE_ID */.Cd, 'a Logstash instance id such as ls-cn-abc123def456'),
    'access-key-id': inputs/* inputRules */.sM.optionalText(),
    'access-key-secret': inputs/* inputRules */.sM.optionalText(),
    'security-token': inputs/* inputRules */.sM.optionalText(),
    'role-arn': inputs/* inputRules */.sM.optionalText(),
    'oidc-provider-arn': inputs/* inputRules */.sM.optionalText(),
    'role-session-name': inputs/* inputRules */.sM.optionalText(),
    'client-token': inputs/* inputRules */.sM.optionalText(ids/* CLIENT_TOKEN */.Kk, 'at most 64 letters, digits, ".", "_" or "-"'),
};
function readSettings(ctx) {
    const given = (0,inputs/* readInputs */.Ko)(shape, ctx.inputs);
    const resumed = ctx.resumed?.[0]?.data;
    const instanceId = given['instance-id'] ?? resumed?.instanceId;
    if (instanceId === undefined)
        throw new errors/* InputError */.dz('instance-id', 'is required for alibaba-logstash, e.g. ls-cn-abc123def456');
    checkResumed(ctx.resumed, instanceId);
    const pipelines = ctx.settings['pipeline-ids'];
    const bad = pipelines.find((id) => !ids/* PIPELINE_ID */.dm.test(id));
    if (bad !== undefined)
        throw new errors/* InputError */.dz('pipeline-ids', `has '${bad}': Logstash pipeline ids are letters, digits, '_' and '-'`);
    const region = ctx.settings.region ?? envRegion(ctx.env);
    const base = endpointFor(ctx, region);
    const clientToken = given['client-token'] ?? resumed?.clientToken ?? defaultClientToken(ctx.workflow, instanceId, pipelines);
    return { given, instanceId, region, base, clientToken };
}
/** The runs of an earlier step (`runs`) were all deployed on one instance: this step's. */
function checkResumed(resumed, instanceId) {
    const other = resumed?.find((h) => h.data.instanceId !== instanceId);
    if (other) {
        throw new errors/* InputError */.dz('runs', `has a run on instance ${other.data.instanceId}, but this step's instance is ${instanceId}`);
    }
}
function envRegion(env) {
    const r = env['ALIBABA_CLOUD_REGION_ID'];
    if (r === undefined || r === '')
        return undefined;
    if (!inputs/* REGION_ID */.NF.test(r))
        throw new errors/* InputError */.dz('region', `is unset and ALIBABA_CLOUD_REGION_ID is not a region id (got '${r}')`);
    return r;
}
function endpointFor(ctx, region) {
    if (ctx.settings.endpoint)
        return (0,endpoint/* checkEndpoint */.q9)(ctx.settings.endpoint, 'endpoint', ctx.settings['allow-insecure-http']);
    if (region === undefined) {
        throw new errors/* InputError */.dz('region', 'is required for alibaba-logstash (or give endpoint), e.g. cn-hangzhou');
    }
    return new URL(`https://elasticsearch.${region}.aliyuncs.com`);
}
/**
 * The same workflow run attempt always yields the same token, so RunPipelines retried, or the step
 * re-entered within one attempt, never deploys twice; a re-run (new attempt) deploys again.
 */
function defaultClientToken(w, instanceId, pipelines) {
    if (!w.repository || !w.runId)
        return (0,external_node_crypto_.randomUUID)();
    const seed = [w.repository, w.runId, w.runAttempt ?? '1', instanceId, ...pipelines].join('\n');
    return asUuid((0,external_node_crypto_.createHash)('sha256').update(seed).digest('hex'));
}
function asUuid(hex) {
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
/** A token of its own for a follow-up call, stable across that call's retries. */
function derivedToken(base, purpose, ids) {
    return asUuid((0,external_node_crypto_.createHash)('sha256')
        .update([base, purpose, ...ids].join('\n'))
        .digest('hex'));
}

// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
;// CONCATENATED MODULE: ./src/providers/alibaba-logstash/in-progress.ts
function logstashInProgress(client, handle) {
    return {
        list: async (pipelines) => {
            const { status } = await client.describeLogstash();
            if (status !== 'activating')
                return pipelines.map(() => undefined);
            return pipelines.map((p) => ({ handle: handle(p), status: `instance ${status}` }));
        },
        refuses: {
            'cancel-previous': 'no Alibaba Cloud API cancels a deploy in progress (StopPipelines stops pipelines, it does not end an instance change)',
        },
    };
}

// EXTERNAL MODULE: ./src/providers/shared.ts
var shared = __webpack_require__(5681);
// EXTERNAL MODULE: ./src/http.ts + 8 modules
var http = __webpack_require__(2783);
;// CONCATENATED MODULE: ./src/providers/alibaba-logstash/signer.ts
/**
 * Alibaba Cloud request signature V3 (`ACS3-HMAC-SHA256`), pure: no clock, no randomness, no I/O.
 * The caller supplies the date and nonce, so the vectors made with Alibaba's own signer can be
 * reproduced byte for byte.
 */


const ALGORITHM = 'ACS3-HMAC-SHA256';
const API_VERSION = '2017-06-13';
function canonicalQuery(query) {
    return Object.keys(query)
        .sort()
        .map((k) => `${k}=${(0,shared/* percentEncode */.a)(query[k] ?? '')}`)
        .join('&');
}
function isSigned(lowerName) {
    return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}
function sign(req, creds) {
    const signed = Object.entries(req.headers)
        .map(([k, v]) => [k.toLowerCase(), v.trim()])
        .filter(([k]) => isSigned(k))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const signedHeaders = signed.map(([k]) => k).join(';');
    const canonicalRequest = [
        req.method.toUpperCase(),
        req.path,
        canonicalQuery(req.query),
        signed.map(([k, v]) => `${k}:${v}\n`).join(''),
        signedHeaders,
        (0,shared/* sha256Hex */.fg)(req.body),
    ].join('\n');
    const stringToSign = `${ALGORITHM}\n${(0,shared/* sha256Hex */.fg)(canonicalRequest)}`;
    const signature = (0,external_node_crypto_.createHmac)('sha256', creds.accessKeySecret).update(stringToSign, 'utf8').digest('hex');
    const authorization = `${ALGORITHM} Credential=${creds.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
    return { canonicalRequest, stringToSign, signedHeaders, signature, authorization };
}
/** The headers Alibaba's SDK sends with a V3 request, before the Authorization header. */
function acsHeaders(h) {
    const headers = {
        host: h.host,
        'x-acs-action': h.action,
        'x-acs-version': API_VERSION,
        'x-acs-date': h.date,
        'x-acs-signature-nonce': h.nonce,
        accept: 'application/json',
        'x-acs-content-sha256': (0,shared/* sha256Hex */.fg)(h.body),
    };
    if (h.contentType !== undefined)
        headers['content-type'] = h.contentType;
    if (h.creds.securityToken) {
        headers['x-acs-accesskey-id'] = h.creds.accessKeyId;
        headers['x-acs-security-token'] = h.creds.securityToken;
    }
    return headers;
}
/** `2024-05-01T12:00:00Z`: ISO 8601 without milliseconds, as the V3 date header wants it. */
function acsDate(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

;// CONCATENATED MODULE: ./src/providers/alibaba-logstash/client.ts
/**
 * Alibaba Cloud Elasticsearch (2017-06-13, ROA) calls for Logstash instances, signed with V3 on
 * every attempt. No polling and no Actions globals here.
 */






/** Alibaba's schemas.ts, loaded on demand: its adapter's `loadSchemas` (`responseReader`, src/providers/shared.ts). */
const { schemas, read } = (0,shared/* responseReader */.$L)(() => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(563)]).then(__webpack_require__.bind(__webpack_require__, 6563)));

/** Codes Alibaba documents as "not processed, try again"; Terraform's provider retries the same set. */
const RETRYABLE_CODES = new Set([
    'InstanceActivating',
    'ConcurrencyUpdateInstanceConflict',
    'InstanceStatusNotSupportCurrentAction',
    'TokenPreviousRequestProcessError',
    'InstanceDuplicateScheduledTask',
    'InternalServerError',
    'InternalError',
    'ServiceUnavailable',
]);
function isRetryableCode(code) {
    return code !== undefined && (code.includes('Throttling') || RETRYABLE_CODES.has(code));
}
/** ListPipeline's largest page; one page covers any instance with up to 200 pipelines. */
const PAGE_SIZE = 200;
const JSON_BODY = 'application/json; charset=utf-8';
/** The documented spelling of the error level first, then the one Logstash prints. */
const ERROR_LEVEL_SPELLINGS = ['error', 'ERROR'];
class LogstashClient {
    options;
    constructor(options) {
        this.options = options;
    }
    async describeLogstash() {
        const req = this.request('GET', 'DescribeLogstash', '', `describe instance ${this.options.instanceId}`, { idempotent: true });
        return (await read(await this.send(req), (m) => m.describeLogstash, 'DescribeLogstash')).Result;
    }
    /** Every pipeline of the instance: one request unless it has more than one page of them. */
    async listPipelines() {
        const all = [];
        for (let page = 1;; page++) {
            const query = { page: String(page), size: String(PAGE_SIZE) };
            const req = this.request('GET', 'ListPipeline', '/pipelines', 'list pipelines', { idempotent: true, query });
            const res = await read(await this.send(req), (m) => m.listPipeline, 'ListPipeline');
            all.push(...res.Result);
            const total = res.Headers?.['X-Total-Count'] ?? all.length;
            if (res.Result.length < PAGE_SIZE || all.length >= total)
                return all;
        }
    }
    /** The ClientToken makes a repeat of this call the same deploy, so every failure may be retried. */
    runPipelinesRequest(ids, clientToken) {
        const label = `run pipelines ${ids.join(', ')}`;
        return this.request('POST', 'RunPipelines', '/pipelines/action/run', label, {
            idempotent: true,
            query: { ClientToken: clientToken },
            body: ids,
        });
    }
    async runPipelines(ids, clientToken) {
        return this.action(this.runPipelinesRequest(ids, clientToken), 'RunPipelines');
    }
    async stopPipelines(ids, clientToken) {
        const label = `stop pipelines ${ids.join(', ')}`;
        const req = this.request('POST', 'StopPipelines', '/pipelines/action/stop', label, {
            idempotent: true,
            query: { ClientToken: clientToken },
            body: ids,
        });
        return this.action(req, 'StopPipelines');
    }
    /**
     * The instance's newest error log lines in a time window (page 1 of a newest-first answer), oldest first. The SDK documents levels in lower
     * case (`level:info`), so that is searched first; Logstash itself prints them in upper case, so a
     * search that may be case-sensitive is repeated in upper case when the first finds nothing. Either
     * way only lines whose level reads `error` in any case are kept.
     */
    async errorLog(beginMs, endMs, size = 20) {
        for (const level of ERROR_LEVEL_SPELLINGS) {
            const found = (await this.searchLog(`level:${level}`, beginMs, endMs, size)).filter((l) => l.level === undefined || l.level.toLowerCase() === 'error');
            // Newest first (see logs.ts): reversed, then by time, so lines of one moment keep their order.
            if (found.length > 0)
                return found.reverse().sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
        }
        return [];
    }
    async searchLog(q, beginMs, endMs, size) {
        const query = {
            type: 'LOGSTASH_INSTANCE_LOG',
            query: q,
            beginTime: String(beginMs),
            endTime: String(endMs),
            page: '1',
            size: String(size),
        };
        const req = this.request('GET', 'ListLogstashLog', '/search-log', 'instance error log', { idempotent: true, query });
        return (await read(await this.send(req), (m) => m.listLogstashLog, 'ListLogstashLog')).Result;
    }
    /**
     * One page of the instance's log (ListLogstashLog, LOGSTASH_INSTANCE_LOG) in a time window, every
     * level. `query` is required and Lucene-like; `*` for "everything" is a guess (the documentation's
     * only example is `level:ERROR`).
     */
    async instanceLog(beginMs, endMs, page, size) {
        const query = {
            type: 'LOGSTASH_INSTANCE_LOG',
            query: '*',
            beginTime: String(beginMs),
            endTime: String(endMs),
            page: String(page),
            size: String(size),
        };
        const req = this.request('GET', 'ListLogstashLog', '/search-log', `instance log, page ${page}`, { idempotent: true, query });
        return (await read(await this.send(req), (m) => m.listLogstashLog, 'ListLogstashLog')).Result;
    }
    async action(req, api) {
        const res = await read(await this.send(req), (m) => m.actionResult, api);
        if (!res.Result) {
            throw new errors/* ProviderError */.mZ({
                status: 200,
                message: `${api} answered Result: false: the request was not carried out`,
                ...(res.RequestId ? { requestId: res.RequestId } : {}),
            });
        }
        return res.RequestId;
    }
    async send(req) {
        const res = await this.options.http.send(req);
        if (res.status >= 200 && res.status < 300)
            return res;
        throw await alibabaError(res);
    }
    request(method, action, subPath, label, { idempotent, query, body: bodyIds }) {
        const path = `/openapi/logstashes/${(0,http/* pathSegment */.pn)(this.options.instanceId)}${subPath}`;
        const body = bodyIds === undefined ? undefined : JSON.stringify(bodyIds);
        return {
            method,
            url: (0,endpoint/* joinUrl */.we)(this.options.base, path, query),
            headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': JSON_BODY },
            ...(body === undefined ? {} : { body }),
            label,
            idempotent,
            retryWhen: async (res) => res.status >= 400 ? isRetryableCode((await errorFields(res)).code) : idempotent && res.status < 300 && !isJson(res.body),
            sign: (out) => this.signHeaders(action, out),
        };
    }
    /** Each attempt gets its own date, nonce and signature: Alibaba refuses a reused nonce. */
    async signHeaders(action, out) {
        const creds = await this.options.credentials();
        const headers = acsHeaders({
            action,
            host: out.url.host,
            body: out.body,
            date: acsDate(this.options.clock.now()),
            nonce: (0,external_node_crypto_.randomUUID)(),
            creds,
            contentType: out.headers['content-type'],
        });
        const query = Object.fromEntries(out.url.searchParams);
        const { authorization } = sign({ method: out.method, path: out.url.pathname, query, headers, body: out.body }, creds);
        return { ...headers, authorization };
    }
}
/** A garbled answer to a call that may be repeated is treated like a lost one: the ClientToken makes the repeat safe. */
function isJson(body) {
    try {
        JSON.parse(body);
        return true;
    }
    catch {
        return false;
    }
}
async function errorFields(res) {
    const { errorBody } = await schemas();
    try {
        const parsed = errorBody.safeParse(JSON.parse(res.body));
        if (!parsed.success)
            return {};
        const b = parsed.data;
        return { code: b.Code ?? b.code, message: b.Message ?? b.message, requestId: b.RequestId ?? b.requestId };
    }
    catch {
        return {};
    }
}
/** Alibaba's `Code`, `Message` and `RequestId`, with its documented retryable codes marked transient. */
async function alibabaError(res) {
    const f = await errorFields(res);
    return (0,shared/* providerError */.we)(res, { ...f, transient: isRetryableCode(f.code) || res.status >= 500 || res.status === 429 });
}

// EXTERNAL MODULE: ./src/credential-answer.ts
var credential_answer = __webpack_require__(4369);
;// CONCATENATED MODULE: ./src/providers/alibaba-logstash/credentials.ts





const DEFAULT_AUDIENCE = 'sts.aliyuncs.com';
const SESSION_SECONDS = 3600;
/** Exchange again when less than this is left, so a long wait never signs with expired credentials. */
const REFRESH_MARGIN_MS = 5 * 60_000;
const ROLE_ARN = /^acs:ram::\d+:role\/[\w.@+=,-]+$/i;
const PROVIDER_ARN = /^acs:ram::\d+:oidc-provider\/[\w.-]+$/i;
const SESSION_NAME = /^[\w.@-]{2,64}$/;
function credentialSource(given, ctx) {
    if (given['role-arn'] !== undefined || given['oidc-provider-arn'] !== undefined)
        return oidcSource(given, ctx);
    const fromInputs = staticKeys(given['access-key-id'], given['access-key-secret'], given['security-token'], 'access-key-id', 'access-key-secret');
    const creds = fromInputs ??
        staticKeys(ctx.env['ALIBABA_CLOUD_ACCESS_KEY_ID'], ctx.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'], given['security-token'] ?? ctx.env['ALIBABA_CLOUD_SECURITY_TOKEN'], 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET');
    if (creds === undefined) {
        throw new errors/* InputError */.dz('access-key-id', 'is required: give access-key-id and access-key-secret, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
            'ALIBABA_CLOUD_ACCESS_KEY_SECRET (aliyun/configure-aliyun-credentials-action exports them), ' +
            'or use role-arn and oidc-provider-arn for keyless OIDC');
    }
    ctx.secret(creds.accessKeySecret);
    if (creds.securityToken)
        ctx.secret(creds.securityToken);
    const origin = fromInputs ? 'the access-key-id input' : 'ALIBABA_CLOUD_ACCESS_KEY_ID';
    return { origin: creds.securityToken ? `${origin} with an STS token` : origin, get: () => Promise.resolve(creds) };
}
function staticKeys(id, secret, token, idName, secretName) {
    if (!id && !secret)
        return undefined;
    if (!id)
        throw new errors/* InputError */.dz(idName, `is required when ${secretName} is set`);
    if (!secret)
        throw new errors/* InputError */.dz(secretName, `is required when ${idName} is set`);
    return { accessKeyId: id, accessKeySecret: secret, ...(token ? { securityToken: token } : {}) };
}
function oidcSource(given, ctx) {
    const plan = oidcPlan(given, ctx);
    let cached;
    let inFlight;
    const get = async () => {
        if (cached && ctx.clock.now() < cached.expiresAt - REFRESH_MARGIN_MS)
            return cached.creds;
        inFlight ??= exchange(plan, ctx)
            .then((got) => {
            cached = got;
            return got.creds;
        })
            .finally(() => {
            inFlight = undefined;
        });
        return inFlight;
    };
    return { origin: `OIDC role ${plan.roleArn}`, get };
}
function oidcPlan(given, ctx) {
    const roleArn = given['role-arn'];
    const providerArn = given['oidc-provider-arn'];
    if (!roleArn)
        throw new errors/* InputError */.dz('role-arn', 'is required with oidc-provider-arn, e.g. acs:ram::123456789012:role/deployer');
    if (!ROLE_ARN.test(roleArn))
        throw new errors/* InputError */.dz('role-arn', `must be a RAM role ARN like acs:ram::<uid>:role/<name> (got '${roleArn}')`);
    if (!providerArn)
        throw new errors/* InputError */.dz('oidc-provider-arn', 'is required with role-arn, e.g. acs:ram::123456789012:oidc-provider/github');
    if (!PROVIDER_ARN.test(providerArn)) {
        throw new errors/* InputError */.dz('oidc-provider-arn', `must be like acs:ram::<uid>:oidc-provider/<name> (got '${providerArn}')`);
    }
    if (given['access-key-id'] !== undefined)
        throw new errors/* InputError */.dz('role-arn', 'cannot be combined with access-key-id: choose one kind of credentials');
    const sessionName = given['role-session-name'] ?? `github-actions-${ctx.runId ?? 'run'}`;
    if (!SESSION_NAME.test(sessionName)) {
        throw new errors/* InputError */.dz('role-session-name', `must be 2 to 64 letters, digits or . @ - _ (got '${sessionName}')`);
    }
    const rawUrl = ctx.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
    const requestToken = ctx.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
    if (!rawUrl || !requestToken) {
        throw new errors/* InputError */.dz('role-arn', "needs the workflow's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL is not set: give the job `permissions: id-token: write`");
    }
    ctx.secret(requestToken);
    const stsRaw = ctx.env['ALIBABA_CLOUD_STS_ENDPOINT'];
    const sts = stsRaw
        ? (0,endpoint/* checkEndpoint */.q9)(stsRaw, 'ALIBABA_CLOUD_STS_ENDPOINT', ctx.allowInsecureHttp)
        : new URL(ctx.region ? `https://sts.${ctx.region}.aliyuncs.com` : 'https://sts.aliyuncs.com');
    return {
        roleArn,
        providerArn,
        sessionName,
        audience: ctx.env['ALIBABA_CLOUD_OIDC_AUDIENCE'] || DEFAULT_AUDIENCE,
        sts,
        tokenUrl: new URL(rawUrl),
        requestToken,
    };
}
async function exchange(plan, ctx) {
    const idToken = await githubIdToken(plan, ctx);
    const url = new URL(plan.sts.href);
    for (const [k, val] of Object.entries({
        Action: 'AssumeRoleWithOIDC',
        Version: '2015-04-01',
        Format: 'JSON',
        Timestamp: acsDate(ctx.clock.now()),
    })) {
        url.searchParams.set(k, val);
    }
    const form = new URLSearchParams({
        RoleArn: plan.roleArn,
        OIDCProviderArn: plan.providerArn,
        OIDCToken: idToken,
        RoleSessionName: plan.sessionName,
        DurationSeconds: String(SESSION_SECONDS),
    });
    // Anonymous and without side effects: a repeat only mints another set of temporary credentials.
    const res = await ctx.http.send({
        method: 'POST',
        url,
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        label: 'AssumeRoleWithOIDC',
        idempotent: true,
    });
    if (res.status < 200 || res.status >= 300)
        throw await alibabaError(res);
    const c = (0,credential_answer/* readCredential */.Y)((await schemas()).assumeRoleResponse, res, 'AssumeRoleWithOIDC').Credentials;
    ctx.secret(c.AccessKeyId);
    ctx.secret(c.AccessKeySecret);
    ctx.secret(c.SecurityToken);
    const expires = c.Expiration ? Date.parse(c.Expiration) : NaN;
    ctx.log.info(`assumed ${plan.roleArn} with the workflow's OIDC token (session ${plan.sessionName})`);
    return {
        creds: { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken },
        expiresAt: Number.isNaN(expires) ? ctx.clock.now() + SESSION_SECONDS * 1000 : expires,
    };
}
/** What core.getIDToken does: GET the runner's token URL with the audience, authorised by the request token. */
async function githubIdToken(plan, ctx) {
    const url = new URL(plan.tokenUrl.href);
    url.searchParams.set('audience', plan.audience);
    const res = await ctx.http.send({
        method: 'GET',
        url,
        headers: { accept: 'application/json', authorization: `Bearer ${plan.requestToken}` },
        label: 'GitHub OIDC token',
        idempotent: true,
    });
    if (res.status < 200 || res.status >= 300) {
        throw new errors/* ProviderError */.mZ({
            status: res.status,
            code: 'OIDCTokenRequestFailed',
            message: `the runner refused an OIDC token (${res.body.trim().slice(0, 200) || 'no body'}); does the job have permissions: id-token: write?`,
        });
    }
    const token = (0,credential_answer/* readCredential */.Y)((await schemas()).idTokenResponse, res, 'GitHub OIDC token').value;
    ctx.secret(token);
    return token;
}

// EXTERNAL MODULE: ./src/providers/alibaba-logstash/logs.ts
var logs = __webpack_require__(9832);
;// CONCATENATED MODULE: ./src/providers/alibaba-logstash/status.ts
const FROZEN = {
    inactive: 'inactive (frozen, e.g. an overdue payment)',
    invalid: 'invalid (expired or released)',
};
function classifyRun(poll, run) {
    const { item } = run;
    const status = item?.pipelineStatus ?? 'MISSING';
    const details = {
        instanceId: poll.instanceId,
        instanceStatus: poll.instanceStatus,
        gmtUpdateTime: item?.gmtUpdateTime ?? null,
    };
    const frozen = FROZEN[poll.instanceStatus];
    if (frozen !== undefined) {
        return { status, phase: 'failure', details, message: `instance ${poll.instanceId} became ${frozen}` };
    }
    if (item === undefined || status === 'DELETED') {
        return {
            status,
            phase: 'failure',
            details,
            message: `pipeline ${run.pipeline} no longer exists on instance ${poll.instanceId}`,
        };
    }
    if (poll.instanceStatus !== 'active') {
        return { status, phase: 'pending', details, progress: `instance ${poll.instanceStatus}` };
    }
    const updated = isUpdated(run);
    if (!poll.leftActive && !updated) {
        return { status, phase: 'pending', details, progress: 'instance active, waiting for the deploy to begin' };
    }
    if (status === 'RUNNING')
        return { status, phase: 'success', details };
    if (status === 'NOT_DEPLOYED') {
        // A new update time alone may mark the deploy's start, not its end.
        if (!poll.settled)
            return { status, phase: 'pending', details, progress: 'instance active, deploy recorded' };
        return {
            status,
            phase: 'failure',
            details,
            wantsErrorLog: true,
            message: `pipeline ${run.pipeline} is still NOT_DEPLOYED after the deploy ended (instance ${poll.instanceId} active again)` +
                (run.statusBefore !== undefined ? `; it was ${run.statusBefore} before the deploy` : ''),
        };
    }
    return { status, phase: 'failure', details, message: `unknown pipeline status '${status}' (expected RUNNING or NOT_DEPLOYED)` };
}
function isUpdated(run) {
    const t = run.item?.gmtUpdateTime;
    return t !== undefined && t !== run.updatedBefore;
}

;// CONCATENATED MODULE: ./src/providers/alibaba-logstash/provider.ts
/**
 * Alibaba Cloud Elasticsearch, Logstash pipelines: one RunPipelines call deploys every requested
 * pipeline (which restarts the instance), then the wait reads the instance and its pipelines once
 * per poll, however many pipelines there are. A "run" is the pipeline's deploy; its id is the
 * pipeline id, since the API has no run object.
 */










/** Lines of the instance's error log quoted in a failed run's message. */
const LOG_LINES = 10;
function stepOutputs(_first, requestId) {
    return requestId === undefined ? {} : { 'request-id': requestId };
}
function createProvider(ctx) {
    const { given, instanceId, region, base, clientToken } = readSettings(ctx);
    const { clock } = ctx.step;
    const source = credentialSource(given, {
        env: ctx.env,
        http: ctx.http,
        clock,
        log: ctx.log,
        secret: (value) => ctx.secret(value),
        region,
        allowInsecureHttp: ctx.settings['allow-insecure-http'],
        runId: ctx.workflow.runId,
    });
    const client = new LogstashClient({ base, instanceId, http: ctx.http, credentials: source.get, clock });
    return new LogstashProvider({
        client,
        source,
        instanceId,
        clientToken,
        clock,
        log: ctx.log,
        step: ctx.step,
        preCheckMs: ctx.settings.timeout,
        pollMs: ctx.settings['poll-interval'],
        logLines: ctx.settings['log-lines'],
    });
}
class LogstashProvider {
    name = 'alibaba-logstash';
    parts;
    /** Set once the instance was seen in another state than `active` after the trigger. */
    leftActive = false;
    /** Set once a pipeline of this deploy was seen RUNNING with a new update time. */
    deployEnded = false;
    /** This step sent the deploy; otherwise it waits for an earlier step's (`runs`), maybe long over. */
    triggeredHere = false;
    /** A later job: when a poll first saw the instance `active` and a pipeline's update time moved. */
    updateSeenAt;
    stopBatch;
    /** A deploy in progress on the instance (`if-running`); a wait follows it as it would its own. */
    inProgress;
    constructor(parts) {
        this.parts = parts;
        this.inProgress = logstashInProgress(parts.client, (p) => this.handle(p, undefined, parts.clock.now()));
    }
    async preview(pipelines) {
        await this.parts.source.get();
        const run = this.parts.client.runPipelinesRequest(pipelines, this.parts.clientToken);
        const instanceUrl = run.url.href.replace(/\/pipelines\/action\/run\?.*$/, '');
        return [
            { pipeline: 'pre-check', method: 'GET', url: instanceUrl },
            { pipeline: 'pre-check', method: 'GET', url: `${instanceUrl}/pipelines?page=1&size=200` },
            (0,shared/* requestPreview */.mL)(pipelines.join(', '), run),
        ];
    }
    /**
     * DescribeLogstash and ListPipeline, signed like the deploy: the credentials work, the instance
     * exists in this region, and so does every pipeline. Deploys nothing.
     */
    async verify(pipelines) {
        this.parts.log.info(`signing with ${this.parts.source.origin}`);
        const [, items] = await Promise.all([this.parts.client.describeLogstash(), this.parts.client.listPipelines()]);
        assertAllExist(pipelines, new Map(items.map((i) => [i.pipelineId, i])), this.parts.instanceId);
    }
    async trigger(pipelines) {
        this.parts.log.info(`signing with ${this.parts.source.origin}`);
        await this.waitUntilActive();
        const before = new Map((await this.parts.client.listPipelines()).map((i) => [i.pipelineId, i]));
        assertAllExist(pipelines, before, this.parts.instanceId);
        const triggeredAt = this.parts.clock.now();
        this.triggeredHere = true;
        const requestId = await this.parts.client.runPipelines(pipelines, this.parts.clientToken);
        const outcomes = pipelines.map((pipeline) => ({
            pipeline,
            run: this.handle(pipeline, before.get(pipeline), triggeredAt),
        }));
        return { outcomes, ...(requestId !== undefined ? { requestId } : {}) };
    }
    /** One DescribeLogstash and one ListPipeline, whatever the number of runs. */
    async observe(runs) {
        const [instance, items] = await Promise.all([this.parts.client.describeLogstash(), this.parts.client.listPipelines()]);
        const byId = new Map(items.map((i) => [i.pipelineId, i]));
        const views = runs.map((r) => ({
            pipeline: r.pipeline,
            item: byId.get(r.pipeline),
            updatedBefore: r.data.updatedBefore,
            statusBefore: r.data.statusBefore,
        }));
        if (instance.status !== 'active')
            this.leftActive = true;
        else if (views.some((view) => isUpdated(view) && view.item?.pipelineStatus === 'RUNNING'))
            this.deployEnded = true;
        const poll = {
            instanceId: this.parts.instanceId,
            instanceStatus: instance.status,
            leftActive: this.leftActive,
            settled: this.leftActive || this.deployEnded || this.settledBeforeThisJob(instance.status, views),
        };
        const seen = views.map((view) => classifyRun(poll, view));
        if (seen.some((o) => o.wantsErrorLog))
            await this.appendErrorLog(seen, runs);
        return seen.map(({ wantsErrorLog: _, ...obs }) => obs);
    }
    /**
     * A wait in a later job (`runs`) may begin after the restart is over, so it never sees the instance
     * leave `active`. There the deploy counts as settled once the instance is `active` and a pipeline's
     * update time moved past the trigger's (the handle's `updatedBefore`), on a poll at least one poll
     * interval after the first poll that saw both: a restart that was only beginning has had that long
     * to show `activating`, which resets the wait.
     */
    settledBeforeThisJob(instanceStatus, views) {
        if (this.triggeredHere)
            return false;
        const now = this.parts.clock.now();
        if (instanceStatus !== 'active' || !views.some(isUpdated)) {
            this.updateSeenAt = undefined;
            return false;
        }
        this.updateSeenAt ??= now;
        return now - this.updateSeenAt >= this.parts.pollMs;
    }
    /** The log belongs to the instance: read once for the whole deploy. */
    logScope = 'step';
    logs(runs) {
        return (0,logs/* logstashLogSources */.G7)(this.parts.client, runs, () => this.parts.clock.now(), this.parts.logLines);
    }
    async liveLogs(runs) {
        return (await __webpack_require__.e(/* import() */ 798).then(__webpack_require__.bind(__webpack_require__, 3798))).logstashLiveLogs(this.parts.client, runs, () => this.parts.clock.now());
    }
    /** The engine cancels run by run; the stops of one moment go out as one StopPipelines call. */
    cancel(run) {
        if (this.stopBatch === undefined) {
            const batch = { ids: [], done: Promise.resolve() };
            batch.done = new Promise((resolve) => setImmediate(resolve)).then(async () => {
                this.stopBatch = undefined;
                const token = derivedToken(run.data.clientToken, 'stop', batch.ids);
                await this.parts.client.stopPipelines(batch.ids, token);
            });
            this.stopBatch = batch;
        }
        this.stopBatch.ids.push(run.pipeline);
        return this.stopBatch.done;
    }
    async waitUntilActive() {
        const { clock, log, instanceId } = this.parts;
        const { deadline, signal } = this.parts.step;
        let gap = 1000;
        for (;;) {
            const { status } = await this.parts.client.describeLogstash();
            if (status === 'active')
                return;
            if (status === 'inactive' || status === 'invalid') {
                throw new errors/* ProviderError */.mZ({
                    message: `instance ${instanceId} is ${status} and takes no pipeline changes; nothing was deployed`,
                });
            }
            if (clock.now() + gap > deadline) {
                throw new errors/* ProviderError */.mZ({
                    message: `instance ${instanceId} was still ${status} after ${(0,parse/* formatDuration */.a3)(this.parts.preCheckMs)}; nothing was deployed`,
                });
            }
            log.info(`instance ${instanceId} is ${status} (another change is taking effect); waiting before deploying`);
            await clock.sleep(gap, signal);
            gap = Math.min(gap * 2, this.parts.pollMs);
        }
    }
    async appendErrorLog(seen, runs) {
        const since = Math.min(...runs.map((r) => r.data.triggeredAt)) - logs/* LOG_LEAD_MS */.nH;
        let text;
        try {
            const lines = await this.parts.client.errorLog(since, this.parts.clock.now());
            text = lines.length
                ? `recent instance errors:\n${lines
                    .slice(-LOG_LINES)
                    .map((l) => `  ${l.content ?? ''}`.trimEnd())
                    .join('\n')}`
                : 'the instance logged no errors in that time';
        }
        catch (err) {
            text = `(its error log could not be read: ${(0,errors/* errorMessage */.gJ)(err)})`;
        }
        for (const o of seen)
            if (o.wantsErrorLog)
                o.message = `${o.message ?? ''}; ${text}`;
    }
    handle(pipeline, before, triggeredAt) {
        const data = {
            instanceId: this.parts.instanceId,
            clientToken: this.parts.clientToken,
            triggeredAt,
            ...(before?.gmtUpdateTime !== undefined ? { updatedBefore: before.gmtUpdateTime } : {}),
            ...(before?.pipelineStatus !== undefined ? { statusBefore: before.pipelineStatus } : {}),
        };
        return (0,shared/* runHandle */.as)('alibaba-logstash', { pipeline, runId: pipeline, data });
    }
}
function assertAllExist(pipelines, existing, instanceId) {
    const missing = pipelines.filter((p) => existing.get(p) === undefined || existing.get(p)?.pipelineStatus === 'DELETED');
    if (missing.length === 0)
        return;
    const known = [...existing.values()].filter((i) => i.pipelineStatus !== 'DELETED').map((i) => i.pipelineId);
    throw new errors/* ProviderError */.mZ({
        message: `instance ${instanceId} has no pipeline ${missing.join(', ')}; nothing was deployed ` +
            `(it has: ${known.slice(0, 20).join(', ') || 'none'})`,
    });
}

;// CONCATENATED MODULE: ./src/providers/alibaba-logstash/index.ts
/**
 * Alibaba Cloud Elasticsearch, Logstash pipelines: one RunPipelines call deploys every requested
 * pipeline (which restarts the instance), then the wait reads the instance and its pipelines once
 * per poll. The adapter's exports; the provider is in provider.ts.
 */




/***/ }),

/***/ 9832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ logLine),
/* harmony export */   G7: () => (/* binding */ logstashLogSources),
/* harmony export */   nH: () => (/* binding */ LOG_LEAD_MS)
/* harmony export */ });
/** Searched before the trigger, for clock skew between runner and service. */
const LOG_LEAD_MS = 60_000;
/** Lines per call: the API's largest page. */
const PAGE_SIZE = 100;
/** Pages read at most (the API allows page 1 to 200). */
const MAX_PAGES = 20;
function logstashLogSources(client, runs, now, maxLines) {
    const byInstance = new Map();
    for (const r of runs) {
        const id = r.handle.data.instanceId;
        byInstance.set(id, [...(byInstance.get(id) ?? []), r]);
    }
    return [...byInstance].map(([instanceId, rs]) => ({
        title: `instance ${instanceId} (pipelines ${rs.map((r) => r.handle.pipeline).join(', ')}): Logstash instance log`,
        read: async (onLine, signal) => {
            const begin = Math.min(...rs.map((r) => r.handle.data.triggeredAt)) - LOG_LEAD_MS;
            const end = Math.min(now(), Math.max(...rs.map((r) => r.finishedAt)) + LOG_LEAD_MS);
            const items = [];
            let more = false;
            for (let page = 1; page <= MAX_PAGES && !signal.aborted; page++) {
                const got = await client.instanceLog(begin, end, page, PAGE_SIZE);
                items.push(...got);
                more = got.length === PAGE_SIZE;
                if (!more || items.length >= maxLines)
                    break;
            }
            // Printed oldest first: the answer reversed, then by time (a stable sort), should its order not be the guide's.
            items.reverse().sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
            if (more)
                onLine(`(older lines not read: log-lines is ${maxLines})`);
            for (const i of items)
                onLine(logLine(i));
        },
    }));
}
function logLine(i) {
    const at = i.timestamp === undefined ? '' : `${new Date(i.timestamp).toISOString()} `;
    return `${at}${i.level ? `[${i.level}] ` : ''}${i.host ? `${i.host} ` : ''}${i.content ?? ''}`.trimEnd();
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
