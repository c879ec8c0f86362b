export const id = 563;
export const ids = [563];
export const modules = {

/***/ 6563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionResult: () => (/* binding */ actionResult),
/* harmony export */   assumeRoleResponse: () => (/* binding */ assumeRoleResponse),
/* harmony export */   describeLogstash: () => (/* binding */ describeLogstash),
/* harmony export */   errorBody: () => (/* binding */ errorBody),
/* harmony export */   handleSchema: () => (/* binding */ handleSchema),
/* harmony export */   idTokenResponse: () => (/* binding */ idTokenResponse),
/* harmony export */   listLogstashLog: () => (/* binding */ listLogstashLog),
/* harmony export */   listPipeline: () => (/* binding */ listPipeline),
/* harmony export */   logItem: () => (/* binding */ logItem),
/* harmony export */   logstashData: () => (/* binding */ logstashData),
/* harmony export */   pipelineItem: () => (/* binding */ pipelineItem)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _handle_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9349);
/**
 * The zod schemas of Alibaba's responses the adapter reads (unknown fields pass) and of its run handle,
 * one module loaded on demand by `loadSchemas` (src/providers/shared.ts, `responseReader`).
 */



/** Alibaba's error body; the SDK also reads the lower-case spellings. */
const errorBody = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    Code: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    Message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    RequestId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    code: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    requestId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
const describeLogstash = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    RequestId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    Result: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ instanceId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(), status: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), updatedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }),
});
const pipelineItem = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    pipelineId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    pipelineStatus: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    gmtCreatedTime: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    gmtUpdateTime: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
const listPipeline = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    RequestId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    Headers: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ 'X-Total-Count': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional() }).optional(),
    Result: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(pipelineItem),
});
const actionResult = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ RequestId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(), Result: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY() });
const logItem = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    level: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    content: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    host: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    timestamp: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
});
const listLogstashLog = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ RequestId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(), Result: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(logItem) });
/** STS AssumeRoleWithOIDC. */
const assumeRoleResponse = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
    RequestId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    Credentials: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({
        AccessKeyId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        AccessKeySecret: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        SecurityToken: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        Expiration: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    }),
    AssumedRoleUser: zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ Arn: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }).optional(),
});
/** The Actions OIDC token endpoint answers `{"value": "<jwt>"}`. */
const idTokenResponse = zod__WEBPACK_IMPORTED_MODULE_1__/* .looseObject */ ._H3({ value: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1) });
/**
 * A Logstash deploy's handle: the pipeline id is the run id. The rest is what tells this deploy apart
 * from an earlier one and what a stop call needs.
 */
const logstashData = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    instanceId: (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .idMatching */ .dN)(_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .INSTANCE_ID */ .Cd, 'a Logstash instance id (letters, digits and "-")'),
    /** The RunPipelines ClientToken; follow-up calls derive their own tokens from it. */
    clientToken: (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .idMatching */ .dN)(_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .CLIENT_TOKEN */ .Kk, 'at most 64 letters, digits, ".", "_" or "-"'),
    /** When RunPipelines was sent (epoch ms): the error log is searched from shortly before it. */
    triggeredAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** The pipeline's `gmtUpdateTime` just before the trigger; a new one shows this deploy happened. */
    updatedBefore: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /**
     * The pipeline's status just before the trigger (added later: handles from older versions lack it
     * and are read as before). A wait in a later job names it when the deploy left it NOT_DEPLOYED.
     */
    statusBefore: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    // Handles of earlier versions may carry the trigger's `requestId`, which nothing read: zod drops it
    // (the step's `request-id` output carries it).
});
const handleSchema = (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .handleSchemaOf */ .fh)('alibaba-logstash', logstashData, {
    pipeline: _ids_js__WEBPACK_IMPORTED_MODULE_2__/* .PIPELINE_ID */ .dm,
    runId: _ids_js__WEBPACK_IMPORTED_MODULE_2__/* .PIPELINE_ID */ .dm,
    what: "a Logstash pipeline id (letters, digits, '_' and '-')",
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
