export const id = 553;
export const ids = [553];
export const modules = {

/***/ 5553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github-context.ts + 1 modules
var github_context = __webpack_require__(6867);
// EXTERNAL MODULE: ./src/step-driver.ts + 11 modules
var step_driver = __webpack_require__(5984);
;// CONCATENATED MODULE: ./src/cli/args.ts
class UsageError extends Error {
    name = 'UsageError';
}
/** The environment variable that can carry an input: `api-key` \u2192 `RUN_PIPELINES_API_KEY`. */
function envNameFor(input) {
    return `RUN_PIPELINES_${input.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
}
/**
 * `--name value`, `--name=value`, a bare `--name` (true) and `--no-name` (false). A flag given twice
 * adds a line, so `--pipeline-ids a --pipeline-ids b` lists both.
 */
function parseArgs(argv, manifest) {
    const known = new Set(manifest.inputs.map((i) => i.name));
    const out = { help: false, version: false, flags: new Map() };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '--help' || arg === '-h')
            out.help = true;
        else if (arg === '--version' || arg === '-V')
            out.version = true;
        else if (!arg.startsWith('--'))
            throw new UsageError(`unexpected argument '${arg}': every value follows a --flag`);
        else {
            const [name, value, used] = flagValue(arg.slice(2), argv[i + 1], known);
            const before = out.flags.get(name);
            out.flags.set(name, before === undefined ? value : `${before}\n${value}`);
            i += used;
        }
    }
    return out;
}
function flagValue(body, next, known) {
    const eq = body.indexOf('=');
    if (eq >= 0)
        return [checkName(body.slice(0, eq), known), body.slice(eq + 1), 0];
    if (!known.has(body) && body.startsWith('no-') && known.has(body.slice(3)))
        return [body.slice(3), 'false', 0];
    const name = checkName(body, known);
    if (next === undefined || next.startsWith('--'))
        return [name, 'true', 0];
    return [name, next, 1];
}
function checkName(name, known) {
    if (known.has(name))
        return name;
    const near = [...known].filter((k) => k.includes(name) || name.includes(k));
    const hint = near.length > 0 ? ` (did you mean --${near.join(', --')}?)` : '';
    throw new UsageError(`unknown flag --${name}${hint}; run with --help for the list`);
}
function cliInputSource(flags, env, manifest) {
    const defaults = new Map(manifest.inputs.map((i) => [i.name, i.default]));
    return (name) => (flags.get(name) ?? env[envNameFor(name)] ?? defaults.get(name) ?? '').trim();
}
/** Names that usually hold a secret; passed as a flag they land in shell history and `ps` output. */
function looksSecret(input) {
    return /(^|-)(key|secret|password|token)$/.test(input) && !/^client-token$/.test(input);
}

;// CONCATENATED MODULE: ./src/cli/help.ts
/** `run-pipelines --help`, generated from action.yml so it lists every input a provider adds. */

const USAGE = `Usage: run-pipelines --provider NAME --pipeline-ids ID[,ID\u2026] [--flag value \u2026]

Triggers pipelines and waits for them, like the GitHub Action of the same name. Every action input
is a flag of the same name (--name value, --name=value; a bare --name means true, --no-name false).
Each can also come from an environment variable RUN_PIPELINES_<NAME> (e.g. RUN_PIPELINES_API_KEY):
put secrets there, not on the command line. Each provider's own variables work too (see the README).

The result is JSON on stdout (the action's outputs: conclusion, runs, run-ids, status, \u2026); the log
goes to stderr. Exit code: 0 success or triggered, 1 failure, 2 bad usage or input, 124 timed out,
130 cancelled.
`;
function wrap(text, width, indent) {
    const words = text.replace(/\s+/g, ' ').split(' ');
    const lines = [];
    let current = '';
    for (const w of words) {
        if (current !== '' && current.length + w.length + 1 > width) {
            lines.push(current);
            current = w;
        }
        else
            current = current === '' ? w : `${current} ${w}`;
    }
    if (current !== '')
        lines.push(current);
    return lines.map((l) => `${indent}${l}`).join('\n');
}
function helpText(manifest) {
    const flags = manifest.inputs.map((i) => {
        const notes = [
            i.required ? 'required' : undefined,
            i.default !== undefined ? `default ${i.default}` : undefined,
            looksSecret(i.name) ? `secret: use ${envNameFor(i.name)}` : undefined,
        ].filter((n) => n !== undefined);
        const head = `  --${i.name}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`;
        return `${head}\n${wrap(i.description, 90, '      ')}`;
    });
    return `${USAGE}\nFlags:\n${flags.join('\n')}\n  --help\n      this text\n  --version\n      the version of run-pipelines, alone on stdout\n`;
}

// EXTERNAL MODULE: ./src/log.ts
var log = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/output-filter.ts
var output_filter = __webpack_require__(7141);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
;// CONCATENATED MODULE: ./src/cli/log.ts



/**
 * Registers a secret in the process's one registry (src/secrets.ts), which every printed and written
 * text goes through; inside a GitHub job the runner is told to mask it too, as core.setSecret does.
 */
function cliSecret(write, onRunner) {
    return (value) => {
        if (value === '' || !(0,secrets/* rememberSecret */.Gz)(value) || !onRunner)
            return;
        for (const form of (0,secrets/* secretSpellings */.Gu)(value))
            write(`::add-mask::${escapeData(form)}\n`);
    };
}
/** Escaping of the runner's command format, for the message and for property values. */
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
function cliLogger(o) {
    const line = (text) => o.write(`${(0,log/* safeText */.Hk)(text)}\n`);
    const annotate = (kind) => (text, title) => {
        if (!o.onRunner)
            return line(`${kind}: ${title === undefined ? '' : `${title}: `}${text}`);
        const props = title === undefined ? '' : ` title=${escapeProperty((0,log/* safeText */.Hk)(title))}`;
        o.write(`::${kind}${props}::${escapeData((0,log/* annotationText */.xr)(text))}\n`);
    };
    return {
        info: line,
        debug: (text) => (o.verbose ? line(`debug: ${text}`) : undefined),
        notice: annotate('notice'),
        warning: annotate('warning'),
        error: annotate('error'),
        block: (title, lines) => {
            const clean = lines.map((l) => (0,secrets/* redactSecrets */.fp)(l));
            const write = (text) => o.write(`${text}\n`);
            if (o.onRunner)
                return (0,log/* writeInertBlock */.Pz)(write, (0,secrets/* redactSecrets */.fp)(title), clean);
            write(`--- ${(0,log/* safeText */.Hk)(title)}`);
            for (const l of (0,output_filter/* blockLines */.B4)(clean))
                write(`  ${(0,log/* safeText */.Hk)(l)}`);
            write('---');
        },
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/cli/manifest.ts
/**
 * The action's inputs as action.yml declares them: the CLI takes its flag names, help text and
 * defaults from there, so an input added for a provider is a flag without touching the CLI.
 */




/**
 * A file of the package's root (action.yml, package.json), which sits one level above the bundle's
 * chunks (dist/) and two above src/cli/: take the first that exists. The name is joined at run time
 * on purpose: a literal `new URL('\u2026', import.meta.url)` makes the bundler copy the file into dist/
 * as an asset, a second copy that could drift.
 */
function packageFile(...parts) {
    const here = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    const name = parts.join('.');
    const candidates = [(0,external_node_path_.resolve)(here, '..', name), (0,external_node_path_.resolve)(here, '..', '..', name)];
    return (0,external_node_url_.pathToFileURL)(candidates.find((c) => (0,external_node_fs_.existsSync)(c)) ?? candidates[1]);
}
const MANIFEST_URL = packageFile('action', 'yml');
/**
 * The version `run-pipelines --version` prints: package.json's own, read where the command runs (the
 * npm package and a checkout both carry it), so no second copy of the number exists to drift.
 */
function packageVersion(url = packageFile('package', 'json')) {
    const { version } = JSON.parse((0,external_node_fs_.readFileSync)(url, 'utf8'));
    if (typeof version !== 'string' || version === '')
        throw new Error(`no version in ${(0,external_node_url_.fileURLToPath)(url)}`);
    return version;
}
function parseManifest(text) {
    const raw = (0,dist.parse)(text);
    const inputs = Object.entries(raw.inputs ?? {}).map(([name, spec]) => {
        const fallback = spec.default === undefined ? undefined : String(spec.default);
        return {
            name,
            description: (spec.description ?? '').trim(),
            required: spec.required === true,
            // An expression default (${{ \u2026 }}) only means something on a runner.
            ...(fallback !== undefined && !fallback.includes('${{') ? { default: fallback } : {}),
        };
    });
    return { inputs, outputs: Object.keys(raw.outputs ?? {}) };
}
function loadManifest(url = MANIFEST_URL) {
    return parseManifest((0,external_node_fs_.readFileSync)(url, 'utf8'));
}

;// CONCATENATED MODULE: ./src/cli/run.ts









/** 0 only when every pipeline succeeded (or, with wait false / dry-run, was accepted). */
const EXIT_CODES = {
    success: 0,
    triggered: 0,
    skipped: 0,
    failure: 1,
    usage: 2,
    timed_out: 124,
    cancelled: 130,
};
async function main(io) {
    const manifest = loadManifest();
    let args;
    try {
        args = parseArgs(io.argv, manifest);
    }
    catch (err) {
        if (!(err instanceof UsageError))
            throw err;
        io.stderr(`run-pipelines: ${err.message}\n`);
        return EXIT_CODES.usage;
    }
    if (args.help) {
        io.stdout(helpText(manifest));
        return 0;
    }
    if (args.version) {
        io.stdout(`${packageVersion()}\n`);
        return 0;
    }
    const onRunner = io.env['GITHUB_ACTIONS'] === 'true';
    const secret = cliSecret(io.stderr, onRunner);
    const log = cliLogger({ write: io.stderr, onRunner, verbose: io.env['RUNNER_DEBUG'] === '1' });
    for (const name of args.flags.keys()) {
        if (looksSecret(name))
            log.warning(`--${name} on the command line shows in shell history and ps; prefer ${envNameFor(name)}`);
    }
    // The same value, with no control a terminal obeys and no `##[` the runner reads (src/output-filter.ts inertJson).
    const print = (value) => io.stdout(`${(0,output_filter/* inertJson */.nl)((0,secrets/* redactSecrets */.fp)(JSON.stringify(value, null, 2)))}\n`);
    try {
        const result = await (0,step_driver/* driveStep */.l)({
            environment: {
                inputs: cliInputSource(args.flags, io.env, manifest),
                env: io.env,
                workflow: ciWorkflowContext(io.env),
                log,
                secret,
            },
            sayCancel: (line) => log.info(line),
            dryRunDone: (requests) => print({ conclusion: 'triggered', requests }),
            outputs: (outputs) => print(jsonOutputs(outputs)),
            failed: (text) => log.error(text),
        });
        return result ? EXIT_CODES[result.conclusion] : EXIT_CODES.triggered;
    }
    catch (err) {
        log.error((0,errors/* errorMessage */.gJ)(err));
        print({ conclusion: 'failure', error: (0,errors/* errorMessage */.gJ)(err) });
        return err instanceof errors/* InputError */.dz ? EXIT_CODES.usage : EXIT_CODES.failure;
    }
}
/** The action's outputs, with the JSON-valued ones (`runs`, `run-ids`) embedded as JSON. */
function jsonOutputs(outputs) {
    return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, /^[[{]/.test(v) ? JSON.parse(v) : v]));
}
/**
 * Providers label runs with the repository, commit and run (Aria comments, Alibaba client tokens).
 * Inside a GitHub job that is @actions/github's context, as for the action; off GitHub, the same
 * facts come from GitLab CI or Jenkins variables (GitHub-named ones win where a job sets them).
 */
function ciWorkflowContext(env) {
    if (env['GITHUB_ACTIONS'] === 'true')
        return (0,github_context/* githubWorkflowContext */.c)();
    const pick = (...names) => names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
    const fields = {
        repository: pick('GITHUB_REPOSITORY', 'CI_PROJECT_PATH', 'JOB_NAME'),
        sha: pick('GITHUB_SHA', 'CI_COMMIT_SHA', 'GIT_COMMIT'),
        runId: pick('GITHUB_RUN_ID', 'CI_PIPELINE_ID', 'BUILD_NUMBER'),
        runAttempt: pick('GITHUB_RUN_ATTEMPT'),
        serverUrl: pick('GITHUB_SERVER_URL'),
        workflow: pick('GITHUB_WORKFLOW', 'CI_JOB_NAME'),
    };
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./src/cli/index.ts
// The `run-pipelines` command; dist/cli/index.js is a shim that runs the action bundle in this phase.

async function runCli() {
    process.exitCode = await main({
        argv: process.argv.slice(2),
        env: process.env,
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
    });
}


/***/ })

};
