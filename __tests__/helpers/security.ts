/**
 * Secrets, remote text and transport, for every provider, through dist/index.js. One file per
 * provider (__tests__/e2e/security/) calls this with its row, so jest runs the providers side by side.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runAction, type ActionRun } from '../../emulator/run-action.ts';
import { startEmulator, type Emulator } from '../../emulator/server.ts';
import { useEmulator } from './emulated.ts';
import type { ProviderRow } from './reliability-rows.ts';
import { ALL_PAYLOADS, forgedCommands, readLines, runnerCommands, terminalControls } from './runner-model.ts';
import { summaryProblems } from './summary-render.ts';
import { MAX_OUTPUT_BYTES } from '../../src/outputs.ts';
import { MAX_MESSAGE_CHARS } from '../../src/output-filter.ts';

const DEBUG = { RUNNER_DEBUG: '1' };

/** Everything a run leaves where someone could read it, minus the mask registrations themselves. */
function exposed(run: ActionRun): Record<string, string> {
  return {
    stdout: run.stdout.replace(/^::add-mask::.*$/gm, ''),
    stderr: run.stderr,
    outputs: JSON.stringify(run.outputs),
    summary: run.summary,
    state: JSON.stringify(run.state),
  };
}

function expectNoSecret(run: ActionRun, secrets: string[]): void {
  for (const [where, text] of Object.entries(exposed(run))) {
    for (const secret of secrets) expect({ where, leaked: text.includes(secret) }).toEqual({ where, leaked: false });
  }
}

/**
 * The lines the runner would take for commands (__tests__/helpers/runner-model.ts: lines split at CR
 * and LF, `::cmd::` after .NET whitespace, `##[cmd]` anywhere, nothing between `::stop-commands::T`
 * and `::T::`), minus the block's own framing (group, stop, resume).
 */
function commandLines(stdout: string): string[] {
  const cmds = runnerCommands(stdout);
  const tokens = new Set(cmds.filter((c) => c.command === 'stop-commands').map((c) => c.data));
  return cmds
    .filter((c) => !['group', 'endgroup', 'stop-commands'].includes(c.command) && !tokens.has(c.command))
    .map((c) => c.line);
}

/** Hostile remote text everywhere the runner reads it: stdout, the summary, the `runs` output. */
function expectInert(run: ActionRun): void {
  expect(forgedCommands(run.stdout).map((c) => c.line.slice(0, 160))).toEqual([]);
  expect(terminalControls(run.stdout)).toEqual([]);
  expect(summaryProblems(run.summary, 1)).toEqual([]);
  expect(run.outputs['runs']).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
  expect(Buffer.byteLength(run.outputs['runs'] ?? '')).toBeLessThan(MAX_OUTPUT_BYTES);
  const runs = JSON.parse(run.outputs['runs'] ?? '[]') as Array<{ message: string | null }>;
  expect(runs[0]?.message?.length ?? 0).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  // No line the runner reads is longer than the cut (plus its escapes and prefix).
  for (const line of readLines(run.stdout)) expect(line.length).toBeLessThan(4 * MAX_MESSAGE_CHARS + 200);
}

