export const id = 774;
export const ids = [774];
export const modules = {

/***/ 3774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LIST_ATTEMPTS: () => (/* binding */ LIST_ATTEMPTS),
/* harmony export */   checkIfRunning: () => (/* binding */ checkIfRunning),
/* harmony export */   previewIfRunning: () => (/* binding */ previewIfRunning),
/* harmony export */   triggerUnlessRunning: () => (/* binding */ triggerUnlessRunning)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2828);
/* harmony import */ var _poll_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9810);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7194);




/** A list call that keeps failing with a transient error is tried this many times, then fails the step. */
const LIST_ATTEMPTS = 5;
/** Refuses, as bad input, a mode the provider cannot honour (before any request is sent). */
function checkIfRunning(provider, mode, resuming) {
    if (mode === 'start')
        return;
    if (resuming)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('if-running', "applies only when triggering: with 'runs' nothing is started");
    const why = provider.inProgress ? provider.inProgress.refuses?.[mode] : 'it cannot list its runs in progress';
    if (why !== undefined) {
        const accepted = provider.inProgress
            ? ['start', 'wait', 'skip', 'cancel-previous'].filter((m) => provider.inProgress?.refuses?.[m] === undefined)
            : ['start'];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('if-running', `cannot be '${mode}' for ${provider.name}: ${why}; accepted: ${accepted.join(', ')}`);
    }
}
/**
 * Looks up the runs in progress, then triggers only the pipelines that should start. Throws, before
 * anything is triggered, when the runs in progress cannot be listed: never a silent `start`.
 */
