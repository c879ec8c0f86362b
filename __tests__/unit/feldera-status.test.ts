import { expect, test } from '@jest/globals';
import type { PipelineStatus } from '../../src/providers/feldera/models.ts';
import { classifyPipeline } from '../../src/providers/feldera/status.ts';

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
  [{ deployment_status: 'Replaying' }, 'Paused', 'pending'],
  [{ deployment_status: 'Running' }, 'Paused', 'pending'],
  [{ deployment_status: 'Stopping', deployment_desired_status: 'Stopped' }, 'Running', 'failure'],
  [{ deployment_status: 'Exploding' }, 'Running', 'failure'],
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

test('AwaitingApproval carries a warning naming the approve call', () => {
  expect(classifyPipeline(p({ deployment_status: 'AwaitingApproval' }), 'Running').warning).toMatch(
    /\/v0\/pipelines\/p\/approve/,
  );
});
