/**
 * The providers the fan-out benchmark measures: each is one entry, a scenario builder (N pipelines,
 * each done `doneMs` after its own trigger) and the step's inputs against the emulator. An entry
 * whose emulator module is not in this build is skipped and reported as such.
 */

export interface FanOutProvider {
  /** Row label. */
  name: string;
  /** The emulator module the entry needs (`Emulator.providers` key). */
  emulatorModule: string;
  /** Emulator configuration: `n` pipelines, each reaching its end `doneMs` after its trigger. */
  scenario(n: number, doneMs: number): Record<string, unknown>;
  /** The step's inputs for those pipelines (poll-interval left at its default). */
  inputs(n: number, url: string): Record<string, string>;
}

const pad = (i: number): string => String(i + 1).padStart(4, '0');

const feldera: FanOutProvider = {
  name: 'feldera',
  emulatorModule: 'feldera',
  scenario: (n, doneMs) => ({
    feldera: {
      pipelines: Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`p${pad(i)}`, { provisionMs: doneMs, initializeMs: 0 }]),
      ),
    },
  }),
  inputs: (n, url) => ({
    provider: 'feldera',
    endpoint: url,
    'pipeline-ids': Array.from({ length: n }, (_, i) => `p${pad(i)}`).join(','),
    timeout: '5m',
  }),
};

// Huawei CodeArts, started with one batch-runs call for N ≥ 2 (several pipelines, no parameters; a single
// pipeline goes through /run), against the emulator module `huawei-codearts`.
const HUAWEI_PROJECT = 'bench'.padEnd(32, '0');
const HUAWEI_AK = 'HPUABENCHACCESSKEY01';
const HUAWEI_SK = 'BenchSecretKeyValue0123456789abcdefghij';
const huaweiId = (i: number): string => `bench${String(i + 1).padStart(27, '0')}`;

const huaweiBatchRuns: FanOutProvider = {
  name: 'huawei-codearts (batch-runs)',
  emulatorModule: 'huawei-codearts',
  scenario: (n, doneMs) => ({
    'huawei-codearts': {
      projectId: HUAWEI_PROJECT,
      credentials: [{ accessKeyId: HUAWEI_AK, secretAccessKey: HUAWEI_SK }],
      pipelines: Object.fromEntries(Array.from({ length: n }, (_, i) => [huaweiId(i), { outcome: 'COMPLETED', runMs: doneMs }])),
    },
  }),
  inputs: (n, url) => ({
    provider: 'huawei-codearts',
    endpoint: url,
    'project-id': HUAWEI_PROJECT,
    'access-key-id': HUAWEI_AK,
    'access-key-secret': HUAWEI_SK,
    'pipeline-ids': Array.from({ length: n }, (_, i) => huaweiId(i)).join('\n'),
    timeout: '5m',
  }),
};

export const fanOutProviders: FanOutProvider[] = [feldera, huaweiBatchRuns];
