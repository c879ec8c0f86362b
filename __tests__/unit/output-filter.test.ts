/**
 * The output filter judged by the runner model (__tests__/helpers/runner-model.ts): every payload,
 * through every logger (the action's, the CLI's on a runner and in a terminal) and through every sink
 * the engine prints to (run ids and links, progress lines, heartbeats, poll errors, annotations, the
 * log block), in process on a simulated clock.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { cliLogger } from '../../src/cli/log.ts';
import type { Clock } from '../../src/clock.ts';
import { runPipelines } from '../../src/engine.ts';
import { coreLogger, registerSecret, safeText, type Logger } from '../../src/log.ts';
import { filterRemoteText, inertLine } from '../../src/output-filter.ts';
import type { Observation, Provider, RunHandle, TriggerResult } from '../../src/providers/types.ts';
import { redactSecrets, rememberSecret, secretSpellings } from '../../src/secrets.ts';
import { ALL_PAYLOADS, forgedCommands, PAYLOADS, runnerCommands, terminalControls } from '../helpers/runner-model.ts';
import { simClock } from '../helpers/sim-clock.ts';

/** Captures what @actions/core writes to stdout. */
function captureStdout(): { text: () => string; restore: () => void } {
  let text = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  return { text: () => text, restore: () => spy.mockRestore() };
}

function expectInert(stream: string): void {
  expect(forgedCommands(stream).map((c) => c.line.slice(0, 120))).toEqual([]);
  expect(terminalControls(stream)).toEqual([]);
}

/** Every kind of line a logger prints, each carrying every payload. */
function printEverything(log: Logger): void {
  for (const p of PAYLOADS) {
    log.info(`progress: ${p}`);
    log.info(p);
    log.debug(p);
    log.notice(p, p);
    log.warning(p, p);
    log.error(p, p);
  }
  log.block?.(ALL_PAYLOADS, PAYLOADS);
}

describe('the runner model', () => {
  test('finds every payload when printed raw: the judge can fail', () => {
    for (const p of PAYLOADS) {
      const found = forgedCommands(`${p}\n`).length + terminalControls(p).length;
      expect({ p, found: found > 0 }).toEqual({ p, found: true });
    }
  });

  test('honours stop-commands until the token, and reads ##[ anywhere, NEL and ignorables included', () => {
    const cmds = runnerCommands(
      '::stop-commands::abc123\n::error::x\n##[warning]y\n::abc123::\nz ##[debug]d\n\u200b::notice::n\n',
    );
    expect(cmds.map((c) => `${c.form}:${c.command}:${c.data}`)).toEqual([
      'v2:stop-commands:abc123',
      'v2:abc123:',
      'v1:debug:d',
      'v2:notice:n',
    ]);
    expect(runnerCommands('x\u0085::set-output name=a::1\n')).toEqual([]);
    expect(runnerCommands('\u0085::set-output name=a::1\n').map((c) => c.command)).toEqual(['set-output']);
  });
});

describe('the filter', () => {
  test('every payload is inert, its text still readable', () => {
    for (const p of PAYLOADS) expectInert(`${safeText(p)}\n`);
    expect(filterRemoteText('Build ##[save-state name=completed]true')).toBe('Build # #[save-state name=completed]true');
    expect(inertLine('\u3000::set-output name=x::1')).toBe('\u3000: :set-output name=x::1');
    expect(inertLine('\u001b]0;title\u0007')).toBe('\\x1b]0;title\\x07');
    expect(filterRemoteText('a\rb\r\nc')).toBe('a\nb\nc');
    expect(inertLine('tab\tkept, x\u0085::y')).toBe('tab\tkept, x\\x85::y');
  });

  test('a 600 KB line is cut to a few KiB with [cut], after redaction', () => {
    rememberSecret('CutSecret-91xq');
    const out = safeText(`${'a'.repeat(4090)}CutSecret-91xq${'b'.repeat(600_000)}`);
    expect(out.length).toBeLessThan(4200);
    expect(out.endsWith('[cut]')).toBe(true);
    expect(out).not.toMatch(/CutS/);
  });
});

