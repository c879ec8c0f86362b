export const id = 860;
export const ids = [860];
export const modules = {

/***/ 2860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   approvalDiff: () => (/* binding */ approvalDiff),
/* harmony export */   errorResponse: () => (/* binding */ errorResponse),
/* harmony export */   pipelineList: () => (/* binding */ pipelineList),
/* harmony export */   pipelineStatus: () => (/* binding */ pipelineStatus),
/* harmony export */   pipelineWithProgramError: () => (/* binding */ pipelineWithProgramError),
/* harmony export */   runtimeStatusDetails: () => (/* binding */ runtimeStatusDetails),
/* harmony export */   sessionInfo: () => (/* binding */ sessionInfo)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/**
 * The parts of Feldera's responses the adapter reads, validated with zod. Unknown fields pass: error
 * bodies keep them (they are reported), the polled status drops them (it is parsed hundreds of times a
 * round, and copying fields nobody reads was the largest allocation of a wide wait).
 */

const errorResponse = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    error_code: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    details: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
});
const nullableString = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish();
const pipelineStatus = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    deployment_status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    deployment_desired_status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    deployment_error: errorResponse.nullish(),
    deployment_id: nullableString,
    deployment_initial: nullableString,
    program_status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    deployment_runtime_status_details: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
});
/** `GET /v0/pipelines?selector=status`: every pipeline of the tenant. */
const pipelineList = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(pipelineStatus);
/** One SQL compiler message (program.rs `SqlCompilerMessage`): errors and warnings alike. */
const sqlMessage = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    start_line_number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    start_column: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    warning: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    error_type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    snippet: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
});
const pipelineWithProgramError = pipelineStatus.extend({
    program_error: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
        sql_compilation: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ messages: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(sqlMessage).optional() }).nullish(),
        rust_compilation: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ stderr: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(), exit_code: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional() }).nullish(),
        system_error: nullableString,
    })
        .nullish(),
});
const names = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional();
/** `approval_diff` (feldera-types pipeline_diff.rs `PipelineDiff`); the API types it as any JSON. */
const approvalDiff = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    program_diff: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
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
const runtimeStatusDetails = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ reason: nullableString, approval_diff: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional() });
/** `GET /v0/config/session`: the caller's role in the acting tenant, null when none was resolved. */
const sessionInfo = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ role: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish() });


/***/ })

};
