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
  /** Runs started and cancels received for a pipeline, from the emulator's counters. */
  starts(emu: Emulator, pipeline: string): number;
  cancels(emu: Emulator, pipeline: string): number;
  /** The provider's own "throttled" answer beyond HTTP 429 (Alibaba's Throttling codes…), if it has one. */
  throttle?: FaultAction;
  /** JSON fields (dotted paths) that give a polled run a status value the provider does not document. */
  unknownStatus: Record<string, unknown>;
  /** Remote text fields the provider prints (dotted paths in the poll answer) and a scenario fails with. */
  remoteText: { failingScenario(pipeline: string, message: string): Record<string, unknown> };
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
  remoteText: {
    failingScenario: (pipeline, message) => ({
      feldera: {
        apiKey: FELDERA_KEY,
        pipelines: { [pipeline]: { outcome: 'deployment-error', errorCode: 'RunnerProvisionError', errorMessage: message } },
      },
    }),
  },
  // /start is idempotent on Feldera, so every fault on it is retried; only a refusal fails it.
  triggerOutcomes: {
    '401': { conclusion: 'failure', starts: 0, says: /HTTP 401: Unauthorized: token expired/ },
  },
};

/** Every provider the action has. The other providers' rows join here. */
export const PROVIDER_ROWS: ProviderRow[] = [feldera];
