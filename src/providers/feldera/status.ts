/**
 * Feldera's combined deployment status → the engine's phases. A start changes the *desired* state;
 * the wait ends when the actual state equals the requested one, or when Feldera records a
 * deployment error and forces the desired state back to Stopped.
 */
import type { Observation } from '../types.ts';
import type { PipelineStatus } from './models.ts';

/** States Feldera passes through on its way to the target; anything else not listed here is unknown. */
const TRANSIENT = new Set([
  'Stopped',
  'Provisioning',
  'Unavailable',
  'Coordination',
  'Initializing',
  'Bootstrapping',
  'ConcurrentBootstrapping',
  'Synchronizing',
  'Replaying',
  'Suspended',
  'Stopping',
  'Standby',
  'Paused',
  'Running',
]);

const COMPILING = new Set(['Pending', 'CompilingSql', 'SqlCompiled', 'CompilingRust']);
export const COMPILE_FAILED = new Set(['SqlError', 'RustError', 'SystemError']);

export type FelderaTarget = 'Running' | 'Paused' | 'Standby';

/** What a Feldera observation adds to the run's entry in the `runs` output. */
export interface FelderaDetails {
  deploymentStatus: string;
  desiredStatus: string;
  programStatus: string;
  deploymentId: string | null;
}

/** Always with details: the adapter reads `programStatus` to decide whether to fetch the compiler's errors. */
export type FelderaObservation = Observation<FelderaDetails> & { details: FelderaDetails };

export function classifyPipeline(p: PipelineStatus, target: FelderaTarget): FelderaObservation {
  const status = p.deployment_status;
  const details: FelderaDetails = {
    deploymentStatus: status,
    desiredStatus: p.deployment_desired_status,
    programStatus: p.program_status,
    deploymentId: p.deployment_id ?? null,
  };
  if (p.deployment_error && p.deployment_desired_status === 'Stopped') {
    const e = p.deployment_error;
    return { status, phase: 'failure', message: `${e.error_code}: ${e.message}${compilerError(e.details)}`, details };
  }
  if (status.toLowerCase() === target.toLowerCase()) return { status, phase: 'success', details };
  if (status === 'AwaitingApproval') {
    return {
      status,
      phase: 'success',
      details,
      warning: `${p.name} is awaiting bootstrap approval: approve it (POST /v0/pipelines/${p.name}/approve) or stop it`,
    };
  }
  if (p.deployment_desired_status === 'Stopped') {
    return {
      status,
      phase: 'failure',
      message: `the pipeline was stopped (desired status Stopped) before reaching ${target}`,
      details,
    };
  }
  if (COMPILE_FAILED.has(p.program_status)) {
    return { status, phase: 'failure', message: `program compilation failed (${p.program_status})`, details };
  }
  if (!TRANSIENT.has(status)) {
    return {
      status,
      phase: 'failure',
      message: `unknown deployment status '${status}' (expected a Feldera CombinedStatus)`,
      details,
    };
  }
  return { status, phase: 'pending', progress: progressText(p), details };
}

function progressText(p: PipelineStatus): string {
  if (COMPILING.has(p.program_status)) return `program ${p.program_status}, will start once compiled`;
  return `desired ${p.deployment_desired_status}`;
}

function compilerError(details: unknown): string {
  if (typeof details !== 'object' || details === null) return '';
  const text = (details as Record<string, unknown>)['compiler_error'];
  return typeof text === 'string' && text !== '' ? `\n${text}` : '';
}
