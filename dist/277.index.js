export const id = 277;
export const ids = [277];
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

/***/ 7580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ ID)
/* harmony export */ });
/** CodeArts ids (project, pipeline, pipeline run): 32 letters and digits. The handle schema holds `runs` to it. */
const ID = /^[A-Za-z0-9]{32}$/;


/***/ }),

/***/ 7277:
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
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/providers/shared.ts
var shared = __webpack_require__(5681);
;// CONCATENATED MODULE: ./src/providers/huawei-codearts/regions.ts
/**
 * CodeArts Pipeline's public endpoints per region, as the official SDKs (3.1.211) list them, and the
 * per-region endpoint override variable that Huawei's Python and Go SDKs honour.
 */
const HOST_PATTERNS = [
    {
        regions: [
            'cn-north-1',
            'cn-north-4',
            'cn-south-1',
            'cn-south-2',
            'cn-east-2',
            'cn-east-3',
            'cn-southwest-2',
            'ap-southeast-3',
            'sa-brazil-1',
            'la-north-2',
        ],
        prefix: 'cloudpipeline-ext',
    },
    { regions: ['tr-west-1', 'la-south-2'], prefix: 'pipeline-external' },
    { regions: ['af-north-1', 'me-east-1', 'af-south-1'], prefix: 'pipeline' },
];
const CODEARTS_REGIONS = HOST_PATTERNS.flatMap((p) => p.regions);
/** `https://<host>` for a region in the table, or undefined for a region CodeArts does not serve. */
function regionEndpoint(region) {
    const entry = HOST_PATTERNS.find((p) => p.regions.includes(region));
    return entry && `https://${entry.prefix}.${region}.myhuaweicloud.com`;
}
/** `HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_CN_NORTH_4` for `cn-north-4`. */
function endpointOverrideVariable(region) {
    return `HUAWEICLOUD_SDK_REGION_CODEARTSPIPELINE_${region.toUpperCase().replace(/-/g, '_')}`;
}

// EXTERNAL MODULE: ./src/providers/huawei-codearts/ids.ts
var ids = __webpack_require__(7580);
;// CONCATENATED MODULE: ./src/providers/huawei-codearts/settings.ts
/**
 * CodeArts' inputs and environment, read into a typed config before any request: every bad value is an
 * InputError naming the input.
 */







