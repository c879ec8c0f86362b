/**
 * A run's status (ShowPipelineRunDetail) → the engine's phases. Only the enum values are documented,
 * not the transitions, so unknown values keep the wait going with a warning and the timeout ends it.
 */
import type { Observation } from '../types.ts';
import type { PipelineLatestRun, RunDetail, StageRun } from './schemas.ts';

const SUCCESS = new Set(['COMPLETED']);
/** IGNORED means the run was never executed: failing is the safer reading. */
const FAILURE = new Set(['FAILED', 'CANCELED', 'ASYNC_FAILED', 'IGNORED']);
const RUNNING = new Set(['RUNNING', 'INIT', 'QUEUED', 'REDISPATCH', 'ASYNC_RUNNING']);
/** Waiting on a person or a timer (manual review, delay step): still in progress. */
const WAITING = new Set(['PAUSED', 'SUSPEND']);
const STAGE_FAILED = new Set(['FAILED', 'ASYNC_FAILED']);

/** What a CodeArts observation adds to the run's entry in the `runs` output (its link is the observation's `url`). */
export interface CodeArtsDetails {
  runNumber?: number;
}

type CodeArtsObservation = Observation<CodeArtsDetails>;

export function classifyRun(run: RunDetail): CodeArtsObservation {
  const status = run.status;
  const details = runDetails(run);
  const url = run.detail_url ? { url: run.detail_url } : {};
  if (SUCCESS.has(status)) return { status, phase: 'success', ...url, details };
  if (FAILURE.has(status)) return { status, phase: 'failure', message: failureMessage(run), ...url, details };
  const active = activeStage(run.stages ?? []);
  const where = active?.name ?? undefined;
  const progress = active ? { progress: progressText(active) } : {};
  if (WAITING.has(status)) {
    const at = where ? ` at stage '${where}'` : '';
    return {
      status,
      phase: 'pending',
      ...url,
      details,
      ...progress,
      warning: `run ${run.id ?? ''} is ${status}${at}, waiting for a manual review or delay step; still waiting (bounded by timeout)`,
    };
  }
  if (RUNNING.has(status)) return { status, phase: 'pending', ...url, details, ...progress };
  return {
    status,
    phase: 'pending',
    ...url,
    details,
    ...progress,
    warning: `unknown run status '${status}' (expected COMPLETED, RUNNING, FAILED, CANCELED, PAUSED, SUSPEND or IGNORED); still waiting`,
  };
}

/**
 * One of our runs as the batch status call reports it, or undefined when its run detail must be read
 * instead: the pipeline never ran or its latest run is not ours (someone started a newer one), the
 * entry has no status, or the run failed (only the detail names the failed job and step).
 */
export function classifyLatestRun(entry: PipelineLatestRun | undefined, runId: string): CodeArtsObservation | undefined {
  if (entry?.pipeline_run_id !== runId || !entry.status || FAILURE.has(entry.status)) return undefined;
  return classifyRun(latestAsDetail(entry, entry.status));
}

/** The entry in the run detail's shape, its stages without jobs, in pipeline order. */
function latestAsDetail(entry: PipelineLatestRun, status: string): RunDetail {
  const stages = [...(entry.stage_status_list ?? [])].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  return {
    id: entry.pipeline_run_id,
    status,
    detail_url: entry.detail_url,
    run_number: entry.run_number,
    stages: stages.map((s) => ({ name: s.name, status: s.status })),
  };
}

function runDetails(run: RunDetail): CodeArtsDetails {
  return run.run_number !== undefined && run.run_number !== null ? { runNumber: run.run_number } : {};
}

function isActive(status: string | null | undefined): boolean {
  return status !== undefined && status !== null && (RUNNING.has(status) || WAITING.has(status));
}

function activeStage(stages: StageRun[]): StageRun | undefined {
  return stages.find((s) => isActive(s.status));
}

/** `stage Build / job compile RUNNING`: the stage and its active jobs (parallel jobs joined with commas). */
function progressText(stage: StageRun): string {
  const jobs = (stage.jobs ?? []).filter((j) => isActive(j.status)).map((j) => `${j.name ?? '?'} ${j.status ?? ''}`.trim());
  return `stage ${stage.name ?? '?'}${jobs.length > 0 ? ` / job ${jobs.join(', ')}` : ''}`;
}

/** Names the failed stage, job and step with the step's or job's own message. */
export function failureMessage(run: RunDetail): string {
  const lines: string[] = [];
  for (const s of run.stages ?? []) {
    for (const j of s.jobs ?? []) {
      if (!STAGE_FAILED.has(j.status ?? '')) continue;
      const failedSteps = (j.steps ?? []).filter((st) => STAGE_FAILED.has(st.status ?? ''));
      const stepPart = failedSteps.length > 0 ? ` / step '${failedSteps.map((st) => st.name ?? '?').join("', '")}'` : '';
      const why = failedSteps.find((st) => st.message)?.message ?? j.message;
      lines.push(`stage '${s.name ?? '?'}' / job '${j.name ?? '?'}'${stepPart} failed${why ? `: ${why}` : ''}`);
    }
    if (STAGE_FAILED.has(s.status ?? '') && !lines.some((l) => l.startsWith(`stage '${s.name ?? '?'}'`))) {
      lines.push(`stage '${s.name ?? '?'}' failed`);
    }
  }
  if (lines.length > 0) return `run ${run.status}: ${lines.join('; ')}`;
  if (run.status === 'CANCELED') return 'run CANCELED: the run was stopped before it finished';
  if (run.status === 'IGNORED') return 'run IGNORED: the run was not executed';
  return `run ended with status ${run.status}`;
}
