/**
 * Feldera's combined deployment status → the engine's phases. A start changes the *desired* state;
 * the wait ends when the actual state equals the requested one, or when Feldera records a
 * deployment error and forces the desired state back to Stopped. A start on a pipeline that is
 * already deployed changes nothing, so a desired state other than the one asked for ends the wait too.
 */
import type { Observation } from '../types.ts';
import type { PipelineStatus } from './schemas.ts';

/** The CombinedStatus values Feldera passes through on its way to a target (combined_status.rs). */
const KNOWN = new Set([
  'Stopped',
  'Provisioning',
  'Unavailable',
  'Coordination',
  'Standby',
  'AwaitingApproval',
  'Initializing',
  'Bootstrapping',
  'ConcurrentBootstrapping',
  'Synchronizing',
  'Replaying',
  'Paused',
  'Running',
  'Suspended',
  'Stopping',
]);

/** Desired statuses a deployment settles in: one of them other than the target means the start was a no-op. */
const SETTLED_DESIRED = new Set(['Running', 'Paused', 'Standby']);

const COMPILING = new Set(['Pending', 'CompilingSql', 'SqlCompiled', 'CompilingRust']);
export const COMPILE_FAILED = new Set(['SqlError', 'RustError', 'SystemError']);

export type FelderaTarget = 'Running' | 'Paused' | 'Standby';
export type FelderaOperation = 'start' | 'activate';

/** What a Feldera observation adds to the run's entry in the `runs` output. */
export interface FelderaDetails {
  deploymentStatus: string;
  desiredStatus: string;
  programStatus: string;
  deploymentId: string | null;
  /** `deployment_runtime_status_details.reason`, where the pipeline gives one (Unavailable, Initializing). */
  reason?: string;
}

/** Always with details: the adapter reads `programStatus` to decide whether to fetch the compiler's errors. */
export type FelderaObservation = Observation<FelderaDetails> & { details: FelderaDetails };

export function classifyPipeline(
  p: PipelineStatus,
  target: FelderaTarget,
  operation: FelderaOperation = 'start',
): FelderaObservation {
  const status = p.deployment_status;
  const desired = p.deployment_desired_status;
  const details: FelderaDetails = {
    deploymentStatus: status,
    desiredStatus: desired,
    programStatus: p.program_status,
    deploymentId: p.deployment_id ?? null,
  };
  const reason = runtimeReason(p.deployment_runtime_status_details);
  if (reason !== undefined) details.reason = reason;
  if (p.deployment_error && desired === 'Stopped') {
    const e = p.deployment_error;
    return { status, phase: 'failure', message: `${e.error_code}: ${e.message}${compilerError(e.details)}`, details };
  }
  if (sameStatus(status, target)) return { status, phase: 'success', details };
  if (status === 'AwaitingApproval') {
    // The adapter adds the warning naming the changes (report.ts describeApproval, read with zod on demand).
    return { status, phase: 'success', details };
  }
  if (desired === 'Stopped') {
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
  if (deployedElsewhere(desired, target, operation)) {
    return { status, phase: 'failure', message: alreadyDeployed(p.name, status, desired, target), details };
  }
  const observation: FelderaObservation = { status, phase: 'pending', progress: progressText(p, reason), details };
  // A status added by a newer Feldera: keep waiting (the timeout bounds it), and say so.
  if (!KNOWN.has(status)) observation.warning = unknownStatusWarning(status, target);
  return observation;
}

export function isKnownStatus(status: string): boolean {
  return KNOWN.has(status);
}

export function sameStatus(status: string, target: FelderaTarget): boolean {
  return status.toLowerCase() === target.toLowerCase();
}

/**
 * The pipeline's desired state is a settled one other than the target: the start found it deployed
 * and changed nothing. Right after /activate the desired state may still read Standby for a moment.
 */
function deployedElsewhere(desired: string, target: FelderaTarget, operation: FelderaOperation): boolean {
  if (!SETTLED_DESIRED.has(desired) || desired === target) return false;
  return !(operation === 'activate' && desired === 'Standby');
}

/** Why a deployed pipeline did not move, and the call that would move it; nothing is changed unasked. */
export function alreadyDeployed(name: string, status: string, desired: string, target: FelderaTarget): string {
  return `${name} is already deployed and ${status} (desired ${desired}); a start does not change the runtime state of a deployed pipeline, so it was left as it is: ${nextStep(name, desired, target)}`;
}

/** The call that moves a pipeline deployed toward `desired` to `target`, or "stop it first". */
export function nextStep(name: string, desired: string, target: FelderaTarget): string {
  const path = `/v0/pipelines/${name}`;
  const stopFirst = `stop it first (POST ${path}/stop?force=true), then start it again`;
  if (target === 'Running' && desired === 'Paused') return `resume it (POST ${path}/resume) or ${stopFirst}`;
  if (target === 'Paused' && desired === 'Running') return `pause it (POST ${path}/pause) or ${stopFirst}`;
  if (desired === 'Standby') return `activate it (operation: activate, POST ${path}/activate) or ${stopFirst}`;
  return stopFirst;
}

export function unknownStatusWarning(status: string, target: FelderaTarget): string {
  return `unknown deployment status '${status}' (not a Feldera CombinedStatus this action knows): still waiting for ${target}, up to the timeout`;
}

function progressText(p: PipelineStatus, reason: string | undefined): string {
  if (COMPILING.has(p.program_status)) return `program ${p.program_status}, will start once compiled`;
  return `desired ${p.deployment_desired_status}${reason === undefined ? '' : `; reason: ${reason}`}`;
}

/** Longest reason shown: it is the pipeline's free text (runtime_status.rs `RuntimeStatusDetails.reason`). */
const MAX_REASON = 300;

/** `deployment_runtime_status_details.reason` (feldera-types runtime_status.rs), read without zod: it is polled. */
export function runtimeReason(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const reason = (details as Record<string, unknown>)['reason'];
  if (typeof reason !== 'string' || reason.trim() === '') return undefined;
  // One line: it goes into a progress line (and the `runs` output).
  const text = reason.trim().replace(/\s+/g, ' ');
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}

function compilerError(details: unknown): string {
  if (typeof details !== 'object' || details === null) return '';
  const text = (details as Record<string, unknown>)['compiler_error'];
  return typeof text === 'string' && text !== '' ? `\n${text}` : '';
}