const MAX_VARIABLE_VALUE = 8192;
/** The variable names Huawei's SDKs and CLI (KooCLI) read, then those huaweicloud/auth-action exports. */
const CREDENTIAL_ENV = {
    accessKeyId: ['HUAWEICLOUD_SDK_AK', 'HUAWEI_CLOUD_ACCESS_KEY_ID'],
    accessKeySecret: ['HUAWEICLOUD_SDK_SK', 'HUAWEI_CLOUD_SECRET_ACCESS_KEY'],
    securityToken: ['HUAWEICLOUD_SDK_SECURITY_TOKEN'],
    region: ['HUAWEICLOUD_SDK_REGION', 'HUAWEI_CLOUD_REGION'],
};
const shape = {
    'project-id': inputs/* inputRules */.sM.optionalText(ids.ID, 'the 32-character CodeArts project id (letters and digits)'),
    parameters: inputs/* inputRules */.sM.mapping(),
    'access-key-id': inputs/* inputRules */.sM.optionalText(),
    'access-key-secret': inputs/* inputRules */.sM.optionalText(),
    'security-token': inputs/* inputRules */.sM.optionalText(),
    'auth-token': inputs/* inputRules */.sM.optionalText(),
};
function readSettings(ctx) {
    const given = (0,inputs/* readInputs */.Ko)(shape, ctx.inputs);
    const bad = ctx.settings['pipeline-ids'].find((id) => !ids.ID.test(id));
    if (bad !== undefined)
        throw new src_errors/* InputError */.dz('pipeline-ids', `has '${bad}': CodeArts pipeline ids are 32 letters and digits`);
    const projectId = given['project-id'] ?? ctx.resumed?.[0]?.data.projectId;
    const other = ctx.resumed?.find((h) => h.data.projectId !== projectId);
    if (other)
        throw new src_errors/* InputError */.dz('runs', `has a run in project ${other.data.projectId}, but this step's project is ${projectId}`);
    if (projectId === undefined)
        throw new src_errors/* InputError */.dz('project-id', 'is required for huawei-codearts: the 32-character CodeArts project id');
    const variables = toVariables(given.parameters);
    const credentials = readCredentials(given, ctx);
    const base = resolveEndpoint(ctx);
    return { projectId, variables, credentials, base };
}
function firstSet(env, names) {
    for (const n of names)
        if (env[n])
            return env[n];
    return undefined;
}
function readCredentials(given, ctx) {
    for (const s of [given['access-key-id'], given['access-key-secret'], given['security-token'], given['auth-token']])
        if (s)
            ctx.secret(s);
    const token = given['auth-token'];
    if (token !== undefined) {
        if (given['access-key-id'] !== undefined || given['access-key-secret'] !== undefined) {
            throw new src_errors/* InputError */.dz('auth-token', 'cannot be combined with access-key-id/access-key-secret: give one way to authenticate');
        }
        return { kind: 'token', token };
    }
    const fromInputs = given['access-key-id'] !== undefined;
    const ak = given['access-key-id'] ?? firstSet(ctx.env, CREDENTIAL_ENV.accessKeyId);
    const sk = given['access-key-secret'] ?? firstSet(ctx.env, CREDENTIAL_ENV.accessKeySecret);
    // A temporary token from the environment belongs to the environment's key, not to a key given as input.
    const securityToken = given['security-token'] ?? (fromInputs ? undefined : firstSet(ctx.env, CREDENTIAL_ENV.securityToken));
    for (const s of [ak, sk, securityToken])
        if (s)
            ctx.secret(s);
    if (!ak) {
        throw new src_errors/* InputError */.dz('access-key-id', `is required for huawei-codearts (or set ${CREDENTIAL_ENV.accessKeyId.join(' or ')}), unless auth-token is given`);
    }
    if (!sk) {
        throw new src_errors/* InputError */.dz('access-key-secret', `is required with access-key-id (or set ${CREDENTIAL_ENV.accessKeySecret.join(' or ')})`);
    }
    return { kind: 'aksk', accessKeyId: ak, secretAccessKey: sk, securityToken };
}
function resolveEndpoint(ctx) {
    const { endpoint, region: regionInput } = ctx.settings;
    const allowHttp = ctx.settings['allow-insecure-http'];
    if (endpoint !== undefined)
        return (0,src_endpoint/* checkEndpoint */.q9)(endpoint, 'endpoint', allowHttp);
    const region = regionInput ?? firstSet(ctx.env, CREDENTIAL_ENV.region);
    if (region === undefined) {
        throw new src_errors/* InputError */.dz('region', `is required for huawei-codearts unless endpoint is given, e.g. cn-north-4 (or set ${CREDENTIAL_ENV.region.join(' or ')})`);
    }
    const override = ctx.env[endpointOverrideVariable(region)];
    if (override)
        return (0,src_endpoint/* checkEndpoint */.q9)(override, endpointOverrideVariable(region), allowHttp);
    const url = regionEndpoint(region);
    if (url === undefined) {
        throw new src_errors/* InputError */.dz('region', `'${region}' has no CodeArts Pipeline endpoint; use one of ${CODEARTS_REGIONS.join(', ')}, or give endpoint`);
    }
    return new URL(url);
}
/** `parameters` \u2192 run `variables`: scalars as text, structures as JSON; each value at most 8192 characters. */
function toVariables(parameters) {
    return Object.entries(parameters).map(([name, raw]) => {
        const value = (0,shared/* valueText */.Ru)(raw);
        if (value.length > MAX_VARIABLE_VALUE) {
            throw new src_errors/* InputError */.dz('parameters', `has '${name}' with ${value.length} characters: CodeArts accepts at most ${MAX_VARIABLE_VALUE}`);
        }
        return { name, value };
    });
}

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/http.ts + 8 modules
var http = __webpack_require__(2783);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/providers/huawei-codearts/signer.ts
/**
 * Huawei Cloud API Gateway request signing, `SDK-HMAC-SHA256` (the AK/SK scheme of the official
 * SDKs and the API signing guide). Pure: no clock, no I/O; the caller supplies the date.
 */


