/**
 * Whether `operation: activate` sends `/activate`, from the pipeline's status read just before.
 *
 * The manager forwards `/activate` to any provisioned pipeline (pipeline_interaction.rs
 * `post_pipeline_activate`), and the pipeline allows Standby → Running/Paused but also Running ↔ Paused
 * (feldera-types runtime_status.rs `may_transition_to`): sent to a live pipeline it would pause or resume
 * it, and sent to a stopped one it answers 503 PipelineInteractionNotDeployed through a minute of
 * retries. So only a pipeline in Standby is activated; one already headed for the target counts as
 * activated; any other is refused naming the call that would do what was meant.
 */
import type { FelderaTarget } from './status.ts';

export type ActivateDecision =
  | { kind: 'activate' }
  /** Already in (or headed for) the target: nothing is sent, and the wait confirms it. */
  | { kind: 'already'; text: string }
  | { kind: 'refuse'; text: string };

export function decideActivate(
  name: string,
  state: { status: string; desired: string },
  target: FelderaTarget,
): ActivateDecision {
  const { status, desired } = state;
  const path = `/v0/pipelines/${name}`;
  const where = `${name} is ${status} (desired ${desired})`;
  const stopFirst = `stop it first (POST ${path}/stop?force=true), then start it with initial: standby`;
  if (desired === target && status !== 'Stopped' && status !== 'Stopping') {
    return { kind: 'already', text: `${where}: it has left standby already, so it was not activated again` };
  }
  if (status === 'Standby' && desired === 'Standby') return { kind: 'activate' };
  if (desired === 'Standby') {
    return {
      kind: 'refuse',
      text: `${where}: it is not in Standby yet, and only a pipeline in Standby is activated; wait until it is (a start with initial: standby waits for it), then activate it`,
    };
  }
  if (desired === 'Stopped') {
    return {
      kind: 'refuse',
      text: `${where}: it is not deployed, so there is nothing to activate; start it (operation: start, with initial: standby to activate it later)`,
    };
  }
  if (desired === 'Running' || desired === 'Paused') {
    const call = target === 'Running' ? `resume it (POST ${path}/resume)` : `pause it (POST ${path}/pause)`;
    return {
      kind: 'refuse',
      text: `${where}: it has left standby already, and activate would ${target === 'Running' ? 'resume' : 'pause'} it; to do that, ${call}, or ${stopFirst}`,
    };
  }
  return { kind: 'refuse', text: `${where}: only a pipeline in Standby is activated; ${stopFirst}` };
}
