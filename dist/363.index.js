export const id = 363;
export const ids = [363];
export const modules = {

/***/ 1363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startLiveLogs: () => (/* binding */ startLiveLogs)
});

// UNUSED EXPORTS: END_READ_MS, LiveLogs, MAX_PRINTED_LINES

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/logs-dir.ts
/**
 * `logs-dir`: each run's whole provider log as a file, for `actions/upload-artifact`. Writes are
 * buffered a little and appended synchronously, so memory per file stays at the buffer whatever the
 * log's size, and a flush is done when it returns (the step may end right after).
 */


/** The most a run's file holds; past it one line says the log was cut. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Bytes held before they are written out. */
const BUFFER_BYTES = 64 * 1024;
/** Long names are cut: most file systems allow 255 bytes. */
const MAX_NAME_CHARS = 200;
/** `pipeline-runId.log` with every character outside `[A-Za-z0-9._-]` replaced by `_`. */
function logFileName(pipeline, runId) {
    const base = `${pipeline}-${runId}`.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, MAX_NAME_CHARS);
    // A name of dots alone would name a folder; the suffix keeps every name a plain file.
    return `${base}.log`;
}
/** The files of one step: names made unique (two pipelines may differ only in replaced characters). */
class LogsDir {
    dir;
    used = new Set();
    made = false;
    constructor(dir) {
        this.dir = dir;
    }
    file(pipeline, runId) {
        const name = logFileName(pipeline, runId);
        let unique = name;
        for (let n = 2; this.used.has(unique.toLowerCase()); n++)
            unique = name.replace(/\.log$/, `-${n}.log`);
        this.used.add(unique.toLowerCase());
        return new LogFile((0,external_node_path_.join)(this.dir, unique), () => this.ensureDir());
    }
    ensureDir() {
        if (this.made)
            return;
        (0,external_node_fs_.mkdirSync)(this.dir, { recursive: true });
        this.made = true;
    }
}
class LogFile {
    path;
    prepare;
    fd;
    pending = [];
    pendingBytes = 0;
    written = 0;
    cut = false;
    failed;
    constructor(path, prepare) {
        this.path = path;
        this.prepare = prepare;
    }
    /** Why writing stopped, if it did (a full disk, a path that is a file\u2026). */
    get error() {
        return this.failed;
    }
    line(text) {
        if (this.cut || this.failed)
            return;
        const bytes = Buffer.byteLength(text) + 1;
        if (this.written + this.pendingBytes + bytes > MAX_FILE_BYTES) {
            this.cut = true;
            this.pending.push(`[run-pipelines: the log was cut here at ${MAX_FILE_BYTES / 1024 / 1024} MB]`);
            this.flush();
            return;
        }
        this.pending.push(text);
        this.pendingBytes += bytes;
        if (this.pendingBytes >= BUFFER_BYTES)
            this.flush();
    }
    flush() {
        if (this.pending.length === 0 || this.failed)
            return;
        const text = `${this.pending.join('\n')}\n`;
        this.pending = [];
        this.pendingBytes = 0;
        try {
            if (this.fd === undefined) {
                this.prepare();
                this.fd = (0,external_node_fs_.openSync)(this.path, 'w');
            }
            (0,external_node_fs_.writeSync)(this.fd, text);
            this.written += Buffer.byteLength(text);
        }
        catch (err) {
            this.failed = err instanceof Error ? err : new Error(String(err));
        }
    }
    /** Writes what is held and closes the file; an empty log still leaves its (empty) file. */
    close() {
        if (this.fd === undefined && !this.failed && this.pending.length === 0)
            this.touch();
        else
            this.flush();
        if (this.fd !== undefined)
            (0,external_node_fs_.closeSync)(this.fd);
        this.fd = undefined;
    }
    touch() {
        try {
            this.prepare();
            this.fd = (0,external_node_fs_.openSync)(this.path, 'w');
        }
        catch (err) {
            this.failed = err instanceof Error ? err : new Error(String(err));
        }
    }
}

// EXTERNAL MODULE: ./src/remote-line-limit.ts
var remote_line_limit = __webpack_require__(8442);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
;// CONCATENATED MODULE: ./src/live-logs.ts
/**
 * `logs: live` and `logs-dir`: the providers' logs read while the runs go. Each log is read when one of
 * its runs was polled (so log reads ride on the poll schedule and add no status polling), once more
 * after its runs ended, and printed as it comes: one line of the job log per log line, labelled with
 * its pipeline (runs interleave, so groups cannot hold them), at most MAX_PRINTED_LINES a log, then one
 * notice. With `logs-dir`, every line also goes to the run's file, past the print cap. Names no provider.
 */