const ALGORITHM = 'SDK-HMAC-SHA256';
/** `20250102T030405Z`: the X-Sdk-Date form of a UTC instant. */
function sdkDate(epochMs) {
    return new Date(epochMs)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
}
/** Each path segment encoded on its own, and always a trailing slash (the gateway signs it so). */
function canonicalUri(pathname) {
    const encoded = pathname
        .split('/')
        .map((segment) => (0,shared/* percentEncode */.a)(decodeURIComponent(segment)))
        .join('/');
    return encoded.endsWith('/') ? encoded : `${encoded}/`;
}
/** Keys sorted, repeated keys with their values sorted, `k=v` joined by `&`. */
function canonicalQuery(params) {
    const keys = [...new Set(params.keys())].sort();
    return keys
        .flatMap((k) => params
        .getAll(k)
        .sort()
        .map((v) => `${(0,shared/* percentEncode */.a)(k)}=${(0,shared/* percentEncode */.a)(v)}`))
        .join('&');
}
function signRequest(req, accessKeyId, secretAccessKey) {
    const headers = lowerCaseKeys(req.headers);
    const date = headers['x-sdk-date'];
    if (date === undefined)
        throw new Error('signRequest: the x-sdk-date header is required');
    const names = Object.keys(headers).sort();
    const canonicalRequest = [
        req.method.toUpperCase(),
        canonicalUri(req.url.pathname),
        canonicalQuery(req.url.searchParams),
        names.map((n) => `${n}:${headers[n] ?? ''}\n`).join(''),
        names.join(';'),
        (0,shared/* sha256Hex */.fg)(req.body),
    ].join('\n');
    const stringToSign = `${ALGORITHM}\n${date}\n${(0,shared/* sha256Hex */.fg)(canonicalRequest)}`;
    const signature = (0,external_node_crypto_.createHmac)('sha256', Buffer.from(secretAccessKey, 'utf8')).update(stringToSign, 'utf8').digest('hex');
    const signedHeaders = names.join(';');
    return {
        canonicalRequest,
        stringToSign,
        signedHeaders,
        signature,
        authorization: `${ALGORITHM} Access=${accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    };
}
function lowerCaseKeys(headers) {
    const out = {};
    for (const [k, v] of Object.entries(headers))
        out[k.toLowerCase()] = v;
    return out;
}

;// CONCATENATED MODULE: ./src/providers/huawei-codearts/client.ts
/**
 * CodeArts Pipeline REST calls (`/v5/{project_id}/api/pipelines/...`), signed with SDK-HMAC-SHA256
 * per attempt or sent with an IAM token. No polling and no Actions globals here.
 */





/** The run was accepted but queued behind a concurrency limit (pipeline, tenant): it is started. */
const QUEUED_CODES = new Set(['DEVPIPE.00011169', 'DEVPIPE.00011170']);
/** Concurrency limit reached and the start refused: nothing started, so trying again is safe. */
const REFUSED_CODES = new Set(['DEVPIPE.00011104', 'DEVPIPE.00011105']);
/** One path segment: ids are data (from answers, inputs or a `runs` handle), never path syntax. */
const seg = http/* pathSegment */.pn;
class CodeArtsClient {
    options;
    constructor(options) {
        this.options = options;
    }
    /** BatchRunPipeline: one call starts every pipeline. Not idempotent: retried only when refused. */
    batchRunRequest(pipelineIds) {
        return this.start('/pipelines/batch-runs', { pipeline_ids: pipelineIds }, `start ${pipelineIds.length} pipelines`);
    }
    /** RunPipeline: starts one run; a repeat would start a second one. */
    runRequest(pipelineId, body) {
        return this.start(`/pipelines/${seg(pipelineId)}/run`, body, `start pipeline ${pipelineId}`);
    }
    async startBatch(pipelineIds) {
        const res = await this.options.http.send(this.batchRunRequest(pipelineIds));
        const body = await read(res, (m) => m.batchRunResponse, 'batch-runs');
        const runs = new Map();
        for (const r of body.result ?? [])
            if (r.pipeline_run_id)
                runs.set(r.pipeline_id, r.pipeline_run_id);
        return { runs, ...requestIdOf(res) };
    }
    async startRun(pipelineId, body) {
        const res = await this.options.http.send(this.runRequest(pipelineId, body));
        if (!isSuccess(res))
            await checkBody(res);
        const what = `start pipeline ${pipelineId}`;
        const parsed = (0,http/* validateShape */.Sq)((await schemas()).runResponse, (0,http/* parseJson */.qF)(res, what), what);
        const code = codeOf(parsed);
        const queuedRun = parsed.error?.pipeline_run_id;
        if (code !== undefined && QUEUED_CODES.has(code) && queuedRun) {
            return { runId: queuedRun, queued: `${code}: ${messageOf(parsed) ?? 'queued'}`, ...requestIdOf(res) };
        }
        await checkBody(res);
        if (!parsed.pipeline_run_id)
            throw new src_errors/* ResponseShapeError */.RD(`start pipeline ${pipelineId}: the answer has no pipeline_run_id`);
        return { runId: parsed.pipeline_run_id, ...requestIdOf(res) };
    }
    async detail(pipelineId, runId) {
        const req = this.request('GET', `/pipelines/${seg(pipelineId)}/pipeline-runs/detail`, `status of run ${runId}`, {
            idempotent: true,
            query: {
                pipeline_run_id: runId,
            },
        });
        return read(await this.options.http.send(req), (m) => m.runDetail, `status of run ${runId}`);
    }
    /**
     * BatchShowPipelinesLatestStatus: the latest run of each pipeline, in one call. Pipelines that never
     * ran are left out, and the latest run may be one someone else started. A read, so retried freely.
     */
    async latestRuns(pipelineIds) {
        const label = `status of ${pipelineIds.length} pipelines`;
        const req = this.request('POST', '/pipelines/status', label, { idempotent: true });
        const res = await this.options.http.send({ ...req, body: JSON.stringify(pipelineIds) });
        return read(res, (m) => m.pipelineLatestRuns, label);
    }
    /** ListPipelineRuns: a page of the pipeline's runs, filtered and ordered as `body` asks. A read, so retried freely. */
    async listRuns(pipelineId, body) {
        const label = `runs of pipeline ${pipelineId}`;
        const req = this.request('POST', `/pipelines/${seg(pipelineId)}/pipeline-runs/list`, label, { idempotent: true });
        return read(await this.options.http.send({ ...req, body: JSON.stringify(body) }), (m) => m.pipelineRunsPage, label);
    }
    /** ShowPipelineDetail: a signed read that starts nothing, for dry-run's credential check. */
    async pipeline(pipelineId) {
        const req = this.request('GET', `/pipelines/${seg(pipelineId)}`, `read pipeline ${pipelineId}`, { idempotent: true });
        await read(await this.options.http.send(req), (m) => m.pipelineDetail, `pipeline ${pipelineId}`);
    }
    /**
     * ShowPipelineLog with the spec's LogQuery body (all four fields required). The offsets are the
     * service's own cursors: an answer's `start_offset`/`end_offset` go back into the next request's
     * fields of the same names (LogResult's descriptions in the API Explorer spec); nothing here does
     * arithmetic on them (the spec's one example answers a request from 0 with "6132"\u2026"25705").
     */
    async stepLog(pipelineId, runId, jobRunId, stepRunId, query) {
        const path = `/pipelines/${seg(pipelineId)}/pipeline-runs/${seg(runId)}/jobs/${seg(jobRunId)}/steps/${seg(stepRunId)}/logs`;
        const label = `log of step ${stepRunId} of run ${runId}`;
        const res = await this.options.http.send({
            ...this.request('POST', path, label, { idempotent: true }),
            body: JSON.stringify(query),
        });
        return read(res, (m) => m.logResult, label);
    }
    /** StopPipelineRun: stopping twice is harmless, so it is retried like a read. */
    async stop(pipelineId, runId) {
        const req = this.request('POST', `/pipelines/${seg(pipelineId)}/pipeline-runs/${seg(runId)}/stop`, `stop run ${runId}`, {
            idempotent: true,
        });
        const body = await read(await this.options.http.send(req), (m) => m.successResponse, `stop run ${runId}`);
        if (body.success === false)
            throw new src_errors/* ProviderError */.mZ({ message: `stop run ${runId}: the service answered success=false` });
    }
    start(path, body, label) {
        const req = this.request('POST', path, label, { idempotent: false });
        return { ...req, body: JSON.stringify(body), retryWhen: startRefused };
    }
    request(method, path, label, { idempotent, query }) {
        const url = (0,src_endpoint/* joinUrl */.we)(this.options.base, `/v5/${seg(this.options.projectId)}/api${path}`, query);
        const headers = {
            'content-type': 'application/json',
            // Signed with the rest (signHeaders signs every header but User-Agent), as the SDK core does.
            'x-project-id': this.options.projectId,
        };
        const creds = this.options.credentials;
        if (creds.kind === 'token')
            return { method, url, headers: { ...headers, 'x-auth-token': creds.token }, label, idempotent };
        const { now } = this.options;
        return { method, url, headers, label, idempotent, sign: (out) => signHeaders(out, creds, now()) };
    }
}
/** Headers the gateway needs for one attempt: a fresh X-Sdk-Date, the Host it will see, the signature. */
function signHeaders(out, creds, nowMs) {
    const extra = { host: out.url.host, 'x-sdk-date': sdkDate(nowMs) };
    if (creds.securityToken)
        extra['x-security-token'] = creds.securityToken;
    const signable = { ...extra };
    // User-Agent is not signed (as in the SDKs): proxies may rewrite it.
    for (const [k, v] of Object.entries(out.headers))
        if (k.toLowerCase() !== 'user-agent')
            signable[k.toLowerCase()] = v;
    const sig = signRequest({ method: out.method, url: out.url, headers: signable, body: out.body }, creds.accessKeyId, creds.secretAccessKey);
    return { ...extra, authorization: sig.authorization };
}
/** Refused starts and gateway throttling were not processed, so a non-idempotent start may repeat. */
async function startRefused(res) {
    if (res.status === 429)
        return true;
    const code = codeOf(await errorBodyOf(jsonOrUndefined(res.body)));
    return code !== undefined && REFUSED_CODES.has(code);
}
function isSuccess(res) {
    return res.status >= 200 && res.status < 300;
}
/** CodeArts' schemas.ts, loaded on demand: its adapter's `loadSchemas` (`responseReader`, src/providers/shared.ts). */
const { schemas } = (0,shared/* responseReader */.$L)(() => Promise.all(/* import() */[__webpack_require__.e(816), __webpack_require__.e(106)]).then(__webpack_require__.bind(__webpack_require__, 6106)));

/** The body of `res`, checked as `checkBody` does, as the schema `pick` chooses types it. */
async function read(res, pick, what) {
    const body = await checkBody(res);
    return (0,http/* validateShape */.Sq)(pick(await schemas()), body, what);
}
/** The JSON body, unless the status or an `error_code` in the body (even on 2xx) says it failed. */
async function checkBody(res) {
    const json = jsonOrUndefined(res.body);
    const err = await errorBodyOf(json);
    const code = codeOf(err);
    if (isSuccess(res) && code === undefined)
        return json === undefined ? (0,http/* parseJson */.qF)(res, 'response') : json;
    throw (0,shared/* providerError */.we)(res, {
        message: messageOf(err),
        code,
        ...requestIdOf(res),
        ...(code !== undefined && REFUSED_CODES.has(code) ? { transient: true } : {}),
    });
}
/** The body parsed once, for both the error check and the caller: every poll goes through here. */
function jsonOrUndefined(body) {
    try {
        return JSON.parse(body);
    }
    catch {
        return undefined;
    }
}
async function errorBodyOf(json) {
    const { errorBody } = await schemas();
    const parsed = errorBody.safeParse(json);
    return parsed.success ? parsed.data : undefined;
}
function codeOf(body) {
    return body?.error_code || body?.error?.code || undefined;
}
function messageOf(body) {
    return body?.error_msg || body?.error?.message || undefined;
}
function requestIdOf(res) {
    const id = res.headers['x-request-id'];
    return id ? { requestId: id } : {};
}

;// CONCATENATED MODULE: ./src/providers/huawei-codearts/in-progress.ts
/**
 * CodeArts' runs in progress (`if-running`): ListPipelineRuns (`POST \u2026/pipelines/{id}/pipeline-runs/list`,
 * __fixtures__/huawei-codearts-pipeline.json) with `status` RUNNING, PAUSED and SUSPEND, the run
 * statuses of the description that are neither an end nor a queue, newest start first.
 */

const IN_PROGRESS_STATUSES = ['RUNNING', 'PAUSED', 'SUSPEND'];
function codeArtsInProgress(client, handle) {
    const newest = async (pipeline) => {
        const page = await client.listRuns(pipeline, {
            status: IN_PROGRESS_STATUSES,
            sort_key: 'start_time',
            sort_dir: 'desc',
            offset: 0,
            limit: 1,
        });
        // Checked again in case a server ignores the filter: a finished run is never "in progress".
        const run = (page.pipeline_runs ?? []).find((r) => IN_PROGRESS_STATUSES.includes(r.status));
        return run ? { handle: handle(pipeline, run.pipeline_run_id), status: run.status } : undefined;
    };
    return { list: (pipelines) => (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, newest) };
}

;// CONCATENATED MODULE: ./src/providers/huawei-codearts/logs.ts

/** Lines per ShowPipelineLog call (the description's example asks for 500). */
const PAGE_LINES = 500;
/** Pages read from a step's start; a longer log is then read from its end (the error is there). */
const HEAD_PAGES = 4;
/** Steps in these states never ran, so they have no log. */
const NOT_RUN = new Set(['INIT', 'QUEUED', 'SKIPPED', 'IGNORED']);
/** Steps whose log explains a failure: read before the others (see readRunLog). */
const FAILED_STEP = new Set(['FAILED', 'ASYNC_FAILED', 'CANCELED']);
function codeArtsLogSources(client, runs, detailOf) {
    return runs.map((r) => ({
        title: `${r.handle.pipeline}: CodeArts run ${r.handle.runId}`,
        read: (onLine, signal) => readRunLog(client, r, detailOf, onLine, signal),
    }));
}
/**
 * Failed and cancelled steps are read first (a time limit or a later error cannot lose them) but
 * handed over last: the engine keeps a log's last `log-lines` lines. If the read is cut by `signal`,
 * their lines are handed over at once, from the abort listener, which runs before the engine stops
 * listening (it registers its own listener after `read` has begun).
 */
async function readRunLog(client, r, detailOf, onLine, signal) {
    const held = [];
    const errors = [];
    let flushed = false;
    const flush = () => {
        if (flushed)
            return;
        flushed = true;
        for (const l of held)
            onLine(l);
    };
    signal.addEventListener('abort', flush, { once: true });
    try {
        const { pipeline, runId } = r.handle;
        const steps = stepsThatRan(await detailOf(pipeline, runId));
        const failed = steps.filter((s) => FAILED_STEP.has(s.status));
        const rest = steps.filter((x) => !FAILED_STEP.has(x.status));
        for (const s of failed)
            if (!signal.aborted)
                await readStep(client, r, s, (l) => held.push(l), signal, errors);
        for (const s of rest)
            if (!signal.aborted)
                await readStep(client, r, s, onLine, signal, errors);
    }
    finally {
        signal.removeEventListener('abort', flush);
        flush();
    }
    // The lines read are all handed over; the engine then warns that the log is incomplete.
    if (errors.length > 0)
        throw new Error(`${errors.length} step log(s) could not be read, the first: ${errors[0] ?? ''}`);
}
/** One step's log under its heading; an error ends this step's log only, said in its place. */
async function readStep(client, r, s, onLine, signal, errors) {
    onLine(`=== ${s.title}: ${s.status}`);
    try {
        await readStepPages(client, r, s, onLine, signal);
    }
    catch (e) {
        if (signal.aborted)
            throw e;
        errors.push((0,src_errors/* errorMessage */.gJ)(e));
        onLine(`(the log of this step could not be read: ${(0,src_errors/* errorMessage */.gJ)(e)})`);
    }
}
async function readStepPages(client, r, s, onLine, signal) {
    const { pipeline, runId } = r.handle;
    const ask = (q) => client.stepLog(pipeline, runId, s.jobId, s.stepId, q);
    let query = { start_offset: 0, end_offset: 0, limit: PAGE_LINES, sort: 'asc' };
    for (let page = 0; page < HEAD_PAGES; page++) {
        const answer = await ask(query);
        for (const line of linesOf(answer.log))
            onLine(line);
        const next = nextQuery(query, answer);
        if (next === undefined || signal.aborted)
            return;
        query = next;
    }
    // The end of a long log, where a failing step says why. `desc` is the spec's "descending by the
    // sort field"; that its lines then come newest first is a guess (undocumented), so they are
    // reversed back into order. The page may repeat lines already printed above.
    const tail = await ask({ start_offset: 0, end_offset: 0, limit: PAGE_LINES, sort: 'desc' });
    onLine(`(\u2026 more than ${HEAD_PAGES * PAGE_LINES} lines: the last ${PAGE_LINES} follow, some may repeat lines above)`);
    for (const line of linesOf(tail.log).reverse())
        onLine(line);
}
/**
 * The next page's query: the answer's `start_offset` and `end_offset` go back into the request's
 * fields of the same names (the spec's LogResult descriptions: "\u586b\u5165\u8bf7\u6c42\u4f53start_offset/end_offset
 * \u5b57\u6bb5,\u7528\u4e8e\u67e5\u8be2\u4e0b\u4e00\u9875\u65e5\u5fd7"); they are opaque cursors. Undefined when there is no more, or when the
 * cursors did not move (a page that would repeat forever).
 */
function nextQuery(sent, answer) {
    if (answer.has_more !== true)
        return undefined;
    const start = cursor(answer.start_offset);
    const end = cursor(answer.end_offset);
    if (start === undefined || end === undefined)
        return undefined;
    if (start === sent.start_offset && end === sent.end_offset)
        return undefined;
    return { ...sent, start_offset: start, end_offset: end };
}
/** A cursor as the request's int64 field takes it (answers give it as a string). */
function cursor(v) {
    if (v === null || v === undefined || v === '')
        return undefined;
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : undefined;
}
function linesOf(text) {
    const t = text ?? '';
    if (t === '')
        return [];
    return t.split(/\r?\n/).slice(0, t.endsWith('\n') ? -1 : undefined);
}
function stepsThatRan(d) {
    return (d.stages ?? []).flatMap((stage) => (stage.jobs ?? []).flatMap((job) => (job.steps ?? []).flatMap((step) => job.id && step.id && step.status && !NOT_RUN.has(step.status)
        ? [
            {
                title: `${stage.name ?? '?'} / ${job.name ?? '?'} / ${step.name ?? '?'}`,
                status: step.status,
                jobId: job.id,
                stepId: step.id,
            },
        ]
        : [])));
}
/** Stage times for the job summary's chart. */
function codeArtsStageSpans(d) {
    return (d.stages ?? []).map((s) => {
        const span = { name: s.name ?? '?', status: s.status ?? 'unknown' };
        if (s.start_time)
            span.startedAt = s.start_time;
        if (s.end_time)
            span.finishedAt = s.end_time;
        return span;
    });
}

;// CONCATENATED MODULE: ./src/providers/huawei-codearts/status.ts
const SUCCESS = new Set(['COMPLETED']);
/** IGNORED means the run was never executed: failing is the safer reading. */
const FAILURE = new Set(['FAILED', 'CANCELED', 'ASYNC_FAILED', 'IGNORED']);
const RUNNING = new Set(['RUNNING', 'INIT', 'QUEUED', 'REDISPATCH', 'ASYNC_RUNNING']);
/** Waiting on a person or a timer (manual review, delay step): still in progress. */
const WAITING = new Set(['PAUSED', 'SUSPEND']);
const STAGE_FAILED = new Set(['FAILED', 'ASYNC_FAILED']);
function classifyRun(run) {
    const status = run.status;
    const details = runDetails(run);
    const url = run.detail_url ? { url: run.detail_url } : {};
    if (SUCCESS.has(status))
        return { status, phase: 'success', ...url, details };
    if (FAILURE.has(status))
        return { status, phase: 'failure', message: failureMessage(run), ...url, details };
    const active = activeStage(run.stages ?? []);
    const where = active?.name ?? undefined;
    const progress = active ? { progress: progressText(active) } : {};
    if (WAITING.has(status)) {
        const at = where ? ` at stage '${where}'` : '';
        return {
            status,
            phase: 'pending',
            ...url,
            details,
            ...progress,
            warning: `run ${run.id ?? ''} is ${status}${at}, waiting for a manual review or delay step; still waiting (bounded by timeout)`,
        };
    }
    if (RUNNING.has(status))
        return { status, phase: 'pending', ...url, details, ...progress };
    return {
        status,
        phase: 'pending',
        ...url,
        details,
        ...progress,
        warning: `unknown run status '${status}' (expected COMPLETED, RUNNING, FAILED, CANCELED, PAUSED, SUSPEND or IGNORED); still waiting`,
    };
}
/**
 * One of our runs as the batch status call reports it, or undefined when its run detail must be read
 * instead: the pipeline never ran or its latest run is not ours (someone started a newer one), the
 * entry has no status, or the run failed (only the detail names the failed job and step).
 */
function classifyLatestRun(entry, runId) {
    if (entry?.pipeline_run_id !== runId || !entry.status || FAILURE.has(entry.status))
        return undefined;
    return classifyRun(latestAsDetail(entry, entry.status));
}
/** The entry in the run detail's shape, its stages without jobs, in pipeline order. */
function latestAsDetail(entry, status) {
    const stages = [...(entry.stage_status_list ?? [])].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
    return {
        id: entry.pipeline_run_id,
        status,
        detail_url: entry.detail_url,
        run_number: entry.run_number,
        stages: stages.map((s) => ({ name: s.name, status: s.status })),
    };
}
function runDetails(run) {
    return run.run_number !== undefined && run.run_number !== null ? { runNumber: run.run_number } : {};
}
function isActive(status) {
    return status !== undefined && status !== null && (RUNNING.has(status) || WAITING.has(status));
}
function activeStage(stages) {
    return stages.find((s) => isActive(s.status));
}
/** `stage Build / job compile RUNNING`: the stage and its active jobs (parallel jobs joined with commas). */
function progressText(stage) {
    const jobs = (stage.jobs ?? []).filter((j) => isActive(j.status)).map((j) => `${j.name ?? '?'} ${j.status ?? ''}`.trim());
    return `stage ${stage.name ?? '?'}${jobs.length > 0 ? ` / job ${jobs.join(', ')}` : ''}`;
}
/** Names the failed stage, job and step with the step's or job's own message. */
function failureMessage(run) {
    const lines = [];
    for (const s of run.stages ?? []) {
        for (const j of s.jobs ?? []) {
            if (!STAGE_FAILED.has(j.status ?? ''))
                continue;
            const failedSteps = (j.steps ?? []).filter((st) => STAGE_FAILED.has(st.status ?? ''));
            const stepPart = failedSteps.length > 0 ? ` / step '${failedSteps.map((st) => st.name ?? '?').join("', '")}'` : '';
            const why = failedSteps.find((st) => st.message)?.message ?? j.message;
            lines.push(`stage '${s.name ?? '?'}' / job '${j.name ?? '?'}'${stepPart} failed${why ? `: ${why}` : ''}`);
        }
        if (STAGE_FAILED.has(s.status ?? '') && !lines.some((l) => l.startsWith(`stage '${s.name ?? '?'}'`))) {
            lines.push(`stage '${s.name ?? '?'}' failed`);
        }
    }
    if (lines.length > 0)
        return `run ${run.status}: ${lines.join('; ')}`;
    if (run.status === 'CANCELED')
        return 'run CANCELED: the run was stopped before it finished';
    if (run.status === 'IGNORED')
        return 'run IGNORED: the run was not executed';
    return `run ended with status ${run.status}`;
}

;// CONCATENATED MODULE: ./src/providers/huawei-codearts/provider.ts
/**
 * Huawei Cloud CodeArts Pipeline adapter: starts several pipelines with one BatchRunPipeline call
 * (or one RunPipeline call per pipeline when run variables are given) and polls each run's detail
 * until it ends. Requests are signed with the AK/SK (SDK-HMAC-SHA256) or carry an IAM token.
 */









function stepOutputs(first, requestId) {
    return {
        ...(requestId !== undefined ? { 'request-id': requestId } : {}),
        ...(first ? { pipeline_run_id: first.runId } : {}),
    };
}
const MAX_DESCRIPTION = 1024;
/**
 * Pipeline ids per BatchShowPipelinesLatestStatus call. The API documents no limit; 100 is a guess
 * that keeps each request body a few kB, so 500 pipelines cost 5 calls a round instead of 500.
 */
const STATUS_BATCH_SIZE = 100;
function createProvider(ctx) {
    const { projectId, variables, credentials, base } = readSettings(ctx);
    const client = new CodeArtsClient({ base, projectId, credentials, http: ctx.http, now: () => ctx.step.clock.now() });
    return new CodeArtsProvider(client, ctx, variables, projectId);
}
class CodeArtsProvider {
    name = 'huawei-codearts';
    client;
    ctx;
    variables;
    projectId;
    /** Whether the batch status call is still worth a try (see batchStatusFailed). */
    batchStatus = true;
    /** Its pipelines' runs in progress (`if-running`). */
    inProgress;
    /** The detail of each run seen ended, by run id: its log reads it from here, not a second time. */
    endedDetails = new Map();
    /** The details the polls read, kept for the live log only once it asked (`logs: live`, `logs-dir`). */
    polled;
    constructor(client, ctx, variables, projectId) {
        this.client = client;
        this.inProgress = codeArtsInProgress(client, (pipeline, runId) => handle(pipeline, runId, { projectId }));
        this.projectId = projectId;
        this.ctx = ctx;
        this.variables = variables;
    }
    /** One batch call for several pipelines; run variables exist only on the single-run call. */
    get batch() {
        return this.variables.length === 0 && this.ctx.settings['pipeline-ids'].length > 1;
    }
    preview(pipelines) {
        if (this.batch)
            return Promise.resolve([(0,shared/* requestPreview */.mL)(pipelines.join(','), this.client.batchRunRequest(pipelines))]);
        return Promise.resolve(pipelines.map((p) => (0,shared/* requestPreview */.mL)(p, this.client.runRequest(p, this.runBody()))));
    }
    /**
     * Reads each pipeline's definition (ShowPipelineDetail), signed like the start: proves the key,
     * the project membership and that the pipeline exists. Starts nothing.
     */
    async verify(pipelines) {
        await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, (p) => this.client.pipeline(p));
    }
    trigger(pipelines) {
        return this.batch ? this.triggerBatch(pipelines) : this.triggerEach(pipelines);
    }
    /**
     * Two or more runs: one batch status call per round (per STATUS_BATCH_SIZE pipelines), and the run
     * detail only for runs the batch answer cannot settle (see classifyLatestRun) or when it failed.
     * One run: its detail, a smaller answer than the batch one.
     */
    async observe(runs) {
        if (runs.length < 2 || !this.batchStatus)
            return this.observeEach(runs);
        const latest = await this.latestRuns([...new Set(runs.map((r) => r.pipeline))]);
        const results = runs.map((r) => classifyLatestRun(latest.get(r.pipeline), r.runId));
        const unsettled = runs.flatMap((_, i) => (results[i] === undefined ? [i] : []));
        const details = await this.observeEach(unsettled.map((i) => runs[i]));
        unsettled.forEach((runIndex, k) => (results[runIndex] = details[k]));
        return results.map((o) => o ?? new Error('no observation returned'));
    }
    /** Each pipeline's latest run by pipeline id; a chunk whose call failed is simply absent. */
    async latestRuns(pipelines) {
        const chunks = Array.from({ length: Math.ceil(pipelines.length / STATUS_BATCH_SIZE) }, (_, i) => pipelines.slice(i * STATUS_BATCH_SIZE, (i + 1) * STATUS_BATCH_SIZE));
        const answers = await (0,concurrency/* mapConcurrent */._)(chunks, concurrency/* FAN_OUT_LIMIT */.T, async (ids) => {
            try {
                return await this.client.latestRuns(ids);
            }
            catch (e) {
                this.batchStatusFailed(e);
                return [];
            }
        });
        return new Map(answers.flat().map((entry) => [entry.pipeline_id, entry]));
    }
    /**
     * A failed batch call leaves its runs to their detail calls. A refusal (an error code, or a 4xx
     * other than throttling: not permitted, not published in this region) will not change, so the call
     * is not tried again in this step; throttling, server errors and garbled answers may pass, so the
     * next round tries again.
     */
    batchStatusFailed(e) {
        const lasting = e instanceof src_errors/* ProviderError */.mZ && !e.transient;
        if (lasting && this.batchStatus) {
            this.batchStatus = false;
            this.ctx.log.info(`the batch status call failed (${(0,src_errors/* errorMessage */.gJ)(e)}); polling each run's detail from now on`);
        }
        else
            this.ctx.log.debug(`the batch status call failed (${(0,src_errors/* errorMessage */.gJ)(e)}); polling each run's detail this round`);
    }
    observeEach(runs) {
        return (0,concurrency/* mapConcurrent */._)(runs, concurrency/* FAN_OUT_LIMIT */.T, async (r) => {
            try {
                const detail = await this.client.detail(r.pipeline, r.runId);
                this.polled?.set(r.runId, detail);
                const seen = classifyRun(detail);
                if (seen.phase !== 'pending')
                    this.endedDetails.set(r.runId, detail);
                return { ...seen, stages: codeArtsStageSpans(detail) };
            }
            catch (e) {
                return (0,src_errors/* toError */.iT)(e);
            }
        });
    }
    async cancel(run) {
        await this.client.stop(run.pipeline, run.runId);
    }
    logs(runs) {
        return codeArtsLogSources(this.client, runs, (pipeline, runId) => {
            const seen = this.endedDetails.get(runId);
            return seen ? Promise.resolve(seen) : this.client.detail(pipeline, runId);
        });
    }
    async liveLogs(runs) {
        this.polled ??= new Map();
        return (await __webpack_require__.e(/* import() */ 529).then(__webpack_require__.bind(__webpack_require__, 2529))).codeArtsLiveLogs(this.client, runs, this.polled);
    }
    async triggerBatch(pipelines) {
        const { runs, requestId } = await this.client.startBatch(pipelines);
        const outcomes = pipelines.map((pipeline) => {
            const runId = runs.get(pipeline);
            if (runId)
                return { pipeline, run: handle(pipeline, runId, { projectId: this.projectId }) };
            return {
                pipeline,
                error: new src_errors/* ProviderError */.mZ({ message: 'batch-runs returned no pipeline_run_id for this pipeline (not started)' }),
            };
        });
        return { outcomes, ...(requestId ? { requestId } : {}) };
    }
    async triggerEach(pipelines) {
        const body = this.runBody();
        const results = await (0,concurrency/* mapConcurrent */._)(pipelines, concurrency/* FAN_OUT_LIMIT */.T, async (pipeline) => {
            try {
                const started = await this.client.startRun(pipeline, body);
                if (started.queued)
                    this.ctx.log.notice(`run ${started.runId} is queued (${started.queued}); waiting for it`, pipeline);
                const data = { projectId: this.projectId };
                const outcome = { pipeline, run: handle(pipeline, started.runId, data) };
                return { outcome, requestId: started.requestId };
            }
            catch (err) {
                const outcome = { pipeline, error: (0,src_errors/* toError */.iT)(err) };
                return { outcome, requestId: undefined };
            }
        });
        const requestId = pipelines.length === 1 ? results[0]?.requestId : undefined;
        return { outcomes: results.map((r) => r.outcome), ...(requestId ? { requestId } : {}) };
    }
    runBody() {
        const w = this.ctx.workflow;
        const description = w.repository
            ? `GitHub Actions: ${(0,shared/* repositoryAtCommit */.jb)({ ...w, repository: w.repository })}${w.runId ? ` run ${w.runId}` : ''}`.slice(0, MAX_DESCRIPTION)
            : undefined;
        return {
            ...(description ? { description } : {}),
            ...(this.variables.length > 0 ? { variables: this.variables } : {}),
        };
    }
}
function handle(pipeline, runId, data) {
    return (0,shared/* runHandle */.as)('huawei-codearts', { pipeline, runId, data });
}

;// CONCATENATED MODULE: ./src/providers/huawei-codearts/index.ts
/**
 * Huawei Cloud CodeArts Pipeline adapter: starts pipelines with BatchRunPipeline (or RunPipeline per
 * pipeline with run variables) and polls each run's detail. The adapter's exports; the provider is in
 * provider.ts.
 */




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
