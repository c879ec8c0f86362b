export const id = 393;
export const ids = [393];
export const modules = {

/***/ 4774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   batchRunResponse: () => (/* binding */ batchRunResponse),
/* harmony export */   errorBody: () => (/* binding */ errorBody),
/* harmony export */   logResult: () => (/* binding */ logResult),
/* harmony export */   pipelineDetail: () => (/* binding */ pipelineDetail),
/* harmony export */   pipelineLatestRun: () => (/* binding */ pipelineLatestRun),
/* harmony export */   pipelineLatestRuns: () => (/* binding */ pipelineLatestRuns),
/* harmony export */   pipelineRunsPage: () => (/* binding */ pipelineRunsPage),
/* harmony export */   runDetail: () => (/* binding */ runDetail),
/* harmony export */   runResponse: () => (/* binding */ runResponse),
/* harmony export */   successResponse: () => (/* binding */ successResponse)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/**
 * The parts of CodeArts Pipeline's responses the adapter reads, validated with zod. Unknown fields pass
 * but are not copied into the result (strip mode): the run detail is parsed hundreds of times a round in
 * a wide wait, and copying fields nobody reads was most of what a poll allocated.
 */

const text = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish();
/** `{error_code, error_msg}`, or `{error: {code, message}}` on some calls; queued runs add ids in `error`. */
const errorFields = {
    error_code: text,
    error_msg: text,
    error: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ code: text, message: text, pipeline_run_id: text, queue_id: text }).nullish().catch(undefined),
};
const errorBody = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc(errorFields);
const runResponse = errorBody.extend({ pipeline_run_id: text });
const batchRunResponse = errorBody.extend({
    result: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ pipeline_id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), pipeline_run_id: text })).nullish(),
});
/** `id`s name a job's and a step's log (ShowPipelineLog); times are epoch milliseconds. */
const times = { id: text, start_time: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(), end_time: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish() };
const step = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ ...times, name: text, status: text, message: text });
const job = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ ...times, name: text, status: text, message: text, steps: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(step).nullish() });
const stage = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ ...times, name: text, status: text, jobs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(job).nullish() });
const runDetail = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ...errorFields,
    id: text,
    pipeline_id: text,
    name: text,
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    run_number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(),
    start_time: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(),
    end_time: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(),
    detail_url: text,
    stages: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(stage).nullish(),
});
/** `ListPipelineRunsPage` (ListPipelineRuns): one page of a pipeline's runs, as the body's filter and order chose. */
const pipelineRunsPage = errorBody.extend({
    total: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(),
    pipeline_runs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ pipeline_id: text, pipeline_run_id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), start_time: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish() }))
        .nullish(),
});
const successResponse = errorBody.extend({ success: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().nullish() });
/** `PipelineVO` (ShowPipelineDetail), read by dry-run's check. */
const pipelineDetail = errorBody.extend({ id: text, name: text });
/** One `stage_status_list` item of a PipelineLatestRun: the stage's name and status, no jobs. */
const stageStatus = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ name: text, status: text, sequence: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish() });
/** `PipelineLatestRun` (BatchShowPipelinesLatestStatus): a pipeline's latest run, whoever started it. */
const pipelineLatestRun = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    pipeline_id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    pipeline_run_id: text,
    status: text,
    run_number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(),
    detail_url: text,
    stage_status_list: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(stageStatus).nullish(),
});
const pipelineLatestRuns = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(pipelineLatestRun);
/** `LogResult` (ShowPipelineLog): a page of a step's log; offsets are strings in the answer. */
const logResult = errorBody.extend({
    log: text,
    has_more: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().nullish(),
    start_offset: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]).nullish(),
    end_offset: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]).nullish(),
});


/***/ })

};
