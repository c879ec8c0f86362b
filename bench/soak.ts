/**
 * The soak: hours of simulated time, many pipelines on all four providers, random faults, all in one
 * process (the step run from source against the emulator), in a couple of minutes of wall time.
 *
 *   node --expose-gc bench/soak.ts [--hours 6] [--pipelines 100] [--seed 22] [--fault-rate 0.03]
 *
 * Each pipeline is run again and again by a step of its own (prepareStep → runPipelines → close),
 * as a workflow would run it job after job, with a pause between. Every step is judged from the
 * emulator's counters: a run started twice is a duplicate; a run the emulator started whose end the
 * step did not report (success or failure, with its run id) is lost. Heap is sampled after a full GC
 * every simulated hour; a steady climb fails the soak.
 *
 * One simulated clock drives everything: the steps' sleeps (polls, backoff, Retry-After) and the
 * emulators' timelines (run lengths, token expiry, signature dates). The emulators and Huawei's signer
 * read `Date.now()`, so for the soak's length `Date.now` reads the simulated clock too; it is put back
 * at the end. Time moves only when nothing is in flight: no HTTP request open (undici's diagnostics
 * channels count them) and a few event-loop turns with no new work.
 */
import { channel } from 'node:diagnostics_channel';
import { pathToFileURL } from 'node:url';
import type { FaultAction } from '../emulator/faults.ts';
import { startEmulator, type Emulator } from '../emulator/server.ts';
import type { EmuRequest } from '../emulator/types.ts';
import type { Clock } from '../src/clock.ts';
import { runPipelines, type StepResult } from '../src/engine.ts';
import { memoryLogger } from '../src/log.ts';
import { engineSettings, prepareStep } from '../src/setup.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MB = 1024 * 1024;
/** Sleepers due within this much simulated time of the first are woken together. */
const WAKE_QUANTUM_MS = 1000;
/** Wall time after which requests still counted in flight no longer hold simulated time still. */
const STUCK_REQUEST_MS = 1000;

export interface SoakOptions {
  hours: number;
  /** Spread over the four providers in turn. */
  pipelines: number;
  seed: number;
  /** Share of the provider requests that get a fault. */
  faultRate: number;
  /** Shortest and longest run (ms of simulated time); each pipeline gets one length in between. */
  runMs: [number, number];
  /** Longest pause between one pipeline's steps. */
  pauseMs: number;
  /** How often heap is sampled after GC (simulated ms). */
  sampleEveryMs: number;
  /**
   * A fault for every start that is not idempotent (Aria's execute, CodeArts' run), beyond the random
   * ones. For checking the verdict itself: a lost answer there is a run the step cannot report.
   */
  startFault?: FaultAction;
}

export const SOAK_DEFAULTS: SoakOptions = {
  hours: 6,
  pipelines: 100,
  seed: 22,
  faultRate: 0.03,
  runMs: [5 * MINUTE, 90 * MINUTE],
  pauseMs: 10 * MINUTE,
  sampleEveryMs: HOUR,
};

export interface SoakReport {
  hours: number;
  pipelines: number;
  steps: number;
  faults: number;
  requests: number;
  duplicates: number;
  lost: number;
  /** Steps that did not succeed, without losing or repeating a run (a start refused for good, …). */
  failed: number;
  /** heapUsed after GC at each sample (bytes); empty without --expose-gc. */
  heapAfterGc: number[];
  peakHeap: number;
  /** Set when the heap after GC climbed steadily over the run. */
  memoryGrowth?: string | undefined;
  /** One line per lost or duplicated run, for the reader. */
  problems: string[];
}

/** Every run is scripted to succeed and every fault is one the step is documented to ride out: a failed step fails the soak too. */
export function soakPassed(r: SoakReport): boolean {
  return r.duplicates === 0 && r.lost === 0 && r.failed === 0 && r.memoryGrowth === undefined;
}

