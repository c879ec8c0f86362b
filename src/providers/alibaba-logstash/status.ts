/**
 * Instance and pipeline states → the engine's phases. Deploying restarts the Logstash cluster
 * (`active → activating → active`), and RunPipelines returns before the restart begins, so a stale
 * `active` + `RUNNING` can be read right after the call. Success therefore needs evidence that
 * this deploy happened: the instance was seen leaving `active`, or the pipeline's update time moved.
 */
import type { Observation } from '../types.ts';
import type { PipelineItem } from './schemas.ts';

export interface PollView {
  instanceId: string;
  instanceStatus: string;
  /** The instance was seen in another state than `active` since the trigger. */
  leftActive: boolean;
  /**
   * The deploy is over: the instance came back to `active`, or a pipeline of this deploy showed
   * RUNNING with a new update time (one restart deploys them all, so it cannot be half done).
   */
  settled: boolean;
}

export interface RunView {
  pipeline: string;
  item: PipelineItem | undefined;
  /** The pipeline's `gmtUpdateTime` just before the trigger. */
  updatedBefore: string | undefined;
  /** Its status just before the trigger (absent in handles of older versions). */
  statusBefore?: string | undefined;
}

/** What a Logstash observation adds to the run's entry in the `runs` output. */
export interface LogstashDetails {
  instanceId: string;
  instanceStatus: string;
  gmtUpdateTime: string | null;
}

/** Needs the instance's error log appended to its message. */
export type Classified = Observation<LogstashDetails> & { wantsErrorLog?: boolean };

const FROZEN: Record<string, string> = {
  inactive: 'inactive (frozen, e.g. an overdue payment)',
  invalid: 'invalid (expired or released)',
};

export function classifyRun(poll: PollView, run: RunView): Classified {
  const { item } = run;
  const status = item?.pipelineStatus ?? 'MISSING';
  const details: LogstashDetails = {
    instanceId: poll.instanceId,
    instanceStatus: poll.instanceStatus,
    gmtUpdateTime: item?.gmtUpdateTime ?? null,
  };
  const frozen = FROZEN[poll.instanceStatus];
  if (frozen !== undefined) {
    return { status, phase: 'failure', details, message: `instance ${poll.instanceId} became ${frozen}` };
  }
  if (item === undefined || status === 'DELETED') {
    return {
      status,
      phase: 'failure',
      details,
      message: `pipeline ${run.pipeline} no longer exists on instance ${poll.instanceId}`,
    };
  }
  if (poll.instanceStatus !== 'active') {
    return { status, phase: 'pending', details, progress: `instance ${poll.instanceStatus}` };
  }
  const updated = isUpdated(run);
  if (!poll.leftActive && !updated) {
    return { status, phase: 'pending', details, progress: 'instance active, waiting for the deploy to begin' };
  }
  if (status === 'RUNNING') return { status, phase: 'success', details };
  if (status === 'NOT_DEPLOYED') {
    // A new update time alone may mark the deploy's start, not its end.
    if (!poll.settled) return { status, phase: 'pending', details, progress: 'instance active, deploy recorded' };
    return {
      status,
      phase: 'failure',
      details,
      wantsErrorLog: true,
      message:
        `pipeline ${run.pipeline} is still NOT_DEPLOYED after the deploy ended (instance ${poll.instanceId} active again)` +
        (run.statusBefore !== undefined ? `; it was ${run.statusBefore} before the deploy` : ''),
    };
  }
  return { status, phase: 'failure', details, message: `unknown pipeline status '${status}' (expected RUNNING or NOT_DEPLOYED)` };
}

export function isUpdated(run: RunView): boolean {
  const t = run.item?.gmtUpdateTime;
  return t !== undefined && t !== run.updatedBefore;
}