/** Lines printed per log at most ("about 5,000 lines a run"); the file keeps the rest. */
const MAX_PRINTED_LINES = 5000;
/** How long the end of a run's log may take to read once the run ended normally. */
const END_READ_MS = 5000;
/** Builds the readers of `runs`; undefined when the provider has no live log. */
async function startLiveLogs(o) {
    if (o.provider.liveLogs === undefined || o.runs.length === 0)
        return undefined;
    try {
        return new LiveLogs(o, await o.provider.liveLogs(o.runs));
    }
    catch (err) {
        o.log.warning(`the provider's logs will not be read live: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return undefined;
    }
}
class LiveLogs {
    options;
    entries;
    byHandle = new Map();
    maxPrinted;
    stopped = false;
    /** Files that could not be written. */
    unwritten = 0;
    dir;
    constructor(o, logs) {
        this.options = o;
        this.dir = o.dir;
        this.maxPrinted = o.maxPrinted ?? MAX_PRINTED_LINES;
        const dir = o.dir === undefined ? undefined : new LogsDir(o.dir);
        this.entries = logs.map((live) => this.entry(live, dir));
        for (const e of this.entries)
            for (const h of e.live.runs)
                this.byHandle.set(h, [...(this.byHandle.get(h) ?? []), e]);
    }
    entry(live, dir) {
        let finish = () => undefined;
        const finished = new Promise((resolve) => (finish = resolve));
        return {
            live,
            ended: new Set(),
            controller: new AbortController(),
            again: false,
            done: false,
            out: false,
            printed: 0,
            warned: false,
            files: dir ? live.runs.map((h) => dir.file(h.pipeline, h.runId)) : [],
            finished,
            finish,
        };
    }
    /** A run was polled: its log is read now (or right after the read in progress). `ended`: it reached its end. */
    polled(handle, ended) {
        for (const e of this.byHandle.get(handle) ?? []) {
            if (e.done || this.stopped)
                continue;
            if (ended)
                e.ended.add(handle);
            if (e.reading)
                e.again = true;
            else
                this.pump(e);
        }
    }
    /**
     * Ends every reader: logs whose runs all ended get up to `budgetMs` to read their last lines; the
     * others (runs a timeout or cancellation stopped) stop at once. Files are flushed and closed either way.
     */
    async stop(budgetMs = END_READ_MS) {
        const open = this.entries.filter((e) => !e.done);
        for (const e of open)
            if (e.ended.size < e.live.runs.length)
                this.abandon(e);
        let timer;
        await Promise.race([
            Promise.all(open.map((e) => e.finished)),
            new Promise((resolve) => (timer = setTimeout(resolve, budgetMs))),
        ]);
        clearTimeout(timer);
        this.stopped = true;
        for (const e of this.entries)
            this.abandon(e);
    }
    /** Where the files are, with how many there are, for the job summary; undefined without `logs-dir`. */
    filesNote() {
        if (this.dir === undefined)
            return undefined;
        const files = this.entries.reduce((n, e) => n + e.live.runs.length, 0);
        const failed = this.unwritten;
        const count = `${files} ${files === 1 ? 'file' : 'files'}`;
        return `Full provider logs: ${count} in \`${this.dir}\`${failed ? `, ${failed} could not be written` : ''}.`;
    }
    pump(e) {
        const sink = (line) => this.line(e, line);
        e.reading = (async () => {
            do {
                e.again = false;
                try {
                    await e.live.read(sink, e.controller.signal);
                }
                catch (err) {
                    if (!e.controller.signal.aborted)
                        this.readFailed(e, err);
                }
                for (const f of e.files)
                    f.flush();
            } while (e.again && !e.controller.signal.aborted);
            if (e.ended.size === e.live.runs.length)
                await this.close(e);
        })().finally(() => {
            e.reading = undefined;
            if (e.again && !e.done && !this.stopped)
                this.pump(e);
        });
    }
    async close(e) {
        if (e.done)
            return;
        e.done = true;
        try {
            await e.live.close?.();
        }
        catch (err) {
            this.readFailed(e, err);
        }
        this.abandon(e, false);
    }
    /** Stops the reader for good (`closeLog`: unless `close` ran) and closes its files; later lines are dropped. */
    abandon(e, closeLog = true) {
        e.done = true;
        if (e.out)
            return;
        e.out = true;
        if (!e.controller.signal.aborted)
            e.controller.abort(new Error('the live log was stopped'));
        if (closeLog)
            void e.live.close?.().catch(() => undefined);
        for (const f of e.files) {
            f.close();
            if (f.error === undefined)
                continue;
            this.unwritten++;
            this.options.log.warning(`could not write ${f.path}: ${f.error.message}`, e.live.label);
        }
        e.files = [];
        e.finish();
    }
    /** A failed read is a warning once per log; the reader tries again on the next poll. */
    readFailed(e, err) {
        if (e.warned)
            return this.options.log.debug(`${e.live.label}: log read failed again: ${(0,errors/* errorMessage */.gJ)(err)}`);
        e.warned = true;
        this.options.log.warning(`could not read the live log (will retry on the next poll): ${(0,errors/* errorMessage */.gJ)(err)}`, e.live.label);
    }
    line(e, text) {
        if (e.out)
            return;
        // A CR would start a new line of the job log without the label: each part is a line of its own.
        for (const part of text.split(/\r\n|\r|\n/)) {
            // The files are uploaded as they are: no secret goes into them either.
            if (e.files.length > 0) {
                const kept = (0,secrets/* redactSecrets */.fp)(part);
                for (const f of e.files)
                    f.line(kept);
            }
            if (!this.options.print)
                continue;
            if (e.printed < this.maxPrinted) {
                this.options.log.info(`${e.live.label} | ${(0,remote_line_limit/* cutLogLine */.h)(part)}`);
            }
            else if (e.printed === this.maxPrinted) {
                const where = this.dir === undefined ? 'set logs-dir to keep whole logs' : `the whole log is in ${this.dir}`;
                this.options.log.notice(`more than ${this.maxPrinted} log lines: the rest is not printed (${where})`, e.live.label);
            }
            e.printed++;
        }
    }
}


/***/ })

};
