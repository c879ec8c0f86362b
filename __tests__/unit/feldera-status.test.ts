import { describe, expect, test } from '@jest/globals';
import type { PipelineStatus } from '../../src/providers/feldera/schemas.ts';
import { describeApproval, describeProgramError, rustErrors } from '../../src/providers/feldera/report.ts';
import { classifyPipeline, type FelderaTarget } from '../../src/providers/feldera/status.ts';

const p = (over: Partial<PipelineStatus>): PipelineStatus => ({
  name: 'p',
  deployment_status: 'Stopped',
  deployment_desired_status: 'Running',
  deployment_error: null,
  program_status: 'Success',
  ...over,
});

test.each([
  [{ deployment_status: 'Running' }, 'Running', 'success'],
  [{ deployment_status: 'running' }, 'Running', 'success'],
  [{ deployment_status: 'Paused', deployment_desired_status: 'Paused' }, 'Paused', 'success'],
  [{ deployment_status: 'Standby', deployment_desired_status: 'Standby' }, 'Standby', 'success'],
  [{ deployment_status: 'AwaitingApproval' }, 'Running', 'success'],
  [{ deployment_status: 'Stopped', program_status: 'CompilingRust' }, 'Running', 'pending'],
  [{ deployment_status: 'Provisioning' }, 'Running', 'pending'],
  [{ deployment_status: 'Initializing' }, 'Running', 'pending'],
  [{ deployment_status: 'Unavailable' }, 'Running', 'pending'],
  [{ deployment_status: 'Bootstrapping' }, 'Running', 'pending'],
  [{ deployment_status: 'Replaying', deployment_desired_status: 'Paused' }, 'Paused', 'pending'],
  [{ deployment_status: 'Running', deployment_desired_status: 'Paused' }, 'Paused', 'pending'],
  [{ deployment_status: 'Stopping', deployment_desired_status: 'Stopped' }, 'Running', 'failure'],
  [{ deployment_status: 'Exploding' }, 'Running', 'pending'],
  [{ deployment_status: 'Exploding', deployment_desired_status: 'Stopped' }, 'Running', 'failure'],
  [{ deployment_status: 'Paused', deployment_desired_status: 'Paused' }, 'Running', 'failure'],
  [{ deployment_status: 'Running', deployment_desired_status: 'Running' }, 'Paused', 'failure'],
  [{ deployment_status: 'Standby', deployment_desired_status: 'Standby' }, 'Running', 'failure'],
  [{ deployment_status: 'Running', deployment_desired_status: 'Paused' }, 'Running', 'success'],
  [{ deployment_status: 'Provisioning', deployment_desired_status: 'Unavailable' }, 'Running', 'pending'],
  [{ deployment_status: 'Stopping', deployment_desired_status: 'Suspended' }, 'Running', 'pending'],
] as Array<[Partial<PipelineStatus>, 'Running' | 'Paused' | 'Standby', string]>)('%j toward %s → %s', (over, target, phase) => {
  expect(classifyPipeline(p(over), target).phase).toBe(phase);
});

test('a deployment error with desired Stopped fails with code, message and compiler output', () => {
  const obs = classifyPipeline(
    p({
      deployment_status: 'Stopping',
      deployment_desired_status: 'Stopped',
      deployment_error: {
        error_code: 'StartFailedDueToFailedCompilation',
        message: 'failed',
        details: { compiler_error: 'line 1: bad' },
      },
    }),
    'Running',
  );
  expect(obs).toMatchObject({ phase: 'failure', message: 'StartFailedDueToFailedCompilation: failed\nline 1: bad' });
});

test('a deployment error while desired is still Running keeps waiting (the manager has not reacted yet)', () => {
  const obs = classifyPipeline(
    p({ deployment_status: 'Provisioning', deployment_error: { error_code: 'X', message: 'y' } }),
    'Running',
  );
  expect(obs.phase).toBe('pending');
});

test("AwaitingApproval ends the wait; the adapter's warning names the approve call", () => {
  expect(classifyPipeline(p({ deployment_status: 'AwaitingApproval' }), 'Running').phase).toBe('success');
  expect(describeApproval('p', undefined)).toMatch(/\/v0\/pipelines\/p\/approve/);
});