async function triggerUnlessRunning(opts, trigger) {
    const running = await listInProgress(opts);
    const found = new Map();
    for (const [i, pipeline] of opts.pipelines.entries()) {
        const run = running[i];
        if (run === undefined)
            continue;
        opts.log.info(`${pipeline}: run ${run.handle.runId} is in progress (${run.status}), started outside this step`);
        if (opts.mode === 'cancel-previous')
            continue;
        found.set(pipeline, opts.mode === 'wait' ? { action: 'wait', run } : { action: 'skip', run });
        const what = opts.mode === 'wait' ? 'waiting for it instead of starting another' : 'skipped (if-running: skip)';
        opts.log.info(`${pipeline}: ${what}`);
    }
    if (opts.mode === 'cancel-previous')
        await cancelPrevious(opts, running, found);
    const toStart = opts.pipelines.filter((p) => found.get(p)?.action !== 'wait' && found.get(p)?.action !== 'skip');
    const startable = toStart.filter((p) => found.get(p)?.action !== 'not-ended');
    const started = startable.length > 0 ? await trigger(startable) : { outcomes: [] };
    const byPipeline = new Map(started.outcomes.map((o) => [o.pipeline, o]));
    const outcomes = opts.pipelines.map((pipeline) => {
        const f = found.get(pipeline);
        if (f && f.action !== 'cancelled')
            return { pipeline, run: f.run.handle };
        return byPipeline.get(pipeline) ?? { pipeline, error: new Error('the provider did not report this pipeline') };
    });
    return {
        outcomes,
        ...(started.requestId === undefined ? {} : { requestId: started.requestId }),
        adjust: (records) => adjustRecords(records, found, opts.clock.now()),
    };
}
function adjustRecords(records, found, now) {
    for (const r of records) {
        const f = found.get(r.pipeline);
        if (f === undefined)
            continue;
        if (f.action === 'cancelled') {
            r.message = `started after cancelling run ${f.run.handle.runId} (if-running: cancel-previous)`;
            continue;
        }
        r.status = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(f.run.status);
        if (f.action === 'wait') {
            // Someone else's run: reported as this step's, but never cancelled by it (cancel-on-abort).
            r.adopted = true;
            r.message = `run ${f.run.handle.runId} was already in progress; this step waited for it (if-running: wait)`;
            continue;
        }
        r.finishedAt = now;
        if (f.action === 'skip') {
            r.conclusion = 'skipped';
            r.message = `run ${f.run.handle.runId} was already in progress (${r.status}); nothing started (if-running: skip)`;
        }
        else {
            r.conclusion = f.conclusion;
            r.message = f.message;
        }
    }
}
/** The provider's list, retried on transient errors like a status poll; the last error fails the step. */
async function listInProgress(opts) {
    const inProgress = opts.provider.inProgress;
    if (inProgress === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('if-running', `cannot be '${opts.mode}' for ${opts.provider.name}`);
    const schedule = (0,_poll_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultSchedule */ .no)(opts.pollIntervalMs);
    const startedAt = opts.clock.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await inProgress.list(opts.pipelines);
        }
        catch (err) {
            const delay = (0,_poll_js__WEBPACK_IMPORTED_MODULE_2__/* .nextPollDelay */ .qC)(opts.clock.now() - startedAt, schedule);
            const last = attempt >= LIST_ATTEMPTS || !(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(err) || opts.clock.now() + delay > opts.deadline;
            if (last) {
                throw new Error(`could not list the runs in progress (if-running: ${opts.mode}), so nothing was started: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`, { cause: err });
            }
            opts.log.info(`listing the runs in progress failed, will retry: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
            await opts.clock.sleep(delay, opts.signal);
        }
    }
}
/** Cancels every run found, then waits (up to the deadline) until each has ended. */
async function cancelPrevious(opts, running, found) {
    const runs = running.filter((r) => r !== undefined);
    await Promise.all(runs.map(async (run) => {
        const pipeline = run.handle.pipeline;
        try {
            await opts.provider.cancel(run.handle);
            opts.log.info(`${pipeline}: cancelled run ${run.handle.runId} (if-running: cancel-previous); waiting for it to end`);
            found.set(pipeline, await waitUntilEnded(opts, run));
        }
        catch (err) {
            const message = `could not cancel run ${run.handle.runId} in progress, so nothing was started: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`;
            opts.log.error(message, pipeline);
            found.set(pipeline, { action: 'not-ended', run, conclusion: 'failure', message: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(message) });
        }
    }));
}
async function waitUntilEnded(opts, run) {
    const schedule = (0,_poll_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultSchedule */ .no)(opts.pollIntervalMs);
    const since = opts.clock.now();
    for (;;) {
        if (await hasEnded(opts.provider, run.handle))
            return { action: 'cancelled', run };
        const delay = (0,_poll_js__WEBPACK_IMPORTED_MODULE_2__/* .nextPollDelay */ .qC)(opts.clock.now() - since, schedule);
        if (opts.clock.now() + delay > opts.deadline) {
            const message = `run ${run.handle.runId} was cancelled but had not ended within ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(opts.deadline - since)}; nothing was started`;
            opts.log.error(message, run.handle.pipeline);
            return { action: 'not-ended', run, conclusion: 'timed_out', message };
        }
        await opts.clock.sleep(delay, opts.signal);
    }
}
/** A check that fails counts as "not ended yet": the deadline bounds the wait. */
async function hasEnded(provider, handle) {
    const inProgress = provider.inProgress;
    try {
        if (inProgress?.ended)
            return await inProgress.ended(handle);
        const [now] = (await inProgress?.list([handle.pipeline])) ?? [];
        return now?.handle.runId !== handle.runId;
    }
    catch {
        return false;
    }
}
/** `dry-run`: the runs in progress (a read) and what the chosen mode would do with each; triggers nothing. */
async function previewIfRunning(opts) {
    const running = await listInProgress(opts);
    const would = {
        wait: 'would wait for it and report it, starting nothing',
        skip: 'would start nothing (conclusion skipped)',
        'cancel-previous': 'would cancel it, wait until it ended, then start',
    };
    for (const [i, pipeline] of opts.pipelines.entries()) {
        const run = running[i];
        const line = run
            ? `run ${run.handle.runId} in progress (${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(run.status)}): if-running ${opts.mode} ${would[opts.mode]}`
            : `no run in progress: it would start as usual`;
        opts.log.info(`[dry-run] ${pipeline}: ${line}`);
    }
}


/***/ })

};
