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

/** Lines the runner would read as a command; ours are the only ones allowed, and none carries remote text. */
/**
 * The lines the runner would take for commands: it ignores every line between `::stop-commands::T`
 * and `::T::` (how provider logs are printed), and the block's own framing is allowed.
 */
function commandLines(stdout: string): string[] {
  const out: string[] = [];
  let token: string | undefined;
  for (const l of stdout.split('\n')) {
    if (token !== undefined) {
      if (l === `::${token}::`) token = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(l);
    if (stop) token = stop[1];
    else if (!/^::(group|endgroup)::/.test(l) && /^\s*(::|##\[)/.test(l)) out.push(l);
  }
  return out;
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

    test('remote text that looks like a workflow command is printed inert', async () => {
      const payload = 'boom\n::error::pwned\n::add-mask::leak\n##[group]grouped';
      emu.get().configure({
        ...row.remoteText.failingScenario('sec', payload),
        faults: [
          {
            method: row.poll.method,
            path: row.poll.path,
            after: row.pollsBeforeTrigger ?? 0,
            times: 1,
            action: {
              kind: 'respond',
              status: row.pollRefusal ?? 401,
              body: { message: 'denied\n::warning::polled', error_code: 'X' },
            },
          },
        ],
      });
      const run = await runAction({ inputs: base() });
      expect(run.outputs['conclusion']).toBe('failure');
      // The text was printed (neutralised), not dropped.
      expect(run.stdout).toContain('pwned');
      expect(run.stdout).toContain('polled');
      for (const line of commandLines(run.stdout)) {
        expect(line).toMatch(/^::(debug|error|warning|notice|add-mask)( [^:]*)?::/);
        expect(line).not.toMatch(/^::(error|warning|add-mask)::(pwned|leak|polled)/);
        expect(line).not.toMatch(/^##\[/);
      }
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
