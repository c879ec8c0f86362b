export const id = 592;
export const ids = [592];
export const modules = {

/***/ 6592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   felderaData: () => (/* binding */ felderaData),
/* harmony export */   handleSchema: () => (/* binding */ handleSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _handle_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1570);
/**
 * A Feldera run's handle: the pipeline is the run (Feldera has no run object). What the start asked
 * for travels with it, so a wait in another step (the `runs` input) waits for the same state.
 */



/** The pipeline name is the run id; both follow Feldera's rule for names, as `pipeline-ids` does. */
const PIPELINE_NAME = new RegExp(`^(?=.{1,${_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .NAME_MAX */ .f}}$)${_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .NAME */ .o.source.slice(1)}`);
const felderaData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    /** The call that started it: `start`, or `activate` (a pipeline in standby). */
    operation: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['start', 'activate']),
    /** The requested state (`initial`): the deployment status that ends the wait. */
    initial: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['running', 'paused', 'standby']),
});
const handleSchema = (0,_handle_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .handleSchemaOf */ .fh)('feldera', felderaData, {
    pipeline: PIPELINE_NAME,
    runId: PIPELINE_NAME,
    what: `a Feldera pipeline name (letters, digits, '-' and '_', at most ${_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .NAME_MAX */ .f} characters)`,
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


/***/ })

};
