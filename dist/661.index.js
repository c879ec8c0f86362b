export const id = 661;
export const ids = [661];
export const modules = {

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1178);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6867);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5625);
/* harmony import */ var _setup_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8294);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2462);
/**
 * The post step: the backstop when the job was cancelled before main could cancel what it started.
 * It cancels only runs main neither saw end nor cancelled, checks each is still going first, and
 * only ever warns: cleanup must not fail a job.
 */






async function post() {
    const state = (0,_state_js__WEBPACK_IMPORTED_MODULE_5__/* .readSavedState */ .rh)();
    const unfinished = state.runs.filter((r) => !state.ended.has(r.runId));
    if (state.completed)
        return;
    if (state.unreadable > 0)
        _log_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj.warning(`${state.unreadable} saved run(s) could not be read and are left alone`);
    if (unfinished.length === 0)
        return;
    try {
        const step = await (0,_setup_js__WEBPACK_IMPORTED_MODULE_4__/* .prepareStep */ .I)({
            inputs: (n) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(n),
            env: process.env,
            log: _log_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj,
            secret: _log_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl,
            workflow: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_2__/* .githubWorkflowContext */ .c)(),
        });
        if (!step.cancelOnAbort) {
            _log_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj.info(`${unfinished.length} run(s) may still be going; cancel-on-abort is off, so they are left alone`);
            return;
        }
        // The provider's own schema reads each handle's data back; a handle it refuses is left alone.
        const { parsed: open, refused } = (0,_state_js__WEBPACK_IMPORTED_MODULE_5__/* .parseEach */ .lc)(step.adapter.handleSchema, unfinished);
        if (refused > 0)
            _log_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj.warning(`${refused} saved run(s) do not match the ${step.settings.provider} handle and are left alone`);
        const seen = await step.provider.observe(open);
        // A run whose state cannot be read is left alone: it may have finished, and a finished run is never cancelled.
        const stillGoing = open.filter((run, i) => {
            const o = seen[i];
            if (o instanceof Error)
                _log_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj.warning(`run ${run.runId} left alone: its status could not be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(o)})`, run.pipeline);
            return o !== undefined && !(o instanceof Error) && o.phase === 'pending';
        });
        await Promise.all(stillGoing.map(async (run) => {
            try {
                await step.provider.cancel(run);
                _log_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj.info(`${run.pipeline}: cancelled run ${run.runId} left running by the cancelled job`);
            }
            catch (err) {
                _log_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj.warning(`could not cancel run ${run.runId} of ${run.pipeline}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
            }
        }));
        await step.http.close();
    }
    catch (err) {
        _log_js__WEBPACK_IMPORTED_MODULE_3__/* .coreLogger */ .Wj.warning(`post step: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
    }
}


/***/ })

};
