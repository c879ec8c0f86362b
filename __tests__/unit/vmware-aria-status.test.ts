/** Code Stream status classification: all 18 documented values, failure text and hold notices. */
import { describe, expect, test } from '@jest/globals';
import type { Execution } from '../../src/providers/vmware-aria/schemas.ts';
import { classifyExecution, failureMessage, tasksInOrder } from '../../src/providers/vmware-aria/status.ts';

const exec = (status: string, more: Partial<Execution> = {}): Execution => ({
  id: 'e1',
  index: 7,
  name: 'deploy',
  status,
  ...more,
});

describe('classifyExecution', () => {
  test.each([
    ['COMPLETED', 'success'],
    ['FAILED', 'failure'],
    ['CANCELED', 'failure'],
    ['ROLLBACK_FAILED', 'failure'],
    ['ROLLBACK_COMPLETED', 'failure'],
    ['NOT_STARTED', 'pending'],
    ['STARTED', 'pending'],
    ['RUNNING', 'pending'],
    ['CANCELING', 'pending'],
    ['WAITING', 'pending'],
    ['RESUMING', 'pending'],
    ['PAUSING', 'pending'],
    ['PAUSED', 'pending'],
    ['QUEUED', 'pending'],
    ['ROLLING_BACK', 'pending'],
    ['PREPARING_WORKSPACE', 'pending'],
    ['SKIPPED', 'pending'],
    ['FAILED_CONTINUE', 'pending'],
  ])('%s → %s', (status, phase) => {
    const obs = classifyExecution(exec(status));
    expect(obs.phase).toBe(phase);
    expect(obs.status).toBe(status);
  });

  test('task-level and unknown statuses keep waiting with a warning; documented ones without', () => {
    expect(classifyExecution(exec('SKIPPED')).warning).toContain('a stage/task state');
    expect(classifyExecution(exec('FAILED_CONTINUE')).warning).toContain('a stage/task state');
    expect(classifyExecution(exec('HIBERNATING')).warning).toContain("undocumented status 'HIBERNATING'");
    expect(classifyExecution(exec('HIBERNATING')).phase).toBe('pending');
    expect(classifyExecution(exec('RUNNING')).warning).toBeUndefined();
  });

  test('WAITING (an approval) is a warning naming the task it waits on; PAUSED without task detail names the execution', () => {
    const waiting = exec('WAITING', {
      statusMessage: 'Approval pending',
      stageOrder: ['Gate'],
      stages: { Gate: { taskOrder: ['Approve'], tasks: { Approve: { status: 'WAITING', type: 'UserOperation' } } } },
    });
    expect(classifyExecution(waiting).notice).toBeUndefined();
    expect(classifyExecution(waiting).warning).toBe(
      'deploy #7 is WAITING: task Gate.Approve (UserOperation) waits for an approval or input (Approval pending); still waiting, up to the timeout',
    );
    expect(classifyExecution(exec('PAUSED')).notice).toBe(
      'deploy #7 is PAUSED: the execution is paused until someone resumes it; still waiting, up to the timeout',
    );
    expect(classifyExecution(exec('RUNNING')).notice).toBeUndefined();
  });

  test('progress lists the tasks in progress', () => {
    const running = exec('RUNNING', {
      stages: { Build: { tasks: { Compile: { status: 'RUNNING' }, Lint: { status: 'COMPLETED' } } } },
    });
    expect(classifyExecution(running).progress).toBe('Build.Compile RUNNING');
  });

  test('success carries the pipeline output into the run details', () => {
    const obs = classifyExecution(exec('COMPLETED', { output: { url: 'https://app' }, statusMessage: 'Execution Completed.' }));
    expect(obs.details).toEqual({ output: { url: 'https://app' }, statusMessage: 'Execution Completed.' });
  });
});

describe('failureMessage', () => {
  test('statusMessage first, then each failed task in pipeline order with its failureMessage', () => {
    const e = exec('FAILED', {
      statusMessage: 'Execution failed.',
      stageOrder: ['Test', 'Deploy'],
      stages: {
        Deploy: { taskOrder: ['Push'], tasks: { Push: { status: 'FAILED', type: 'SSH', failureMessage: 'exit 2' } } },
        Test: {
          taskOrder: ['Unit,Lint'],
          tasks: {
            Unit: { status: 'COMPLETED' },
            Lint: { status: 'FAILED_CONTINUE', statusMessage: 'style' },
          },
        },
      },
    });
    expect(failureMessage(e)).toBe('FAILED: Execution failed.\nTest.Lint (failure ignored): style\nDeploy.Push [SSH]: exit 2');
  });

  test('a failed task the statusMessage already names (the real `stage.task: message` form) is not said twice', () => {
    const e = exec('FAILED', {
      statusMessage: 'Build.Install TKG CLI: Script execution failed.',
      stageOrder: ['Build'],
      stages: {
        Build: {
          taskOrder: ['Install TKG CLI', 'Lint'],
          tasks: {
            'Install TKG CLI': { status: 'FAILED', type: 'SSH', failureMessage: 'Script execution failed.' },
            Lint: { status: 'FAILED_CONTINUE', failureMessage: 'style' },
          },
        },
      },
    });
    expect(failureMessage(e)).toBe(
      'FAILED: Build.Install TKG CLI: Script execution failed.\nBuild.Lint (failure ignored): style',
    );
  });

  test('without a statusMessage the reason or the status stands in', () => {
    expect(failureMessage(exec('CANCELED', { reason: 'by admin' }))).toBe('CANCELED: by admin');
    expect(failureMessage(exec('ROLLBACK_FAILED'))).toBe('ROLLBACK_FAILED: execution ended with status ROLLBACK_FAILED');
  });

  test('parallel tasks in one taskOrder entry are split on commas', () => {
    const e = exec('RUNNING', { stages: { S: { taskOrder: ['A, B', 'C'], tasks: { A: {}, B: {}, C: {} } } } });
    expect(tasksInOrder(e).map((t) => t.task)).toEqual(['A', 'B', 'C']);
  });
});
