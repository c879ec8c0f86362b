/** The engine's options and results (src/engine.ts), shared by its parts. */
import type { Clock } from '../clock.ts';
import type { IfRunningMode } from '../inputs.ts';
import type { Logger } from '../log.ts';
import type { LogsMode } from '../remote-logs.ts';
import type { Provider, TriggerOutcome } from '../providers/types.ts';
import type { Conclusion, RunRecord } from '../run-record.ts';

export type { Conclusion, RunRecord } from '../run-record.ts';

export interface StepResult<Data = unknown, Details extends object = object> {
  conclusion: Conclusion;
  runs: RunRecord<Data, Details>[];
  requestId?: string;
  /** With `logs-dir`: where the runs' whole logs were written, for the job summary. */
  logsNote?: string;
}

export interface EngineOptions<Data = unknown, Details extends object = object> {
  provider: Provider<Data, Details>;
  pipelines: string[];
  wait: boolean;
  timeoutMs: number;
  /** The step context's deadline (src/step-context.ts); without it, `timeoutMs` from the engine's start. */
  deadline?: number;
  pollIntervalMs: number;
  cancelOnAbort: boolean;
  clock: Clock;
  log: Logger;
  /** Aborted when the job is cancelled (SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Called once the trigger returned, before waiting: outputs and saved state are written here. */
  onTriggered?: (result: StepResult<Data, Details>) => void;
  /** Called whenever a run reaches its end, so the post step never cancels a finished run. */
  onRunFinished?: (record: RunRecord<Data, Details>) => void;
  /** With the `runs` input: the runs an earlier step started; nothing is triggered, these are waited for. */
  resume?: TriggerOutcome[] | undefined;
  /** Longest time spent cancelling runs after a timeout or abort. */
  cancelBudgetMs?: number;
  heartbeatMs?: number;
  /** The providers' own logs of ended runs (inputs `logs`, `log-lines`); none when absent. */
  logs?: { mode: LogsMode; maxLines: number; dir?: string | undefined };
  /** What to do with runs already in progress (src/if-running.ts); `start` (the default) looks for none. */
  ifRunning?: IfRunningMode;
}
