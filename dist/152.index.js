export const id = 152;
export const ids = [152];
export const modules = {

/***/ 8152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   approvalDiff: () => (/* binding */ approvalDiff),
/* harmony export */   errorResponse: () => (/* binding */ errorResponse),
/* harmony export */   felderaData: () => (/* binding */ felderaData),
/* harmony export */   handleSchema: () => (/* binding */ handleSchema),
/* harmony export */   pipelineList: () => (/* binding */ pipelineList),
/* harmony export */   pipelineStatus: () => (/* binding */ pipelineStatus),
/* harmony export */   pipelineWithProgramError: () => (/* binding */ pipelineWithProgramError),
/* harmony export */   runtimeStatusDetails: () => (/* binding */ runtimeStatusDetails),
/* harmony export */   sessionInfo: () => (/* binding */ sessionInfo)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _handle_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1570);
/**
 * The zod schemas of Feldera's responses the adapter reads and of its run handle, one module loaded
 * on demand by `loadSchemas` (src/providers/shared.ts, `responseReader`). Unknown fields pass: error
 * bodies keep them (they are reported), the polled status drops them (it is parsed hundreds of times a
 * round, and copying fields nobody reads was the largest allocation of a wide wait).
 */



const errorResponse = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    error_code: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    details: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
});
const nullableString = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish();
const pipelineStatus = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    deployment_status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    deployment_desired_status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    deployment_error: errorResponse.nullish(),
    deployment_id: nullableString,
    deployment_initial: nullableString,
    program_status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    deployment_runtime_status_details: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional(),
});
/** `GET /v0/pipelines?selector=status`: every pipeline of the tenant. */
const pipelineList = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(pipelineStatus);
/** One SQL compiler message (program.rs `SqlCompilerMessage`): errors and warnings alike. */
const sqlMessage = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    start_line_number: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
    start_column: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
    warning: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
    error_type: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    snippet: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish(),
});
const pipelineWithProgramError = pipelineStatus.extend({
    program_error: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
        sql_compilation: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ messages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(sqlMessage).optional() }).nullish(),
        rust_compilation: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ stderr: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(), exit_code: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional() }).nullish(),
        system_error: nullableString,
    })
        .nullish(),
});
const names = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional();
/** `approval_diff` (feldera-types pipeline_diff.rs `PipelineDiff`); the API types it as any JSON. */
const approvalDiff = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    program_diff: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
        added_tables: names,
        removed_tables: names,
        modified_tables: names,
        added_views: names,
        removed_views: names,
        modified_views: names,
    })
        .nullish(),
    program_diff_error: nullableString,
    added_input_connectors: names,
    modified_input_connectors: names,
    removed_input_connectors: names,
    added_output_connectors: names,
    modified_output_connectors: names,
    removed_output_connectors: names,
});
/** `deployment_runtime_status_details` (runtime_status.rs `RuntimeStatusDetails`). */
const runtimeStatusDetails = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ reason: nullableString, approval_diff: zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J().optional() });
/** `GET /v0/config/session`: the caller's role in the acting tenant, null when none was resolved. */
const sessionInfo = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ role: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullish() });
/**
 * A Feldera run's handle: the pipeline is the run (Feldera has no run object). What the start asked
 * for travels with it, so a wait in another step (the `runs` input) waits for the same state.
 */
/** The pipeline name is the run id; both follow Feldera's rule for names, as `pipeline-ids` does. */
const PIPELINE_NAME = new RegExp(`^(?=.{1,${_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .NAME_MAX */ .f}}$)${_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .NAME */ .o.source.slice(1)}`);
const felderaData = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The call that started it: `start`, or `activate` (a pipeline in standby). */
    operation: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['start', 'activate']),
    /** The requested state (`initial`): the deployment status that ends the wait. */
    initial: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['running', 'paused', 'standby']),
});
const handleSchema = (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .handleSchemaOf */ .fh)('feldera', felderaData, {
    pipeline: PIPELINE_NAME,
    runId: PIPELINE_NAME,
    what: `a Feldera pipeline name (letters, digits, '-' and '_', at most ${_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .NAME_MAX */ .f} characters)`,
});


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
