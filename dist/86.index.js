export const id = 86;
export const ids = [86];
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

/***/ 86:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   codeArtsData: () => (/* binding */ codeArtsData),
/* harmony export */   handleSchema: () => (/* binding */ handleSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _handle_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7580);
/** A CodeArts run's handle: the pipeline run id is the run id; a queued start also names its queue entry. */



const ID_WHAT = '32 letters and digits (a CodeArts id)';
/** Queue entries are not described anywhere; a guess that keeps them a plain token. */
const QUEUE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const codeArtsData = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The CodeArts project the run belongs to: every later call names it in its path. */
    projectId: (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .idMatching */ .dN)(_ids_js__WEBPACK_IMPORTED_MODULE_2__.ID, ID_WHAT),
    /** Set when the start was queued behind a concurrency limit (DEVPIPE.00011169/70). */
    queueId: (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .idMatching */ .dN)(QUEUE_ID, 'letters, digits, "_" or "-"').optional(),
});
const handleSchema = (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .handleSchemaOf */ .fh)('huawei-codearts', codeArtsData, { pipeline: _ids_js__WEBPACK_IMPORTED_MODULE_2__.ID, runId: _ids_js__WEBPACK_IMPORTED_MODULE_2__.ID, what: ID_WHAT });


/***/ })

};
