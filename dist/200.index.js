export const id = 200;
export const ids = [200,152];
export const modules = {

/***/ 1200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeApproval: () => (/* binding */ describeApproval),
/* harmony export */   describeProgramError: () => (/* binding */ describeProgramError),
/* harmony export */   rustErrors: () => (/* binding */ rustErrors)
/* harmony export */ });
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8152);
/**
 * Feldera's long texts made readable and bounded: the compiler output of a failed program and the
 * changes a pipeline waits for approval on.
 */

/** At most this many SQL messages of each kind and Rust error blocks are shown; the rest are counted. */
const MAX_ITEMS = 10;
const MAX_SNIPPET = 600;
const MAX_RUST_BLOCK_LINES = 12;
/** Upper bound of the Rust part of a report; cargo's stderr can be megabytes. */
const MAX_RUST_CHARS = 4000;
const MAX_NAMES = 20;
function describeProgramError(p) {
    const e = p.program_error;
    const fallback = `program status ${p.program_status}`;
    if (!e)
        return { message: fallback };
    const messages = e.sql_compilation?.messages ?? [];
    const errors = messages.filter((m) => m.warning !== true);
    const warnings = messages.filter((m) => m.warning === true);
    const lines = [
        ...bounded(errors.map((m) => sqlLine('error', m)), 'SQL errors'),
        ...(e.rust_compilation?.stderr ? [rustErrors(e.rust_compilation.stderr)] : []),
        ...(e.system_error ? [`System error: ${clip(e.system_error, MAX_RUST_CHARS)}`] : []),
    ];
    const report = { message: lines.join('\n') || fallback };
    if (warnings.length > 0)
        report.warning = bounded(warnings.map((m) => sqlLine('warning', m)), 'SQL warnings').join('\n');
    return report;
}
/** `SQL error (Not found) at line 3, column 15: Table 'x' not found`, then the snippet indented. */
function sqlLine(kind, m) {
    const type = m.error_type ? ` (${m.error_type})` : '';
    const where = m.start_line_number ? ` at line ${m.start_line_number}${m.start_column ? `, column ${m.start_column}` : ''}` : '';
    const snippet = m.snippet?.trimEnd() ? `\n${clip(m.snippet.trimEnd(), MAX_SNIPPET).replace(/^/gm, '    ')}` : '';
    return `SQL ${kind}${type}${where}: ${m.message ?? ''}${snippet}`;
}
/**
 * The `error\u2026` lines of cargo's stderr with the context lines under each (` --> file`, `  |`, source),
 * wherever they are among the progress and warning lines. Without any, the end of the output.
 */
function rustErrors(stderr) {
    const lines = stderr.split('\n');
    const blocks = [];
    let found = 0;
    for (let i = 0; i < lines.length; i++) {
        if (!/^error(\[E\d+\])?:/.test(lines[i] ?? ''))
            continue;
        found++;
        if (blocks.length >= MAX_ITEMS)
            continue;
        const block = [lines[i] ?? ''];
        while (block.length < MAX_RUST_BLOCK_LINES && isContext(lines[i + 1]))
            block.push(lines[++i] ?? '');
        blocks.push(block.join('\n'));
    }
    if (found === 0)
        return `Rust (no error line in cargo's output; its end):\n${stderr.slice(-2000)}`;
    const more = found > blocks.length ? `\n\u2026 and ${found - blocks.length} more error(s)` : '';
    return `Rust:\n${clip(blocks.join('\n'), MAX_RUST_CHARS)}${more}`;
}
function isContext(line) {
    return line !== undefined && /^(\s+\S|\d+\s*\|)/.test(line);
}
function bounded(items, what) {
    if (items.length <= MAX_ITEMS)
        return items;
    return [...items.slice(0, MAX_ITEMS), `\u2026 and ${items.length - MAX_ITEMS} more ${what}`];
}
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max)}\u2026`;
}
/**
 * The AwaitingApproval warning: what changed since the checkpoint (program and connectors, from
 * `approval_diff`) and the `reason`, if the status gives one.
 */
function describeApproval(name, details) {
    const head = `${name} is awaiting bootstrap approval: approve it (POST /v0/pipelines/${name}/approve) or stop it`;
    const parsed = _schemas_js__WEBPACK_IMPORTED_MODULE_0__.runtimeStatusDetails.safeParse(details);
    if (!parsed.success)
        return head;
    // Older managers sent the diff itself as the details (runtime_status.rs keeps `program_diff` reserved for this).
    const raw = parsed.data.approval_diff ?? ('program_diff' in parsed.data ? parsed.data : undefined);
    const parts = [];
    if (raw !== undefined && raw !== null) {
        const diff = _schemas_js__WEBPACK_IMPORTED_MODULE_0__.approvalDiff.safeParse(raw);
        parts.push(...(diff.success ? diffParts(diff.data) : [`changes ${clip(JSON.stringify(raw), 500)}`]));
    }
    if (parsed.data.reason)
        parts.push(`reason: ${parsed.data.reason}`);
    return parts.length > 0 ? `${head}. Waiting for approval: ${parts.join('; ')}` : head;
}
function diffParts(d) {
    const program = d.program_diff;
    const programChanges = program
        ? [
            listed('added tables', program.added_tables),
            listed('removed tables', program.removed_tables),
            listed('modified tables', program.modified_tables),
            listed('added views', program.added_views),
            listed('removed views', program.removed_views),
            listed('modified views', program.modified_views),
        ].filter((s) => s !== '')
        : [];
    const connectors = [
        listed('added input connectors', d.added_input_connectors),
        listed('removed input connectors', d.removed_input_connectors),
        listed('modified input connectors', d.modified_input_connectors),
        listed('added output connectors', d.added_output_connectors),
        listed('removed output connectors', d.removed_output_connectors),
        listed('modified output connectors', d.modified_output_connectors),
    ].filter((s) => s !== '');
    return [
        ...(programChanges.length > 0 ? [`program changes: ${programChanges.join(', ')}`] : []),
        ...(d.program_diff_error ? [`program diff unavailable: ${d.program_diff_error}`] : []),
        ...(connectors.length > 0 ? [`connector changes: ${connectors.join(', ')}`] : []),
    ];
}
function listed(label, names) {
    if (!names || names.length === 0)
        return '';
    const shown = names.slice(0, MAX_NAMES).map((n) => `'${n}'`);
    const more = names.length > MAX_NAMES ? ` and ${names.length - MAX_NAMES} more` : '';
    return `${label} ${shown.join(', ')}${more}`;
}


/***/ }),

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
