export const id = 798;
export const ids = [798];
export const modules = {

/***/ 3798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   logstashLiveLogs: () => (/* binding */ logstashLiveLogs)
/* harmony export */ });
/* harmony import */ var _logs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9832);

/** Lines per call: the API's largest page. */
const PAGE_SIZE = 100;
/** Pages per read at most: a chattier instance is cut, with a line saying so. */
const MAX_PAGES = 10;
/** How far back each window reaches into the previous one (lines indexed late). */
const OVERLAP_MS = 30_000;
/** At most one read a second per instance, however many of its runs were polled in a round. */
const MIN_GAP_MS = 1000;
/** Pipelines named in the label at most. */
const LABEL_PIPELINES = 5;
function logstashLiveLogs(client, runs, now) {
    const byInstance = new Map();
    for (const r of runs)
        byInstance.set(r.data.instanceId, [...(byInstance.get(r.data.instanceId) ?? []), r]);
    return [...byInstance].map(([instanceId, rs]) => new InstanceLiveLog(client, instanceId, rs, now));
}
class InstanceLiveLog {
    runs;
    label;
    client;
    now;
    /** Where the next window starts, before the overlap. */
    since;
    lastReadAt = -Infinity;
    /** Lines handed on whose time is inside the overlap: the next window finds them again. */
    seen = new Map();
    sink;
    signal;
    constructor(client, instanceId, runs, now) {
        this.client = client;
        this.runs = runs;
        this.now = now;
        const names = runs.map((r) => r.pipeline);
        const more = names.length > LABEL_PIPELINES ? `, +${names.length - LABEL_PIPELINES} more` : '';
        this.label = `${instanceId} (${names.slice(0, LABEL_PIPELINES).join(', ')}${more})`;
        this.since = Math.min(...runs.map((r) => r.data.triggeredAt)) - _logs_js__WEBPACK_IMPORTED_MODULE_0__/* .LOG_LEAD_MS */ .nH;
    }
    async read(onLine, signal) {
        this.sink = onLine;
        this.signal = signal;
        if (this.now() - this.lastReadAt < MIN_GAP_MS)
            return;
        await this.readWindow(onLine, signal);
    }
    /** Every run ended: one last window, so the deploy's last lines are not missed by the gap. */
    async close() {
        if (this.sink && this.signal && !this.signal.aborted)
            await this.readWindow(this.sink, this.signal);
    }
    async readWindow(onLine, signal) {
        const end = this.now();
        this.lastReadAt = end;
        const begin = this.since - OVERLAP_MS;
        const items = [];
        let full = false;
        for (let page = 1; page <= MAX_PAGES && !signal.aborted; page++) {
            const got = await this.client.instanceLog(begin, end, page, PAGE_SIZE);
            items.push(...got);
            full = got.length === PAGE_SIZE && page === MAX_PAGES;
            if (got.length < PAGE_SIZE)
                break;
        }
        // The order of the answer is not documented: oldest first.
        items.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
        for (const item of items) {
            const line = (0,_logs_js__WEBPACK_IMPORTED_MODULE_0__/* .logLine */ .BP)(item);
            const key = `${item.timestamp ?? ''}|${line}`;
            if (this.seen.has(key))
                continue;
            this.seen.set(key, item.timestamp ?? end);
            onLine(line);
        }
        if (full)
            onLine(`[run-pipelines: more than ${MAX_PAGES * PAGE_SIZE} lines in this window; the rest was not read]`);
        this.since = end;
        // Only lines the next window can find again are remembered: memory stays at one overlap's lines.
        for (const [key, at] of this.seen)
            if (at < end - OVERLAP_MS * 2)
                this.seen.delete(key);
    }
}


/***/ })

};