export function soakLine(r: SoakReport): string {
  const mb = (bytes: number | undefined): string => ((bytes ?? 0) / MB).toFixed(1);
  const trend = r.heapAfterGc.length >= 3 ? `steady (${mb(r.heapAfterGc[1])} → ${mb(r.heapAfterGc.at(-1))} MB)` : 'not judged';
  const memory = r.memoryGrowth ?? `heap after GC ${trend}`;
  return (
    `soak: ${r.hours} h simulated, ${r.pipelines} pipelines, ${r.steps} steps, ${r.faults} faults injected, ` +
    `${r.requests} requests, duplicates ${r.duplicates}, lost ${r.lost}, failed ${r.failed}, ` +
    `peak heap ${mb(r.peakHeap)} MB, ${memory}`
  );
}

/** A small seeded generator (mulberry32): the same seed gives the same faults and run lengths. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// The simulated clock

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A discrete-event clock: `sleep` parks the caller; `run` moves time to the earliest sleeper once
 * the process is quiet, wakes it, and repeats.
 */
export class SoakClock implements Clock {
  t: number;
  private sleepers: Sleeper[] = [];
  private seq = 0;
  private inflight = 0;
  private onQuiet: (() => void) | undefined;
  private readonly unsubscribe: () => void;
  readonly random: () => number;

  constructor(start: number, random: () => number) {
    this.t = start;
    this.random = random;
    const seen = new WeakSet<object>();
    const opened = (m: unknown): void => {
      const request = (m as { request: object }).request;
      seen.add(request);
      this.inflight++;
    };
    const closed = (m: unknown): void => {
      const request = (m as { request: object }).request;
      if (!seen.delete(request)) return;
      this.inflight--;
      if (this.inflight === 0) this.onQuiet?.();
    };
    const create = channel('undici:request:create');
    const trailers = channel('undici:request:trailers');
    const error = channel('undici:request:error');
    create.subscribe(opened);
    trailers.subscribe(closed);
    error.subscribe(closed);
    this.unsubscribe = () => {
      create.unsubscribe(opened);
      trailers.unsubscribe(closed);
      error.unsubscribe(closed);
    };
  }

