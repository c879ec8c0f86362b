export const id = 930;
export const ids = [930];
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

/***/ 3930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ariaData: () => (/* binding */ ariaData),
  cspLoginResponse: () => (/* binding */ cspLoginResponse),
  errorBody: () => (/* binding */ errorBody),
  execution: () => (/* binding */ execution),
  executionPage: () => (/* binding */ executionPage),
  executionResponse: () => (/* binding */ executionResponse),
  handleSchema: () => (/* binding */ handleSchema),
  iaasLoginResponse: () => (/* binding */ iaasLoginResponse),
  pipeline: () => (/* binding */ pipeline)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/providers/handle-schema.ts
var handle_schema = __webpack_require__(88);
;// CONCATENATED MODULE: ./src/providers/vmware-aria/ids.ts
/**
 * An execution id as Code Stream gives it (a UUID); the pipeline is an id or project/name as the
 * `pipeline-ids` input takes it (its parts are encoded into paths).
 */
const EXECUTION_ID = /^[A-Za-z0-9-]{1,128}$/;
const PIPELINE_REF = /^[^/]+(\/[^/]+)?$/;

;// CONCATENATED MODULE: ./src/providers/vmware-aria/schemas.ts
/**
 * The zod schemas of Code Stream's and the login services' responses the adapter reads and of its run
 * handle, one module loaded on demand by `loadSchemas` (src/providers/shared.ts, `responseReader`).
 * Unknown fields pass: the published description's own examples break its schemas, so nothing here
 * is stricter than what the adapter needs.
 */



/** `ExecutionResponse` of the execute calls (200 or 202). */
const executionResponse = schemas/* looseObject */._H3({
    executionId: schemas/* string */.YjP().min(1),
    executionIndex: schemas/* number */.aig().int().optional(),
    executionLink: schemas/* string */.YjP().optional(),
});
const taskExecution = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP().optional(),
    type: schemas/* string */.YjP().optional(),
    status: schemas/* string */.YjP().optional(),
    statusMessage: schemas/* string */.YjP().nullish(),
    failureMessage: schemas/* string */.YjP().nullish(),
    ignoreFailure: schemas/* boolean */.zMY().optional(),
    /** The task's results (a CI task's jobUrl, a REST task's response); printed for failed tasks. */
    output: schemas/* unknown */.L5J().optional(),
});
const stageExecution = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP().optional(),
    status: schemas/* string */.YjP().optional(),
    /** Microseconds since the epoch. */
    _startTime: schemas/* number */.aig().nullish(),
    _endTime: schemas/* number */.aig().nullish(),
    statusMessage: schemas/* string */.YjP().nullish(),
    taskOrder: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    tasks: schemas/* record */.g1P(schemas/* string */.YjP(), taskExecution).nullish(),
});
/** `Execution` (GET /codestream/api/executions/{id}). */
const execution = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP(),
    index: schemas/* number */.aig().int().optional(),
    name: schemas/* string */.YjP().optional(),
    project: schemas/* string */.YjP().optional(),
    status: schemas/* string */.YjP(),
    statusMessage: schemas/* string */.YjP().nullish(),
    reason: schemas/* string */.YjP().nullish(),
    output: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish(),
    stageOrder: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
    stages: schemas/* record */.g1P(schemas/* string */.YjP(), stageExecution).nullish(),
    /** Logs of the CI workspace's own steps (Git clone, container creation). */
    workspaceResults: schemas/* array */.YOg(schemas/* looseObject */._H3({ step: schemas/* string */.YjP().nullish(), status: schemas/* string */.YjP().nullish(), logs: schemas/* array */.YOg(schemas/* string */.YjP()).nullish() }))
        .nullish(),
    _link: schemas/* string */.YjP().optional(),
});
/** `Executions` (GET /codestream/api/pipelines/{id}/executions): one page, `documents` keyed by execution link. */
const executionPage = schemas/* looseObject */._H3({
    count: schemas/* number */.aig().int().optional(),
    documents: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* looseObject */._H3({ id: schemas/* string */.YjP(), status: schemas/* string */.YjP(), index: schemas/* number */.aig().int().optional(), _link: schemas/* string */.YjP().optional() }))
        .nullish(),
});
/** `AuthResponse` of `POST /iaas/api/login`. */
const iaasLoginResponse = schemas/* looseObject */._H3({ tokenType: schemas/* string */.YjP().optional(), token: schemas/* string */.YjP().min(1) });
/** The on-premises identity service's login answer; only the refresh token is used. */
const cspLoginResponse = schemas/* looseObject */._H3({ refresh_token: schemas/* string */.YjP().min(1) });
/**
 * Error bodies as the services send them (none is in the description): Code Stream
 * `{status, error, message, requestId}`, IaaS `ServiceErrorResponse {message, messageId, errorCode}`,
 * identity service `{status, error, serverMessage}`.
 */
const errorBody = schemas/* looseObject */._H3({
    message: schemas/* string */.YjP().optional(),
    error: schemas/* string */.YjP().optional(),
    errorCode: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).optional(),
    messageId: schemas/* string */.YjP().optional(),
    serverMessage: schemas/* string */.YjP().optional(),
    requestId: schemas/* string */.YjP().optional(),
});
/** `Pipeline` (GET /codestream/api/pipelines/{id} or /{project}/{name}), read by dry-run's check. */
const pipeline = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().optional(),
    name: schemas/* string */.YjP().optional(),
    project: schemas/* string */.YjP().optional(),
    enabled: schemas/* boolean */.zMY().optional(),
});
/** An Aria run's handle: the execution id is the run id, and its index travels for the step outputs. */
const ariaData = schemas/* object */.Ikc({
    /** The execution's number within its pipeline, when the execute call returned it. */
    executionIndex: schemas/* number */.aig().int().nullable(),
});
const handleSchema = (0,handle_schema/* handleSchemaOf */.fh)('vmware-aria', ariaData, {
    pipeline: PIPELINE_REF,
    runId: EXECUTION_ID,
    what: 'an Aria pipeline id or project/name, and an execution id (letters, digits and "-")',
});


/***/ })

};
