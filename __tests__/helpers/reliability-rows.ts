/**
 * One row per provider for the reliability and security tests (fault matrix, exactly-once,
 * cancellation, secrets, remote text). Adding a provider to those tests is adding a row here.
 */
import type { FaultAction } from '../../emulator/faults.ts';
import type { Emulator } from '../../emulator/server.ts';

/** What the emulated run does once triggered. */
export type RunScript = 'finishes' | 'never-finishes';

/** What a fault on the trigger call must end in. */
export interface Expected {
  conclusion: 'success' | 'failure' | 'timed_out' | 'cancelled';
  /** Runs the emulator started for the pipeline: never more than one. */
  starts: 0 | 1;
  /** Must appear in the pipeline's `runs[].message` (failures) or in the log (successes). */
  says?: RegExp;
}

export interface ProviderRow {
  provider: string;
  /** Distinctive secret values the row's inputs carry (and the emulator accepts). */
  secrets: string[];
  /** Inputs for the given pipelines against the emulator, without timeout/poll settings. */
  inputs(url: string, pipelines: string[]): Record<string, string>;
  /** `configure()` argument (provider key only; the tests add `faults`). Finishing runs end within about 2 s. */
  scenario(pipelines: string[], script: RunScript): Record<string, unknown>;
  /** Method + path pattern of the call that starts a run, of a status poll, and of a cancel. */
  trigger: { method: string; path: string };
  poll: { method: string; path: string };
  cancel: { method: string; path: string };
  /** Status polls the step makes before it triggers (a pre-check reading the same resource); faults meant for the wait skip them. */
  pollsBeforeTrigger?: number;
  /** A status a poll can be refused with that the provider does not recover from by itself (default 401). */
  pollRefusal?: number;
  /** Runs started and cancels received for a pipeline, from the emulator's counters. */
  starts(emu: Emulator, pipeline: string): number;
  cancels(emu: Emulator, pipeline: string): number;
  /** The provider's own "throttled" answer beyond HTTP 429 (Alibaba's Throttling codes…), if it has one. */
  throttle?: FaultAction;
  /** JSON fields (dotted paths) that give a polled run a status value the provider does not document. */
  unknownStatus: Record<string, unknown>;
  /**
   * Where the provider's notes say an undocumented status means "still going": the warning the step
   * prints once, and the wait goes on to the timeout. Absent: an unknown status fails the run at once.
   */
  unknownStatusWaits?: RegExp;
  /** Remote text fields the provider prints (dotted paths in the poll answer) and a scenario fails with. */
  remoteText: {
    failingScenario(pipeline: string, message: string): Record<string, unknown>;
    /** What the scenario's own names look like once printed inert (where it gives stages or tasks hostile names). */
    printed?: RegExp;
  };
  /** Outcome of each trigger-call fault where it differs from "retried, one run, success". */
  triggerOutcomes: Partial<Record<string, Expected>>;
}

const FELDERA_KEY = 'apikey:FelderaSecret-7fQ2xZ9pL4';

function felderaStats(emu: Emulator, pipeline: string): { starts: number; stops: number } {
  const all = emu.providers.get('feldera')?.stats() as Record<string, { starts: number; stops: number }> | undefined;
  return all?.[pipeline] ?? { starts: 0, stops: 0 };
}

export const feldera: ProviderRow = {
  provider: 'feldera',
  secrets: [FELDERA_KEY],
  inputs: (url, pipelines) => ({
    provider: 'feldera',
    endpoint: url,
    'pipeline-ids': pipelines.join(','),
    'api-key': FELDERA_KEY,
  }),
  scenario: (pipelines, script) => ({
    feldera: {
      apiKey: FELDERA_KEY,
      pipelines: Object.fromEntries(
        pipelines.map((p) => [p, script === 'finishes' ? { provisionMs: 1500, initializeMs: 300 } : { outcome: 'stuck' }]),
      ),
    },
  }),
  trigger: { method: 'POST', path: '^/v0/pipelines/[^/]+/start$' },
  poll: { method: 'GET', path: '^/v0/pipelines/[^/]+$' },
  cancel: { method: 'POST', path: '^/v0/pipelines/[^/]+/stop$' },
  starts: (emu, p) => felderaStats(emu, p).starts,
  cancels: (emu, p) => felderaStats(emu, p).stops,
  unknownStatus: { deployment_status: 'Hibernating' },
  // Feldera added deployment statuses three times in a year; its own SDK keeps polling through unknown ones.
  unknownStatusWaits: /unknown deployment status 'Hibernating'/,
  remoteText: {
    failingScenario: (pipeline, message) => ({
      feldera: {
        apiKey: FELDERA_KEY,
        pipelines: { [pipeline]: { outcome: 'deployment-error', errorCode: 'RunnerProvisionError', errorMessage: message } },
      },
    }),
  },
  // /start (sent with dismiss_error=false after a separate dismiss) is idempotent on Feldera, so every
  // fault on it is retried; only a refusal fails it.
  triggerOutcomes: {
    '401': { conclusion: 'failure', starts: 0, says: /HTTP 401: Unauthorized: token expired/ },
  },
};