  now = (): number => this.t;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const sleeper: Sleeper = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve: () => resolve() };
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal?.reason as Error);
      };
      sleeper.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.insert(sleeper);
    });

  /** Moves time forward until `done()` holds (checked whenever the process is quiet). */
  async run(done: () => boolean): Promise<void> {
    for (;;) {
      await this.quiet();
      if (done()) return;
      const first = this.sleepers.shift();
      if (first === undefined) {
        // Nothing asleep and nothing in flight, yet not done: work is under way outside HTTP (a module load).
        await new Promise((r) => setTimeout(r, 1));
        continue;
      }
      // Everything due within one quantum wakes together (a little late, as a busy timer would): the
      // requests they make go out side by side instead of one event-loop round each.
      const batch = [first];
      while (this.sleepers[0] !== undefined && this.sleepers[0].at <= first.at + WAKE_QUANTUM_MS)
        batch.push(this.sleepers.shift() as Sleeper);
      this.t = Math.max(this.t, (batch.at(-1) as Sleeper).at);
      for (const s of batch) s.resolve();
    }
  }

  close(): void {
    this.unsubscribe();
  }

  private insert(s: Sleeper): void {
    let lo = 0;
    let hi = this.sleepers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.sleepers[mid] as Sleeper;
      if (m.at < s.at || (m.at === s.at && m.seq < s.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.sleepers.splice(lo, 0, s);
  }

  /**
   * No request in flight, and three turns of the event loop that started none. A request whose end
   * the channels never told (none known) would hold time still: after a second of wall time the
   * count is no longer trusted for this turn.
   */
  private async quiet(): Promise<void> {
    for (let turns = 0; turns < 3;) {
      if (this.inflight > 0) {
        let timer: NodeJS.Timeout | undefined;
        const settled = await Promise.race([
          new Promise<boolean>((resolve) => (this.onQuiet = () => resolve(true))),
          new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STUCK_REQUEST_MS))),
        ]);
        clearTimeout(timer);
        this.onQuiet = undefined;
        if (!settled) return;
        turns = 0;
        continue;
      }
      await new Promise((r) => setImmediate(r));
      if (this.inflight === 0) turns++;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The pipelines, per provider

const FELDERA_KEY = 'apikey:SoakFelderaKey-93hFq0Lm2';
const ARIA_TOKEN = 'refresh-SoakAriaToken-7Yd2kP1';
const HUAWEI = { projectId: 'f0e1d2c3b4a5968778695a4b3c2d1e0f', ak: 'HPUASOAKACCESSKEY001', sk: 'HuaweiSoakSecret-4Kd9qZ7mN2' };
const ALIBABA = { ak: 'LTAI5tSoakAccessKey1', sk: 'AlibabaSoakSecret-p8Xn3Qe5v' };
/** Every other Logstash pipeline signs with STS credentials from the workflow's OIDC token: they last an hour, so long waits exchange again. */
const ALIBABA_OIDC = {
  requestToken: 'soak-runner-request-token',
  roleArn: 'acs:ram::1234567890123456:role/soak',
  oidcProviderArn: 'acs:ram::1234567890123456:oidc-provider/github',
};
/** Aria bearer tokens live half an hour here (8 h by default), so long waits log in again. */
const ARIA_TOKEN_TTL_MS = 30 * MINUTE;

interface SoakPipeline {
  provider: 'feldera' | 'vmware-aria' | 'huawei-codearts' | 'alibaba-logstash';
  name: string;
  runMs: number;
  /** The `poll-interval` input its steps get. */
  pollInterval: string;
  inputs(url: string): Record<string, string>;
  /** The step's environment (the OIDC token request for keyless Logstash steps). */
  env?(url: string): NodeJS.ProcessEnv;
  /** Runs the emulator started for it so far. */
  starts(emu: Emulator): number;
}

const PROVIDERS = ['feldera', 'vmware-aria', 'huawei-codearts', 'alibaba-logstash'] as const;

function runCounter(emu: Emulator, provider: string, id: string): number {
  const stats = emu.providers.get(provider)?.stats() as { runs?: Record<string, { starts: number }> } | undefined;
  return stats?.runs?.[id]?.starts ?? 0;
}

const huaweiId = (n: number): string => `5a0a${String(n).padStart(28, '0')}`;
const alibabaInstance = (n: number): string => `ls-cn-soak${String(n).padStart(8, '0')}`;

/** `poll-interval` as workflows set it: the default for some, longer for long runs. */
const POLL_INTERVALS = ['10s', '30s', '1m'];

function makePipeline(n: number, runMs: number): SoakPipeline {
  const provider = PROVIDERS[n % PROVIDERS.length] ?? 'feldera';
  const name = `soak-${String(n).padStart(3, '0')}`;
  const pollInterval = POLL_INTERVALS[Math.floor(n / PROVIDERS.length) % POLL_INTERVALS.length] ?? '10s';
  const common = { provider, name, runMs, pollInterval };
  switch (provider) {
    case 'feldera':
      return {
        ...common,
        inputs: (url) => ({ provider, endpoint: url, 'pipeline-ids': name, 'api-key': FELDERA_KEY }),
        starts: (emu) => (emu.providers.get('feldera')?.stats() as Record<string, { starts: number }>)[name]?.starts ?? 0,
      };
    case 'vmware-aria':
      return {
        ...common,
        inputs: (url) => ({ provider, endpoint: url, 'pipeline-ids': name, 'refresh-token': ARIA_TOKEN }),
        starts: (emu) => runCounter(emu, provider, name),
      };
    case 'huawei-codearts':
      return {
        ...common,
        inputs: (url) => ({
          provider,
          endpoint: url,
          'project-id': HUAWEI.projectId,
          'pipeline-ids': huaweiId(n),
          'access-key-id': HUAWEI.ak,
          'access-key-secret': HUAWEI.sk,
        }),
        starts: (emu) => runCounter(emu, provider, huaweiId(n)),
      };
    case 'alibaba-logstash': {
      const keyless = Math.floor(n / PROVIDERS.length) % 2 === 1;
      const credentials = keyless
        ? { 'role-arn': ALIBABA_OIDC.roleArn, 'oidc-provider-arn': ALIBABA_OIDC.oidcProviderArn }
        : { 'access-key-id': ALIBABA.ak, 'access-key-secret': ALIBABA.sk };
      return {
        ...common,
        inputs: (url) => ({ provider, endpoint: url, 'instance-id': alibabaInstance(n), 'pipeline-ids': name, ...credentials }),
        ...(keyless
          ? {
              env: (url: string) => ({
                ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/actions/idtoken?api-version=2.0`,
                ACTIONS_ID_TOKEN_REQUEST_TOKEN: ALIBABA_OIDC.requestToken,
                ALIBABA_CLOUD_STS_ENDPOINT: url,
              }),
            }
          : {}),
        starts: (emu) => runCounter(emu, provider, name),
      };
    }
  }
}

function scenarios(pipelines: SoakPipeline[]): Record<string, unknown> {
  const of = (provider: SoakPipeline['provider']): Array<[number, SoakPipeline]> =>
    pipelines.flatMap((p, n) => (p.provider === provider ? [[n, p] as [number, SoakPipeline]] : []));
  return {
    feldera: {
      apiKey: FELDERA_KEY,
      pipelines: Object.fromEntries(of('feldera').map(([, p]) => [p.name, { provisionMs: p.runMs, initializeMs: 20_000 }])),
    },
    'vmware-aria': {
      refreshTokens: [ARIA_TOKEN],
      tokenTtlMs: ARIA_TOKEN_TTL_MS,
      pipelines: Object.fromEntries(
        of('vmware-aria').map(([, p]) => [
          p.name,
          { id: p.name, stages: [{ name: 'Build', tasks: [{ name: 'Compile', ms: p.runMs }] }] },
        ]),
      ),
    },
    'huawei-codearts': {
      projectId: HUAWEI.projectId,
      credentials: [{ accessKeyId: HUAWEI.ak, secretAccessKey: HUAWEI.sk }],
      pipelines: Object.fromEntries(of('huawei-codearts').map(([n, p]) => [huaweiId(n), { name: p.name, runMs: p.runMs }])),
    },
    'alibaba-logstash': {
      accessKeys: { [ALIBABA.ak]: ALIBABA.sk },
      oidc: ALIBABA_OIDC,
      instances: Object.fromEntries(
        of('alibaba-logstash').map(([n, p]) => [
          alibabaInstance(n),
          { deployDelayMs: 30_000, deployMs: p.runMs, pipelines: { [p.name]: { status: 'RUNNING' } } },
        ]),
      ),
    },
  };
}

/** Feldera's run is the pipeline being up: the soak stops it (as an operator would) before its next step. */
async function stopFeldera(emu: Emulator, name: string): Promise<void> {
  const url = new URL(`http://soak/v0/pipelines/${name}/stop?force=true`);
  const req: EmuRequest = {
    method: 'POST',
    url,
    path: url.pathname,
    query: url.searchParams,
    headers: { authorization: `Bearer ${FELDERA_KEY}` },
    body: '',
  };
  const out = await emu.providers.get('feldera')?.handle(req);
  if (out?.status !== 202) throw new Error(`soak: stopping ${name} answered ${out?.status}`);
}

// ---------------------------------------------------------------------------------------------
// Faults

/** Starts that run a pipeline again when repeated (Aria's execute, CodeArts' run): only faults that provably reached nothing. */
const NOT_IDEMPOTENT = [
  /^\/codestream\/api\/pipelines\/[^/]+\/executions$/,
  /^\/v5\/[^/]+\/api\/pipelines\/(batch-runs|[^/]+\/run)$/,
];

const ANY_FAULT: Array<{ name: string; action: FaultAction }> = [
  {
    name: '429',
    action: { kind: 'respond', status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too Many Requests' } },
  },
  { name: '503', action: { kind: 'respond', status: 503, body: { message: 'Service Unavailable' } } },
  { name: '502', action: { kind: 'respond', status: 502, body: { message: 'Bad Gateway' } } },
  { name: 'reset', action: { kind: 'reset-before-read' } },
  { name: 'lost answer', action: { kind: 'reset-after-read' } },
];
const THROTTLE_ONLY = ANY_FAULT.slice(0, 1);
/**
 * Feldera's API key expired or rotated under a poll: a 401 (Feldera's own error body). One refused poll
 * is not fatal (three in a row are); the soak's next poll of that run gets through.
 */
const FELDERA_REFUSED: FaultAction = {
  kind: 'respond',
  status: 401,
  body: { message: 'Unauthorized: token expired', error_code: 'Unauthorized', details: null },
};
const FELDERA_POLL = /^\/v0\/pipelines\/[^/]+$/;

/** Picks a fault for a request at `rate`; counts what it injected. */
function randomFaults(
  rate: number,
  random: () => number,
  startFault?: FaultAction,
): { pick: (method: string, path: string) => FaultAction | undefined; count: () => number } {
  let injected = 0;
  return {
    pick: (method, path) => {
      const start = method === 'POST' && NOT_IDEMPOTENT.some((re) => re.test(path));
      if (start && startFault !== undefined) {
        injected++;
        return startFault;
      }
      if (random() >= rate) return undefined;
      const choices = start ? THROTTLE_ONLY : ANY_FAULT;
      injected++;
      const pick = Math.floor(random() * (choices.length + 1));
      if (pick === choices.length) return method === 'GET' && FELDERA_POLL.test(path) ? FELDERA_REFUSED : choices[0]?.action;
      return choices[pick]?.action;
    },
    count: () => injected,
  };
}

// ---------------------------------------------------------------------------------------------
// Steps and their verdicts

interface Tally {
  steps: number;
  duplicates: number;
  lost: number;
  failed: number;
  problems: string[];
}

const ENDED = new Set(['success', 'failure']);

async function oneStep(p: SoakPipeline, emu: Emulator, clock: SoakClock, tally: Tally): Promise<void> {
  const before = p.starts(emu);
  const log = memoryLogger();
  let result: StepResult | undefined;
  let error: unknown;
  try {
    const inputs = { ...p.inputs(emu.url), 'poll-interval': p.pollInterval, logs: 'none' };
    const prepared = await prepareStep(
      {
        inputs: (n) => inputs[n as keyof typeof inputs] ?? '',
        env: p.env?.(emu.url) ?? {},
        log,
        secret: () => undefined,
      },
      { clock },
    );
    try {
      result = await runPipelines({ ...engineSettings(prepared), log });
    } finally {
      await prepared.http.close();
    }
  } catch (e) {
    error = e;
  }
  tally.steps++;
  judge(p, p.starts(emu) - before, result, error, tally);
}

function judge(p: SoakPipeline, started: number, result: StepResult | undefined, error: unknown, tally: Tally): void {
  const run = result?.runs[0];
  const at = `${p.provider} ${p.name}`;
  if (started > 1) {
    tally.duplicates++;
    tally.problems.push(`${at}: started ${started} times by one step`);
  }
  const reportedEnd = run?.handle !== undefined && ENDED.has(run.conclusion);
  if (started >= 1 && !reportedEnd) {
    tally.lost++;
    tally.problems.push(
      `${at}: started, but the step reported ${run ? `${run.conclusion}: ${run.message ?? ''}` : `no run (${String(error)})`}`,
    );
  } else if (started === 0 && run?.conclusion === 'success') {
    tally.lost++;
    tally.problems.push(`${at}: the step reported success for a run the emulator never started`);
  } else if (run?.conclusion !== 'success') {
    tally.failed++;
    tally.problems.push(`${at}: the step ended ${run?.conclusion ?? `with an error (${String(error)})`}: ${run?.message ?? ''}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Memory

function heapAfterGc(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return undefined;
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * A steady climb: the least-squares slope of the samples after the first (warm-up) hour is over
 * 1 MB per sample and the last sample is the highest. Noise around a level passes.
 */
export function memoryGrowth(samples: number[]): string | undefined {
  const ys = samples.slice(1);
  if (ys.length < 3) return undefined;
  const n = ys.length;
  const mean = ys.reduce((a, b) => a + b, 0) / n;
  const mx = (n - 1) / 2;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - mean);
    den += (x - mx) ** 2;
  });
  const slope = num / den;
  const last = ys[n - 1] as number;
  if (slope > MB && last >= Math.max(...ys)) return `heap grew ${(slope / MB).toFixed(1)} MB per sample`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The soak

export async function soak(given: Partial<SoakOptions> = {}): Promise<SoakReport> {
  const o = { ...SOAK_DEFAULTS, ...given };
  const random = seeded(o.seed);
  const faults = randomFaults(o.faultRate, seeded(o.seed + 1), o.startFault);
  let requests = 0;
  const emu = await startEmulator({ onRequest: () => void requests++, pickFault: faults.pick });
  const clock = new SoakClock(Date.now(), seeded(o.seed + 2));
  const realNow = Date.now;
  Date.now = () => clock.t;
  const [shortest, longest] = o.runMs;
  const pipelines = Array.from({ length: o.pipelines }, (_, n) =>
    makePipeline(n, Math.round(shortest + random() * (longest - shortest))),
  );
  emu.configure(scenarios(pipelines));
  const tally: Tally = { steps: 0, duplicates: 0, lost: 0, failed: 0, problems: [] };
  const samples: number[] = [];
  let peakHeap = 0;
  const end = clock.t + o.hours * HOUR;
  let live = pipelines.length;
  const loop = async (p: SoakPipeline): Promise<void> => {
    // Spread the first steps over the first pause, so not every pipeline starts in the same second.
    await clock.sleep(random() * o.pauseMs);
    while (clock.t < end) {
      await oneStep(p, emu, clock, tally);
      if (p.provider === 'feldera') await stopFeldera(emu, p.name);
      await clock.sleep(MINUTE + random() * o.pauseMs);
    }
    live--;
  };
  const sampler = async (): Promise<void> => {
    while (live > 0) {
      await clock.sleep(o.sampleEveryMs);
      emu.requests.length = 0;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      const heap = heapAfterGc();
      if (heap !== undefined) samples.push(heap);
    }
  };
  try {
    const work = Promise.all(pipelines.map(loop));
    void sampler();
    let finished = false;
    void work.then(() => (finished = true));
    await clock.run(() => {
      // The emulator keeps every request for tests that read them: the soak only counts.
      if (emu.requests.length > 1000) emu.requests.length = 0;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      return finished;
    });
    await work;
  } finally {
    Date.now = realNow;
    clock.close();
    await emu.close();
  }
  return {
    hours: o.hours,
    pipelines: o.pipelines,
    steps: tally.steps,
    faults: faults.count(),
    requests,
    duplicates: tally.duplicates,
    lost: tally.lost,
    failed: tally.failed,
    heapAfterGc: samples,
    peakHeap,
    memoryGrowth: memoryGrowth(samples),
    problems: tally.problems,
  };
}

function parseArgs(argv: string[]): Partial<SoakOptions> {
  const out: Partial<SoakOptions> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    const flag = argv[i];
    if (!Number.isFinite(value)) throw new Error(`soak: ${flag} needs a number`);
    if (flag === '--hours') out.hours = value;
    else if (flag === '--pipelines') out.pipelines = value;
    else if (flag === '--seed') out.seed = value;
    else if (flag === '--fault-rate') out.faultRate = value;
    else throw new Error(`soak: unknown option ${flag} (--hours, --pipelines, --seed, --fault-rate)`);
  }
  return out;
}

async function main(): Promise<void> {
  const report = await soak(parseArgs(process.argv.slice(2)));
  for (const problem of report.problems.slice(0, 20)) console.error(`soak: ${problem}`);
  console.log(soakLine(report));
  if (!soakPassed(report)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
