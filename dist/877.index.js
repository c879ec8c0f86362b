export const id = 877;
export const ids = [877];
export const modules = {

/***/ 9877:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionResult: () => (/* binding */ actionResult),
/* harmony export */   assumeRoleResponse: () => (/* binding */ assumeRoleResponse),
/* harmony export */   describeLogstash: () => (/* binding */ describeLogstash),
/* harmony export */   errorBody: () => (/* binding */ errorBody),
/* harmony export */   idTokenResponse: () => (/* binding */ idTokenResponse),
/* harmony export */   listLogstashLog: () => (/* binding */ listLogstashLog),
/* harmony export */   listPipeline: () => (/* binding */ listPipeline),
/* harmony export */   logItem: () => (/* binding */ logItem),
/* harmony export */   pipelineItem: () => (/* binding */ pipelineItem)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/** The parts of Alibaba's responses the adapter reads, validated with zod (unknown fields pass). */

/** Alibaba's error body; the SDK also reads the lower-case spellings. */
const errorBody = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    Code: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    Message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    RequestId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    code: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    message: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    requestId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
const describeLogstash = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    RequestId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    Result: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ instanceId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(), status: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), updatedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() }),
});
const pipelineItem = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    pipelineId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    pipelineStatus: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    gmtCreatedTime: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    gmtUpdateTime: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
const listPipeline = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    RequestId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    Headers: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ 'X-Total-Count': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional() }).optional(),
    Result: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(pipelineItem),
});
const actionResult = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ RequestId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(), Result: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY() });
const logItem = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    level: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    content: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    host: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    timestamp: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
});
const listLogstashLog = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ RequestId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(), Result: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(logItem) });
/** STS AssumeRoleWithOIDC. */
const assumeRoleResponse = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    RequestId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    Credentials: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
        AccessKeyId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        AccessKeySecret: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        SecurityToken: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        Expiration: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    }),
    AssumedRoleUser: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ Arn: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() }).optional(),
});
/** The Actions OIDC token endpoint answers `{"value": "<jwt>"}`. */
const idTokenResponse = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ value: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1) });


/***/ })

};
