export const id = 570;
export const ids = [570];
export const modules = {

/***/ 2570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ariaLiveLogs: () => (/* binding */ ariaLiveLogs)
/* harmony export */ });
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6625);

function ariaLiveLogs(runs, polled) {
    return runs.map((h) => new AriaLiveLog(h, polled));
}
class AriaLiveLog {
    runs;
    label;
    polled;
    steps = [];
    /** Each task's last line, so a line is handed on only when its status or messages changed. */
    tasks = new Map();
    sink;
    tail = [];
    constructor(handle, polled) {
        this.runs = [handle];
        this.label = handle.pipeline;
        this.polled = polled;
    }
    read(onLine) {
        this.sink = onLine;
        const id = this.runs[0]?.runId ?? '';
        const e = this.polled.get(id);
        this.polled.delete(id);
        if (e !== undefined)
            this.take(e, onLine);
        return Promise.resolve();
    }
    /** The execution ended: the last unfinished line of each step's log is handed on too. */
    close() {
        for (const line of this.tail)
            this.sink?.(line);
        this.tail = [];
        return Promise.resolve();
    }
    take(e, onLine) {
        this.tail = [];
        (e.workspaceResults ?? []).forEach((w, i) => {
            const status = w.status ?? '';
            let step = this.steps[i];
            if (step === undefined || step.status !== status)
                onLine(`[workspace ${w.step ?? '?'}] ${status}`.trimEnd());
            step ??= this.steps[i] = { status, chars: 0 };
            step.status = status;
            const text = (w.logs ?? []).join('\n');
            const upTo = text.lastIndexOf('\n') + 1;
            if (upTo > step.chars) {
                for (const line of text.slice(step.chars, upTo - 1).split('\n'))
                    onLine(line);
                step.chars = upTo;
            }
            // The last line may still grow: it is handed on once complete, or when the execution ended.
            if (text.length > step.chars)
                this.tail.push(text.slice(step.chars));
        });
        for (const { stage, task, detail } of (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .tasksInOrder */ .se)(e)) {
            if (detail.status === undefined || detail.status === 'NOT_STARTED')
                continue;
            const messages = [...new Set([detail.statusMessage, detail.failureMessage].filter((m) => !!m))];
            const line = `[${stage}.${task}${detail.type ? ` [${detail.type}]` : ''}] ${detail.status}${messages.length ? `: ${messages.join(' / ')}` : ''}`;
            const key = `${stage}.${task}`;
            if (this.tasks.get(key) === line)
                continue;
            this.tasks.set(key, line);
            onLine(line);
        }
    }
}


/***/ })

};
