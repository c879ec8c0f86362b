/**
 * `dry-run`: inputs are already validated by the time this runs. Checks the credentials with a
 * read-only call where the provider has one, then prints each request the trigger would send.
 * Shared by the action and the CLI.
 */
import { realClock } from './clock.ts';
import type { CommonSettings } from './inputs.ts';
import type { Logger } from './log.ts';
import type { Provider, RequestPreview, TriggerOutcome } from './providers/types.ts';

/** `resumed`: with the `runs` input, the runs the step would wait for; nothing would be triggered. */
export async function dryRun(
  provider: Provider,
  pipelines: string[],
  log: Logger,
  resumed?: TriggerOutcome[],
  settings?: Pick<CommonSettings, 'if-running' | 'poll-interval' | 'timeout'>,
): Promise<RequestPreview[]> {
  if (provider.verify) {
    await provider.verify(pipelines);
    log.info('[dry-run] read-only check passed: the credentials are accepted');
  } else {
    log.info(`[dry-run] ${provider.name} has no read-only call to check credentials with; inputs are valid`);
  }
  if (resumed) {
    for (const o of resumed)
      log.info(`[dry-run] ${o.pipeline}: would wait for ${o.run ? `run ${o.run.runId}` : 'nothing (not started)'}`);
    return [];
  }
  const mode = settings?.['if-running'] ?? 'start';
  if (settings && mode !== 'start') {
    // A read: the runs in progress and what the mode would do with each.
    const { previewIfRunning } = await import('./if-running.ts');
    const deadline = realClock.now() + settings.timeout;
    const pollIntervalMs = settings['poll-interval'];
    await previewIfRunning({ provider, pipelines, mode, clock: realClock, log, pollIntervalMs, deadline });
  }
  const previews = await provider.preview(pipelines);
  for (const p of previews) log.info(describePreview(p));
  return previews;
}

/** `[dry-run] name: METHOD url`, then the body (already redacted by the provider) indented below. */
export function describePreview(p: RequestPreview): string {
  const body = p.body ? `\n${p.body.replace(/^/gm, '    ')}` : '';
  return `[dry-run] ${p.pipeline}: ${p.method} ${p.url}${body}`;
}
