export const id = 761;
export const ids = [761];
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
 * The zod schemas handles are read back with: a provider's own (`handleSchemaOf`, in its `handle.ts`)
 * and the provider-neutral one the post step checks saved state with. Only code loaded on demand
 * imports this module, so zod stays off the start path (docs/performance.md).
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

/***/ 761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ariaData: () => (/* binding */ ariaData),
/* harmony export */   handleSchema: () => (/* binding */ handleSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _handle_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88);
/** An Aria run's handle: the execution id is the run id, and its index travels for the step outputs. */


/**
 * An execution id as Code Stream gives it (a UUID); the pipeline is an id or project/name as the
 * `pipeline-ids` input takes it (its parts are encoded into paths).
 */
const EXECUTION_ID = /^[A-Za-z0-9-]{1,128}$/;
const PIPELINE_REF = /^[^/]+(\/[^/]+)?$/;
const ariaData = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The execution's number within its pipeline, when the execute call returned it. */
    executionIndex: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nullable(),
});
const handleSchema = (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .handleSchemaOf */ .fh)('vmware-aria', ariaData, {
    pipeline: PIPELINE_REF,
    runId: EXECUTION_ID,
    what: 'an Aria pipeline id or project/name, and an execution id (letters, digits and "-")',
});


/***/ })

};