/** The counters every emulator module reports under `runs`, by the pipeline id it was given. */
function runCounters(emu: Emulator, provider: string, id: string): { starts: number; cancels: number } {
  const stats = emu.providers.get(provider)?.stats() as { runs?: Record<string, { starts: number; cancels: number }> };
  return stats.runs?.[id] ?? { starts: 0, cancels: 0 };
}

const NOT_REPEATED = /may have reached the server, so it was not repeated/;

/**
 * A trigger that is not idempotent: an answer that never came, or came garbled, is not retried
 * (the run may have started), and an error answered in the provider's place started nothing.
 */
function notIdempotent(refusal: Expected): Partial<Record<string, Expected>> {
  const failed = (starts: 0 | 1, says: RegExp): Expected => ({ conclusion: 'failure', starts, says });
  return {
    '500': failed(0, /HTTP 500|upstream trouble/),
    '502': failed(0, /HTTP 502|Bad Gateway/),
    '503': failed(0, /HTTP 503|upstream trouble/),
    '504': failed(0, /HTTP 504/),
    'reset before read': failed(0, NOT_REPEATED),
    'reset after read': failed(1, NOT_REPEATED),
    'slow response': failed(1, NOT_REPEATED),
    'truncated JSON': failed(1, /JSON|response/i),
    'malformed JSON': failed(1, /JSON|response/i),
    '401': refusal,
  };
}

const ARIA_TOKEN = 'refresh-RelAriaSecret-3kd81Lq';

function ariaScenario(pipelines: string[], make: (p: string) => Record<string, unknown>): Record<string, unknown> {
  return {
    'vmware-aria': {
      refreshTokens: [ARIA_TOKEN],
      pipelines: Object.fromEntries(pipelines.map((p) => [p, { id: p, ...make(p) }])),
    },
  };
}

export const vmwareAria: ProviderRow = {
  provider: 'vmware-aria',
  secrets: [ARIA_TOKEN],
  inputs: (url, pipelines) => ({
    provider: 'vmware-aria',
    endpoint: url,
    'pipeline-ids': pipelines.join(','),
    'refresh-token': ARIA_TOKEN,
  }),
  scenario: (pipelines, script) =>
    ariaScenario(pipelines, () => ({
      stages: [{ name: 'Build', tasks: [{ name: 'Compile', ms: script === 'finishes' ? 1500 : 600_000 }] }],
    })),
  trigger: { method: 'POST', path: '^/codestream/api/pipelines/[^/]+/executions$' },
  poll: { method: 'GET', path: '^/codestream/api/executions/[^/]+$' },
  cancel: { method: 'POST', path: '^/codestream/api/executions/[^/]+$' },
  starts: (emu, p) => runCounters(emu, 'vmware-aria', p).starts,
  cancels: (emu, p) => runCounters(emu, 'vmware-aria', p).cancels,
  unknownStatus: { status: 'HIBERNATING' },
  // A 401 is answered by a fresh login and a resend, so a refusal that reaches the step is a 403.
  pollRefusal: 403,
  unknownStatusWaits: /undocumented status 'HIBERNATING'; still waiting for a final status/,
  remoteText: {
    failingScenario: (pipeline, message) =>
      // Stage and task names are the pipeline author's: they carry commands too (printed in progress lines).
      ariaScenario([pipeline], () => ({
        stages: [
          {
            name: 'Build ##[save-state name=completed]true',
            tasks: [{ name: 'x\u0085::set-output name=FORGED::1\r\u0085::notice::FORGED', ms: 1200 }],
          },
          { name: 'Test', tasks: [{ name: 'Compile', fail: message }] },
        ],
      })),
    printed: /Build # #\[save-state name=completed\]true\.x\\x85::set-output name=FORGED::1\n\\x85::notice::FORGED RUNNING/,
  },
  // Execute starts a new execution each time it is processed; a 401 is answered by one fresh login and one resend.
  triggerOutcomes: notIdempotent({ conclusion: 'success', starts: 1 }),
};

const HUAWEI_PROJECT = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
const HUAWEI_AK = 'HPUARELIABILITYAK0001';
const HUAWEI_SK = 'HuaweiRelSecretKey-8Jd72kPq0Zx';
/** CodeArts pipeline ids are 32 letters and digits: the row's pipeline names, padded. */
const huaweiId = (name: string): string => name.replace(/[^A-Za-z0-9]/g, '').padEnd(32, '0');

function huaweiScenario(pipelines: string[], make: () => Record<string, unknown>): Record<string, unknown> {
  return {
    'huawei-codearts': {
      projectId: HUAWEI_PROJECT,
      credentials: [{ accessKeyId: HUAWEI_AK, secretAccessKey: HUAWEI_SK }],
      pipelines: Object.fromEntries(pipelines.map((p) => [huaweiId(p), { name: p, ...make() }])),
    },
  };
}

