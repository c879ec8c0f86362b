export const id = 106;
export const ids = [106];
export const modules = {

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


/***/ }),

/***/ 6106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   batchRunResponse: () => (/* binding */ batchRunResponse),
/* harmony export */   codeArtsData: () => (/* binding */ codeArtsData),
/* harmony export */   errorBody: () => (/* binding */ errorBody),
/* harmony export */   handleSchema: () => (/* binding */ handleSchema),
/* harmony export */   logResult: () => (/* binding */ logResult),
/* harmony export */   pipelineDetail: () => (/* binding */ pipelineDetail),
/* harmony export */   pipelineLatestRun: () => (/* binding */ pipelineLatestRun),
/* harmony export */   pipelineLatestRuns: () => (/* binding */ pipelineLatestRuns),
/* harmony export */   pipelineRunsPage: () => (/* binding */ pipelineRunsPage),
/* harmony export */   runDetail: () => (/* binding */ runDetail),
/* harmony export */   runResponse: () => (/* binding */ runResponse),
/* harmony export */   successResponse: () => (/* binding */ successResponse)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _handle_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7580);
/**
 * The zod schemas of CodeArts Pipeline's responses the adapter reads and of its run handle, one module
 * loaded on demand by `loadSchemas` (src/providers/shared.ts, `responseReader`). Unknown fields pass
 * but are not copied into the result (strip mode): the run detail is parsed hundreds of times a round in
 * a wide wait, and copying fields nobody reads was most of what a poll allocated.
 */



const text = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish();
/** `{error_code, error_msg}`, or `{error: {code, message}}` on some calls; queued runs add ids in `error`. */
const errorFields = {
    error_code: text,
    error_msg: text,
    error: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ code: text, message: text, pipeline_run_id: text, queue_id: text }).nullish().catch(undefined),
};
const errorBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc(errorFields);
const runResponse = errorBody.extend({ pipeline_run_id: text });
const batchRunResponse = errorBody.extend({
    result: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ pipeline_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), pipeline_run_id: text })).nullish(),
});
/** `id`s name a job's and a step's log (ShowPipelineLog); times are epoch milliseconds. */
const times = { id: text, start_time: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish(), end_time: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish() };
const step = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ ...times, name: text, status: text, message: text });
const job = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ ...times, name: text, status: text, message: text, steps: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(step).nullish() });
const stage = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ ...times, name: text, status: text, jobs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(job).nullish() });
const runDetail = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    ...errorFields,
    id: text,
    pipeline_id: text,
    name: text,
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    run_number: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish(),
    start_time: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish(),
    end_time: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish(),
    detail_url: text,
    stages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(stage).nullish(),
});
/** `ListPipelineRunsPage` (ListPipelineRuns): one page of a pipeline's runs, as the body's filter and order chose. */
const pipelineRunsPage = errorBody.extend({
    total: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish(),
    pipeline_runs: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ pipeline_id: text, pipeline_run_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), start_time: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish() }))
        .nullish(),
});
const successResponse = errorBody.extend({ success: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().nullish() });
/** `PipelineVO` (ShowPipelineDetail), read by dry-run's check. */
const pipelineDetail = errorBody.extend({ id: text, name: text });
/** One `stage_status_list` item of a PipelineLatestRun: the stage's name and status, no jobs. */
const stageStatus = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ name: text, status: text, sequence: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish() });
/** `PipelineLatestRun` (BatchShowPipelinesLatestStatus): a pipeline's latest run, whoever started it. */
const pipelineLatestRun = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    pipeline_id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    pipeline_run_id: text,
    status: text,
    run_number: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullish(),
    detail_url: text,
    stage_status_list: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(stageStatus).nullish(),
});
const pipelineLatestRuns = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(pipelineLatestRun);
/** `LogResult` (ShowPipelineLog): a page of a step's log; offsets are strings in the answer. */
const logResult = errorBody.extend({
    log: text,
    has_more: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().nullish(),
    start_offset: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()]).nullish(),
    end_offset: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()]).nullish(),
});
/**
 * A CodeArts run's handle: the pipeline run id is the run id. Handles of earlier versions may carry a
 * `queueId` that nothing read: zod drops it.
 */
const ID_WHAT = '32 letters and digits (a CodeArts id)';
const codeArtsData = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The CodeArts project the run belongs to: every later call names it in its path. */
    projectId: (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .idMatching */ .dN)(_ids_js__WEBPACK_IMPORTED_MODULE_2__.ID, ID_WHAT),
});
const handleSchema = (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .handleSchemaOf */ .fh)('huawei-codearts', codeArtsData, { pipeline: _ids_js__WEBPACK_IMPORTED_MODULE_2__.ID, runId: _ids_js__WEBPACK_IMPORTED_MODULE_2__.ID, what: ID_WHAT });


/***/ })

};
