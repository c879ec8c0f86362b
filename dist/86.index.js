export const id = 86;
export const ids = [86];
export const modules = {

/***/ 88:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ savedHandleSchema),
/* harmony export */   f: () => (/* binding */ handleSchemaOf)
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
/** The schema of a provider's handle: the shared fields, its own name and its own data. */
function handleSchemaOf(provider, data) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ ...handleFields, provider: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(provider), data });
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
/** A CodeArts run's handle: the pipeline run id is the run id; a queued start also names its queue entry. */


const codeArtsData = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The CodeArts project the run belongs to: every later call names it in its path. */
    projectId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1),
    /** Set when the start was queued behind a concurrency limit (DEVPIPE.00011169/70). */
    queueId: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
const handleSchema = (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .handleSchemaOf */ .f)('huawei-codearts', codeArtsData);


/***/ })

};