export const huaweiCodeArts: ProviderRow = {
  provider: 'huawei-codearts',
  secrets: [HUAWEI_SK],
  inputs: (url, pipelines) => ({
    provider: 'huawei-codearts',
    endpoint: url,
    'project-id': HUAWEI_PROJECT,
    'pipeline-ids': pipelines.map(huaweiId).join(','),
    'access-key-id': HUAWEI_AK,
    'access-key-secret': HUAWEI_SK,
  }),
  scenario: (pipelines, script) =>
    huaweiScenario(pipelines, () => (script === 'finishes' ? { runMs: 1500 } : { outcome: 'stuck' })),
  trigger: { method: 'POST', path: '^/v5/[^/]+/api/pipelines/(batch-runs|[^/]+/run)$' },
  poll: { method: 'GET', path: '^/v5/[^/]+/api/pipelines/[^/]+/pipeline-runs/detail$' },
  cancel: { method: 'POST', path: '^/v5/[^/]+/api/pipelines/[^/]+/pipeline-runs/[^/]+/stop$' },
  starts: (emu, p) => runCounters(emu, 'huawei-codearts', huaweiId(p)).starts,
  cancels: (emu, p) => runCounters(emu, 'huawei-codearts', huaweiId(p)).cancels,
  // The API gateway's own throttling answer: turned away unprocessed, so even a start is sent again.
  throttle: {
    kind: 'respond',
    status: 429,
    body: { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached: policy user over ratelimit' },
  },
  unknownStatus: { status: 'HIBERNATING' },
  unknownStatusWaits: /unknown run status 'HIBERNATING' .*; still waiting/,
  remoteText: {
    failingScenario: (pipeline, message) =>
      huaweiScenario([pipeline], () => ({ runMs: 300, outcome: 'FAILED', failure: { message } })),
  },
  triggerOutcomes: notIdempotent({ conclusion: 'failure', starts: 0, says: /401/ }),
};

const ALIBABA_INSTANCE = 'ls-cn-rel000000001';
const ALIBABA_AK = 'LTAI5tRelAccessKeyId';
const ALIBABA_SK = 'AlibabaRelSecret-q93KdnZ0a7x';

function alibabaScenario(
  pipelines: string[],
  instance: Record<string, unknown>,
  pipeline: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    'alibaba-logstash': {
      accessKeys: { [ALIBABA_AK]: ALIBABA_SK },
      instances: { [ALIBABA_INSTANCE]: { ...instance, pipelines: Object.fromEntries(pipelines.map((p) => [p, pipeline])) } },
    },
  };
}

export const alibabaLogstash: ProviderRow = {
  provider: 'alibaba-logstash',
  secrets: [ALIBABA_SK],
  inputs: (url, pipelines) => ({
    provider: 'alibaba-logstash',
    endpoint: url,
    'instance-id': ALIBABA_INSTANCE,
    'pipeline-ids': pipelines.join(','),
    'access-key-id': ALIBABA_AK,
    'access-key-secret': ALIBABA_SK,
  }),
  // A deploy restarts the instance; `silent` accepts the deploy and never begins it.
  scenario: (pipelines, script) =>
    alibabaScenario(pipelines, script === 'finishes' ? { deployDelayMs: 150, deployMs: 1200 } : { deploy: 'silent' }),
  trigger: { method: 'POST', path: '^/openapi/logstashes/[^/]+/pipelines/action/run$' },
  poll: { method: 'GET', path: '^/openapi/logstashes/[^/]+/pipelines$' },
  // The pre-check lists the pipelines once to see they exist.
  pollsBeforeTrigger: 1,
  cancel: { method: 'POST', path: '^/openapi/logstashes/[^/]+/pipelines/action/stop$' },
  starts: (emu, p) => runCounters(emu, 'alibaba-logstash', p).starts,
  cancels: (emu, p) => runCounters(emu, 'alibaba-logstash', p).cancels,
  throttle: {
    kind: 'respond',
    status: 400,
    body: {
      RequestId: 'F1E2D3C4-0000-4000-8000-000000000001',
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control.',
    },
  },
  unknownStatus: { 'Result.0.pipelineStatus': 'HIBERNATING' },
  remoteText: {
    failingScenario: (pipeline, message) =>
      alibabaScenario([pipeline], { deployDelayMs: 100, deployMs: 1500, errorLog: [message] }, { outcome: 'not-deployed' }),
  },
  // RunPipelines carries a ClientToken: a repeat of a processed call deploys nothing, so every fault is retried.
  triggerOutcomes: {
    '401': { conclusion: 'failure', starts: 0, says: /401/ },
  },
};

/** Every provider the action has. */
export const PROVIDER_ROWS: ProviderRow[] = [feldera, vmwareAria, huaweiCodeArts, alibabaLogstash];