describe('every logger', () => {
  let out: ReturnType<typeof captureStdout>;
  beforeEach(() => {
    out = captureStdout();
  });
  afterEach(() => out.restore());

  test('the action (coreLogger): stdout holds no forged command and no control', () => {
    printEverything(coreLogger);
    out.restore();
    expect(out.text()).toContain('ALL PIPELINES SUCCEEDED');
    expect(out.text()).toContain('::stop-commands::');
    expectInert(out.text());
  });

  test('the CLI on a runner and in a terminal', () => {
    out.restore();
    for (const onRunner of [true, false]) {
      let text = '';
      printEverything(cliLogger({ write: (t) => (text += t), onRunner, verbose: true }));
      expect(text).toContain('ALL PIPELINES SUCCEEDED');
      expectInert(text);
      if (!onRunner) expect(runnerCommands(text)).toEqual([]);
    }
  });
});

/** A provider whose every remote field carries the payloads. */
function hostileProvider(clock: Clock): Provider {
  let polls = 0;
  return {
    name: 'feldera',
    preview: () => Promise.resolve([]),
    trigger: (pipelines): Promise<TriggerResult> =>
      Promise.resolve({
        outcomes: pipelines.map((pipeline) => ({
          pipeline,
          run: { version: 1, provider: 'feldera', pipeline, runId: ALL_PAYLOADS, url: `https://x/${ALL_PAYLOADS}`, data: {} },
        })),
      }),
    observe: (runs: RunHandle[]): Promise<Observation[]> => {
      polls++;
      if (polls === 2) return Promise.reject(new Error(`HTTP 500: ${ALL_PAYLOADS}`));
      const going: Observation = { status: ALL_PAYLOADS, phase: 'pending', progress: ALL_PAYLOADS, warning: ALL_PAYLOADS };
      const ended: Observation = {
        status: `${ALL_PAYLOADS} done`,
        phase: 'failure',
        message: ALL_PAYLOADS,
        notice: ALL_PAYLOADS,
      };
      return Promise.resolve(runs.map(() => (clock.now() < 150_000 ? going : ended)));
    },
    cancel: () => Promise.resolve(),
  };
}

describe('the engine through the loggers', () => {
  test('run ids and links, progress, heartbeats, poll errors and annotations are inert', async () => {
    const base = { wait: true, timeoutMs: 30 * 60_000, pollIntervalMs: 10_000, cancelOnAbort: false };
    let cli = '';
    const cliLog = cliLogger({ write: (t) => (cli += t), onRunner: true, verbose: true });
    const out = captureStdout();
    try {
      for (const log of [coreLogger, cliLog]) {
        const clock = simClock();
        const result = await runPipelines({ ...base, provider: hostileProvider(clock), pipelines: ['p'], clock, log });
        expect(result.conclusion).toBe('failure');
      }
    } finally {
      out.restore();
    }
    for (const stream of [out.text(), cli]) {
      expect(stream).toMatch(/started, run id Build # #\[save-state/);
      expect(stream).toMatch(/status check failed, will retry/);
      expect(stream).toMatch(/still waiting after/);
      expectInert(stream);
    }
  });
});

describe('secrets in every spelling', () => {
  const secret = `p&ss<w>"rd'/+=?é-Zq81`;

  test('URL-encoded, JSON-escaped, HTML-escaped and base64 (three alignments) are all redacted', () => {
    rememberSecret(secret);
    const b64 = (prefix: string): string => Buffer.from(`${prefix}${secret}`).toString('base64');
    const echoes = [
      secret,
      encodeURIComponent(secret),
      JSON.stringify({ k: secret }),
      secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
      secret.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
      b64(''),
      b64('u'),
      b64('us'),
      b64('user:'),
    ];
    for (const echo of echoes) {
      const out = redactSecrets(`answer: ${echo}.`);
      expect({ echo, redacted: out.includes('***') }).toEqual({ echo, redacted: true });
      // What is left of a base64 echo decodes to no more than a few bytes of the secret.
      expect(out).not.toContain(secret.slice(2, 10));
    }
  });

  test('registerSecret tells the runner every spelling, and each is masked in what this process prints', () => {
    const out = captureStdout();
    const value = 'Reg&Secret<42>x';
    try {
      registerSecret(value);
      coreLogger.info(`echo ${encodeURIComponent(value)} ${Buffer.from(value).toString('base64')}`);
    } finally {
      out.restore();
    }
    const masks = runnerCommands(out.text())
      .filter((c) => c.command === 'add-mask')
      .map((c) => c.data);
    expect(masks).toEqual(expect.arrayContaining(secretSpellings(value)));
    const printed = out.text().replace(/^::add-mask::.*$/gm, '');
    for (const form of secretSpellings(value)) expect(printed).not.toContain(form);
  });
});
