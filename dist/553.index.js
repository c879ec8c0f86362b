export const id = 553;
export const ids = [553];
export const modules = {

/***/ 4553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cspLoginResponse: () => (/* binding */ cspLoginResponse),
/* harmony export */   errorBody: () => (/* binding */ errorBody),
/* harmony export */   execution: () => (/* binding */ execution),
/* harmony export */   executionPage: () => (/* binding */ executionPage),
/* harmony export */   executionResponse: () => (/* binding */ executionResponse),
/* harmony export */   iaasLoginResponse: () => (/* binding */ iaasLoginResponse),
/* harmony export */   pipeline: () => (/* binding */ pipeline)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/**
 * The parts of Code Stream's and the login services' responses the adapter reads, validated with zod.
 * Unknown fields pass: the published description's own examples break its schemas, so nothing here
 * is stricter than what the adapter needs.
 */

/** `ExecutionResponse` of the execute calls (200 or 202). */
const executionResponse = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    executionId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    executionIndex: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().optional(),
    executionLink: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
const taskExecution = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    statusMessage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    failureMessage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    ignoreFailure: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    /** The task's results (a CI task's jobUrl, a REST task's response); printed for failed tasks. */
    output: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
});
const stageExecution = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    /** Microseconds since the epoch. */
    _startTime: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(),
    _endTime: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullish(),
    statusMessage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    taskOrder: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    tasks: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), taskExecution).nullish(),
});
/** `Execution` (GET /codestream/api/executions/{id}). */
const execution = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    index: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().optional(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    project: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    statusMessage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    output: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).nullish(),
    stageOrder: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).optional(),
    stages: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), stageExecution).nullish(),
    /** Logs of the CI workspace's own steps (Git clone, container creation). */
    workspaceResults: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ step: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(), status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(), logs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).nullish() }))
        .nullish(),
    _link: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
/** `Executions` (GET /codestream/api/pipelines/{id}/executions): one page, `documents` keyed by execution link. */
const executionPage = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    count: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().optional(),
    documents: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), index: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().optional(), _link: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() }))
        .nullish(),
});
/** `AuthResponse` of `POST /iaas/api/login`. */
const iaasLoginResponse = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ tokenType: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(), token: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1) });
/** The on-premises identity service's login answer; only the refresh token is used. */
const cspLoginResponse = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ refresh_token: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1) });
/**
 * Error bodies as the services send them (none is in the description): Code Stream
 * `{status, error, message, requestId}`, IaaS `ServiceErrorResponse {message, messageId, errorCode}`,
 * identity service `{status, error, serverMessage}`.
 */
const errorBody = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    error: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    errorCode: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()]).optional(),
    messageId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    serverMessage: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    requestId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
/** `Pipeline` (GET /codestream/api/pipelines/{id} or /{project}/{name}), read by dry-run's check. */
const pipeline = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    project: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    enabled: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});


/***/ })

};