describe('a pipeline the start found already deployed', () => {
  test('paused while running was asked: fails at once, naming the state and /resume; nothing is changed', () => {
    const obs = classifyPipeline(p({ deployment_status: 'Paused', deployment_desired_status: 'Paused' }), 'Running');
    expect(obs.phase).toBe('failure');
    expect(obs.message).toBe(
      'p is already deployed and Paused (desired Paused); a start does not change the runtime state of a deployed pipeline, so it was left as it is: resume it (POST /v0/pipelines/p/resume) or stop it first (POST /v0/pipelines/p/stop?force=true), then start it again',
    );
  });

  test.each([
    ['Running', 'Paused', /pause it \(POST \/v0\/pipelines\/p\/pause\)/],
    ['Standby', 'Running', /activate it \(operation: activate/],
    ['Running', 'Standby', /: stop it first/],
  ] as Array<[string, FelderaTarget, RegExp]>)(
    'desired %s toward %s names the call that would change it',
    (desired, target, hint) => {
      const obs = classifyPipeline(p({ deployment_status: desired, deployment_desired_status: desired }), target);
      expect(obs.message).toMatch(hint);
    },
  );

  test('right after /activate the desired state may still read Standby: that keeps waiting', () => {
    const standby = p({ deployment_status: 'Standby', deployment_desired_status: 'Standby' });
    expect(classifyPipeline(standby, 'Running', 'activate').phase).toBe('pending');
    expect(classifyPipeline(standby, 'Running', 'start').phase).toBe('failure');
  });
});

test('an unknown status keeps waiting with a warning naming it; it never fails by itself', () => {
  const obs = classifyPipeline(p({ deployment_status: 'Hibernating' }), 'Running');
  expect(obs.phase).toBe('pending');
  expect(obs.warning).toMatch(/unknown deployment status 'Hibernating'.*still waiting for Running, up to the timeout/);
  expect(classifyPipeline(p({ deployment_status: 'Provisioning' }), 'Running').warning).toBeUndefined();
});

describe('AwaitingApproval', () => {
  const diff = {
    program_diff: { added_tables: ['t_new'], modified_views: ['v1', 'v2'], removed_views: [] },
    program_diff_error: null,
    added_input_connectors: ['orders.kafka'],
    removed_output_connectors: ['totals.s3'],
  };

  test('the wait ends; the warning names the program and connector changes of approval_diff, and the reason', () => {
    const details = { approval_diff: diff, reason: 'new views' };
    const obs = classifyPipeline(
      p({ deployment_status: 'AwaitingApproval', deployment_runtime_status_details: details }),
      'Running',
    );
    expect(obs.phase).toBe('success');
    // The adapter adds the warning from the same details (describeApproval; end to end in e2e/feldera.test.ts).
    expect(describeApproval('p', details)).toBe(
      "p is awaiting bootstrap approval: approve it (POST /v0/pipelines/p/approve) or stop it. Waiting for approval: program changes: added tables 't_new', modified views 'v1', 'v2'; connector changes: added input connectors 'orders.kafka', removed output connectors 'totals.s3'; reason: new views",
    );
  });

  test('older managers sent the diff as the details themselves; odd shapes are shown as JSON, bounded', () => {
    expect(describeApproval('p', diff)).toContain("program changes: added tables 't_new'");
    expect(describeApproval('p', { approval_diff: { program_diff: 'x'.repeat(2000) } })).toMatch(
      /changes \{"program_diff":"x+…$/,
    );
    expect(describeApproval('p', null)).toBe(
      'p is awaiting bootstrap approval: approve it (POST /v0/pipelines/p/approve) or stop it',
    );
  });
});

describe('compiler output', () => {
  const program = (program_error: Record<string, unknown>): Parameters<typeof describeProgramError>[0] => ({
    ...p({ program_status: 'SqlError' }),
    program_error,
  });

  test('SQL errors are the reason, with type, line, column and snippet; warnings are only warnings', () => {
    const report = describeProgramError(
      program({
        sql_compilation: {
          messages: [
            {
              warning: true,
              error_type: 'Unused',
              start_line_number: 1,
              start_column: 2,
              message: 'unused column',
              snippet: '1| a\n',
            },
            {
              warning: false,
              error_type: 'Not found',
              start_line_number: 3,
              start_column: 15,
              message: "Table 'x' not found",
              snippet: '3|SELECT * FROM x\n   ^\n',
            },
          ],
        },
      }),
    );
    expect(report.message).toBe(
      "SQL error (Not found) at line 3, column 15: Table 'x' not found\n    3|SELECT * FROM x\n       ^",
    );
    expect(report.warning).toBe('SQL warning (Unused) at line 1, column 2: unused column\n    1| a');
  });

  test('at most ten SQL errors are listed, the rest counted', () => {
    const messages = Array.from({ length: 13 }, (_, i) => ({ message: `e${i}` }));
    const lines = describeProgramError(program({ sql_compilation: { messages } })).message.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe('… and 3 more SQL errors');
  });

  test('Rust: the error lines with their context, wherever they are in megabytes of cargo output', () => {
    const noise = Array.from({ length: 40_000 }, (_, i) => `warning: unused \`x${i}\`\n  --> src/lib.rs:${i}:1`).join('\n');
    const stderr = `${noise}\nerror[E0308]: mismatched types\n  --> src/lib.rs:42:5\n   |\n42 |     let a: i64 = b;\n   |                  ^ expected i64\n\n${noise}\nerror: could not compile \`main\``;
    expect(stderr.length).toBeGreaterThan(1_000_000);
    expect(rustErrors(stderr)).toBe(
      'Rust:\nerror[E0308]: mismatched types\n  --> src/lib.rs:42:5\n   |\n42 |     let a: i64 = b;\n   |                  ^ expected i64\nerror: could not compile `main`',
    );
  });

  test('Rust: a flood of errors is bounded; output without an error line gives its end', () => {
    const flood = Array.from({ length: 50 }, (_, i) => `error[E0425]: cannot find value \`v${i}\``).join('\n');
    const out = rustErrors(flood);
    expect(out.split('\n')).toHaveLength(12);
    expect(out).toMatch(/… and 40 more error\(s\)$/);
    expect(rustErrors(`${'x'.repeat(5000)}tail`)).toMatch(/^Rust \(no error line in cargo's output; its end\):\nx+tail$/);
  });
});