export function securityTests(row: ProviderRow): void {
  const emu = useEmulator();
  describe(`${row.provider} security`, () => {
    const base = (more: Record<string, string> = {}): Record<string, string> => ({
      ...row.inputs(emu.get().url, ['sec']),
      timeout: '20s',
      'poll-interval': '1s',
      ...more,
    });

    test('no secret appears anywhere with debug logging on: success, dry-run, and a provider that echoes it', async () => {
      emu.get().configure(row.scenario(['sec'], 'finishes'));
      const ok = await runAction({ inputs: base(), env: DEBUG });
      expect(ok.outputs['conclusion']).toBe('success');
      expect(ok.stdout).toContain('::debug::');
      for (const secret of row.secrets) expect(ok.stdout).toContain(`::add-mask::${secret}`);
      expectNoSecret(ok, row.secrets);

      const dry = await runAction({ inputs: base({ 'dry-run': 'true' }), env: DEBUG });
      expect(dry.stdout).toContain('[dry-run]');
      expectNoSecret(dry, row.secrets);

      const echo = { message: `credentials rejected: ${row.secrets.join(' ')}`, error_code: 'EchoedSecret' };
      emu.get().configure({
        ...row.scenario(['sec'], 'finishes'),
        faults: [{ method: row.trigger.method, path: row.trigger.path, action: { kind: 'respond', status: 403, body: echo } }],
      });
      const refused = await runAction({ inputs: base(), env: DEBUG });
      expect(refused.outputs['conclusion']).toBe('failure');
      expect(refused.stdout).toContain('credentials rejected: ***');
      expectNoSecret(refused, row.secrets);
    });

    test('remote text that looks like a workflow command or a terminal escape is printed inert: messages, poll errors, statuses', async () => {
      const payload = `boom\n::error::pwned\n::add-mask::leak\n##[group]grouped\n${ALL_PAYLOADS}`;
      const first = row.pollsBeforeTrigger ?? 0;
      emu.get().configure({
        ...row.remoteText.failingScenario('sec', payload),
        faults: [
          {
            method: row.poll.method,
            path: row.poll.path,
            after: first,
            times: 1,
            action: {
              kind: 'respond',
              status: row.pollRefusal ?? 401,
              body: { message: `denied\n::warning::polled\n${ALL_PAYLOADS}`, error_code: 'X' },
            },
          },
          {
            method: row.poll.method,
            path: row.poll.path,
            after: first + 1,
            times: 1,
            action: {
              kind: 'patch-json',
              set: Object.fromEntries(Object.keys(row.unknownStatus).map((k) => [k, `STATUS ${ALL_PAYLOADS}`])),
            },
          },
        ],
      });
      const run = await runAction({ inputs: base() });
      expect(run.outputs['conclusion']).toBe('failure');
      // The text was printed (neutralised), not dropped.
      expect(run.stdout).toContain('pwned');
      expect(run.stdout).toContain('polled');
      expect(run.stdout).toContain('ALL PIPELINES SUCCEEDED');
      expect(run.stdout).toContain('STATUS Build # #[save-state name=completed]true');
      if (row.remoteText.printed) expect(run.stdout).toMatch(row.remoteText.printed);
      for (const line of commandLines(run.stdout)) {
        expect(line).toMatch(/^::(debug|error|warning|notice|add-mask)( [^:]*)?::/);
        expect(line).not.toMatch(/^::(error|warning|add-mask)::(pwned|leak|polled)/);
        expect(line).not.toMatch(/^##\[/);
      }
      expectInert(run);
    });

    test('http:// to a host that is not loopback is refused unless allow-insecure-http is true', async () => {
      emu.get().configure(row.scenario(['sec'], 'finishes'));
      // 0.0.0.0 is not a loopback name, yet reaches this machine: it stands for a remote host.
      const remote = emu.get().url.replace('127.0.0.1', '0.0.0.0');
      const refused = await runAction({ inputs: { ...base(), endpoint: remote } });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/::error::Input 'endpoint' must use https:\/\/ for a host that is not loopback/);
      expect(emu.get().requests).toHaveLength(0);
      const allowed = await runAction({ inputs: { ...base(), endpoint: remote, 'allow-insecure-http': 'true' } });
      expect(allowed.outputs['conclusion']).toBe('success');
    });
  });

  describe(`${row.provider} over HTTPS with a private CA`, () => {
    const tls = (f: string): string => readFileSync(join(ROOT, '__fixtures__', 'tls', f), 'utf8');
    let https: Emulator | undefined;
    beforeAll(async () => {
      https = await startEmulator({ tls: { key: tls('server.key'), cert: tls('server.pem') } });
    });
    afterAll(async () => {
      await https?.close();
    });

    test('succeeds with ca-certificate, and fails clearly without it, before any request is served', async () => {
      const server = https as Emulator;
      expect(server.url).toMatch(/^https:/);
      server.configure(row.scenario(['tls'], 'finishes'));
      const inputs = { ...row.inputs(server.url, ['tls']), timeout: '20s', 'poll-interval': '1s' };
      const trusted = await runAction({ inputs: { ...inputs, 'ca-certificate': tls('ca.pem') } });
      expect(trusted.outputs['conclusion']).toBe('success');
      expect(row.starts(server, 'tls')).toBe(1);

      server.configure(row.scenario(['tls'], 'finishes'));
      const untrusted = await runAction({ inputs });
      expect(untrusted.code).toBe(1);
      expect(untrusted.stdout).toMatch(/TLS certificate not trusted \([A-Z_]+\); give the endpoint's CA in 'ca-certificate'/);
      expect(server.requests).toHaveLength(0);
      expect(untrusted.stdout).not.toMatch(/retry 1 of/);
    });
  });
}
