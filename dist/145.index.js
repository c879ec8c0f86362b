export const id = 145;
export const ids = [145];
export const modules = {

/***/ 145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  post: () => (/* binding */ post)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(1178);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github-context.ts + 1 modules
var github_context = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/setup.ts + 3 modules
var setup = __webpack_require__(2927);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/providers/handle-schema.ts
var handle_schema = __webpack_require__(88);
// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/saved-state.ts
/**
 * The post step's reading of what main saved (src/state.ts): parsed with zod, so this lives apart
 * from the writing side, off the main step's start path (`responseReader`, src/providers/shared.ts).
 */




/** The JSON list saved under one key, or an empty one when it is missing or garbled. */
function savedList(text) {
    try {
        const value = JSON.parse(text || '[]');
        return Array.isArray(value) ? value : [];
    }
    catch {
        return [];
    }
}
/** The entries `schema` accepts, and how many it refused. */
function parseEach(schema, entries) {
    const parsed = [];
    for (const entry of entries) {
        const result = schema.safeParse(entry);
        if (result.success)
            parsed.push(result.data);
    }
    return { parsed, refused: entries.length - parsed.length };
}
function readSavedState() {
    const runs = parseEach(handle_schema/* savedHandleSchema */.$V, savedList(core/* getState */.Gu(state/* KEYS */.Rk.runs)));
    return {
        runs: runs.parsed,
        unreadable: runs.refused,
        ended: new Set(parseEach(schemas/* string */.YjP(), savedList(core/* getState */.Gu(state/* KEYS */.Rk.ended))).parsed),
        completed: core/* getState */.Gu(state/* KEYS */.Rk.completed) === 'true',
    };
}

;// CONCATENATED MODULE: ./src/post.ts
/**
 * The post step: the backstop when the job was cancelled before main could cancel what it started.
 * It cancels only runs main neither saw end nor cancelled, checks each is still going first, and
 * only ever warns: cleanup must not fail a job.
 */






async function post() {
    const state = readSavedState();
    const unfinished = state.runs.filter((r) => !state.ended.has(r.runId));
    if (state.completed)
        return;
    if (state.unreadable > 0)
        log/* coreLogger */.Wj.warning(`${state.unreadable} saved run(s) could not be read and are left alone`);
    if (unfinished.length === 0)
        return;
    let step;
    try {
        step = await (0,setup/* prepareStep */.Ie)({
            inputs: (n) => core/* getInput */.V4(n),
            env: process.env,
            log: log/* coreLogger */.Wj,
            secret: log/* registerSecret */.cl,
            workflow: (0,github_context/* githubWorkflowContext */.c)(),
        });
        if (!step.cancelOnAbort) {
            log/* coreLogger */.Wj.info(`${unfinished.length} run(s) may still be going; cancel-on-abort is off, so they are left alone`);
            return;
        }
        // The provider's own schema reads each handle's data back; a handle it refuses is left alone.
        const { parsed: open, refused } = parseEach((await step.adapter.loadSchemas()).handleSchema, unfinished);
        if (refused > 0)
            log/* coreLogger */.Wj.warning(`${refused} saved run(s) do not match the ${step.settings.provider} handle and are left alone`);
        const seen = await step.provider.observe(open);
        // A run whose state cannot be read is left alone: it may have finished, and a finished run is never cancelled.
        const stillGoing = open.filter((run, i) => {
            const o = seen[i];
            if (o instanceof Error)
                log/* coreLogger */.Wj.warning(`run ${run.runId} left alone: its status could not be read (${(0,errors/* errorMessage */.gJ)(o)})`, run.pipeline);
            return o !== undefined && !(o instanceof Error) && o.phase === 'pending';
        });
        const { provider } = step;
        await Promise.all(stillGoing.map(async (run) => {
            try {
                await provider.cancel(run);
                log/* coreLogger */.Wj.info(`${run.pipeline}: cancelled run ${run.runId} left running by the cancelled job`);
            }
            catch (err) {
                log/* coreLogger */.Wj.warning(`could not cancel run ${run.runId} of ${run.pipeline}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
        }));
    }
    catch (err) {
        log/* coreLogger */.Wj.warning(`post step: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    finally {
        // Also when cancel-on-abort is off or a request threw: an open client would hold the step open.
        await step?.http.close().catch(() => undefined);
    }
}


/***/ }),

/***/ 88:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $V: () => (/* binding */ savedHandleSchema),
/* harmony export */   dN: () => (/* binding */ idMatching),
/* harmony export */   fh: () => (/* binding */ handleSchemaOf)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2695);
/**
 * The zod schemas handles are read back with: a provider's own (`handleSchemaOf`, in its `schemas.ts`)
 * and the provider-neutral one the post step checks saved state with. Imported only by the schema
 * modules and src/saved-state.ts, so it loads on demand (`responseReader`, src/providers/shared.ts).
 */


/** The parts of a handle every provider shares; `data` is left to the provider's schema. */
const handleFields = {
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(_types_js__WEBPACK_IMPORTED_MODULE_1__/* .HANDLE_VERSION */ .K),
    pipeline: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    runId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
};
/** A string that matches `pattern`; the message says what was expected. */
function idMatching(pattern, what) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(pattern, `must be ${what}`);
}
/** The schema of a provider's handle: the shared fields with its id rules, its own name and its own data. */
function handleSchemaOf(provider, data, ids) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        ...handleFields,
        pipeline: idMatching(ids.pipeline, ids.what),
        runId: idMatching(ids.runId, ids.what),
        provider: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(provider),
        data,
    });
}
/** Any provider's handle, its data not yet read: what the post step can check before it knows the provider's schema. */
const savedHandleSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ...handleFields,
    provider: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    data: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J(),
});


/***/ })

};
