/** When a Logstash deploy counts as done, failed or still going. */
import { describe, expect, test } from '@jest/globals';
import { classifyRun, type PollView, type RunView } from '../../src/providers/alibaba-logstash/status.ts';

const BEFORE = '2026-01-01T00:00:00.000Z';
const AFTER = '2026-01-01T00:05:00.000Z';
const poll = (instanceStatus: string, leftActive = false, settled = leftActive): PollView => ({
  instanceId: 'ls-cn-1',
  instanceStatus,
  leftActive,
  settled,
});
const run = (pipelineStatus: string | undefined, gmtUpdateTime = BEFORE): RunView => ({
  pipeline: 'p',
  item: pipelineStatus === undefined ? undefined : { pipelineId: 'p', pipelineStatus, gmtUpdateTime },
  updatedBefore: BEFORE,
});

describe('classifyRun', () => {
  test.each([
    ['stale active + RUNNING right after the call', poll('active'), run('RUNNING'), 'pending'],
    ['restart under way', poll('activating', true), run('RUNNING'), 'pending'],
    ['back to active after the restart', poll('active', true), run('RUNNING'), 'success'],
    ['restart missed but update time moved', poll('active'), run('RUNNING', AFTER), 'success'],
    ['NOT_DEPLOYED once the instance settled', poll('active', true), run('NOT_DEPLOYED'), 'failure'],
    ['NOT_DEPLOYED with a new update time, deploy not yet seen to end', poll('active'), run('NOT_DEPLOYED', AFTER), 'pending'],
    ['NOT_DEPLOYED after another pipeline of the deploy ran', poll('active', false, true), run('NOT_DEPLOYED', AFTER), 'failure'],
    ['instance frozen', poll('inactive', true), run('RUNNING'), 'failure'],
    ['instance expired', poll('invalid'), run('NOT_DEPLOYED'), 'failure'],
    ['pipeline gone', poll('active', true), run(undefined), 'failure'],
    ['pipeline deleted', poll('activating', true), run('DELETED'), 'failure'],
    ['undocumented pipeline status', poll('active', true), run('STARTING'), 'failure'],
  ])('%s', (_what, p, r, phase) => {
    expect(classifyRun(p, r).phase).toBe(phase);
  });

  test('a settled NOT_DEPLOYED asks for the error log and names the instance', () => {
    const o = classifyRun(poll('active', true), run('NOT_DEPLOYED'));
    expect(o.wantsErrorLog).toBe(true);
    expect(o.message).toBe('pipeline p is still NOT_DEPLOYED after the deploy ended (instance ls-cn-1 active again)');
    expect(o.details).toEqual({ instanceId: 'ls-cn-1', instanceStatus: 'active', gmtUpdateTime: BEFORE });
  });
});
