/**
 * The job summary: one table for the step and the provider's message for each failed pipeline.
 */
import * as core from '@actions/core';
import type { StepResult } from './engine.ts';
import { CONCLUSION_MARK, ganttChart, MAX_BARS } from './gantt.ts';
import type { ProviderName } from './providers/registry.ts';
import { formatDuration } from './parse.ts';
import { redactSecrets } from './secrets.ts';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Links only web addresses: a provider-supplied `javascript:` or `data:` URL stays plain text. */
function runCell(runId: string, url: string | undefined): string {
  const id = escapeHtml(runId);
  return url !== undefined && /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${id}</a>` : id;
}

/** The handle's link, or one the provider reported while polling (as in the `runs` output). */
function runUrl(r: StepResult['runs'][number]): string | undefined {
  return r.handle?.url ?? r.url;
}

const ENDED_BADLY = new Set(['failure', 'timed_out', 'cancelled']);

export function summaryTable(provider: ProviderName, result: StepResult): string {
  const head = ['Provider', 'Pipeline', 'Run', 'Status', 'Conclusion', 'Duration'];
  const rows = result.runs.map((r) => {
    const run = r.handle ? runCell(r.handle.runId, runUrl(r)) : '—';
    const duration = r.finishedAt === undefined ? '—' : formatDuration(r.finishedAt - r.startedAt);
    const icon = CONCLUSION_MARK[r.conclusion] ?? '';
    return [provider, escapeHtml(r.pipeline), run, escapeHtml(r.status), `${icon} ${r.conclusion}`, duration];
  });
  const cell = (tag: string) => (c: string) => `<${tag}>${c}</${tag}>`;
  const tr = (cells: string[], tag: string): string => `<tr>${cells.map(cell(tag)).join('')}</tr>`;
  return `<table>${tr(head, 'th')}${rows.map((r) => tr(r, 'td')).join('')}</table>`;
}

/** One block per pipeline that did not succeed, with the provider's message (or its last status). */
export function failureDetails(result: StepResult): string {
  return result.runs
    .filter((r) => ENDED_BADLY.has(r.conclusion))
    .map((r) => {
      const message = r.message ?? `ended with status ${r.status}`;
      return `<details><summary>${escapeHtml(r.pipeline)}: ${r.conclusion}</summary>\n\n<pre>${escapeHtml(message)}</pre>\n\n</details>`;
    })
    .join('\n');
}

/** The timeline chart, with a note when it shows only some of the runs; '' when nothing ended. */
export function timeline(result: StepResult): string {
  const chart = ganttChart(`Run Pipelines (${result.conclusion})`, result.runs);
  if (chart === undefined) return '';
  const note =
    chart.shown < chart.total
      ? `\n\n<sub>Timeline of ${chart.shown} of ${chart.total} runs (more than ${MAX_BARS}): the failed and the slowest.</sub>`
      : '';
  return `${chart.text}${note}`;
}

/**
 * Writes the summary; quietly does nothing where the runner gives no summary file. The file is kept
 * as written (the runner's masking does not apply to it), so all of it goes through the secret registry.
 */
export async function writeSummary(provider: ProviderName, result: StepResult): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  const summary = core.summary
    .addHeading(redactSecrets(`Run Pipelines: ${result.conclusion}`), 3)
    .addRaw(redactSecrets(summaryTable(provider, result)), true)
    .addRaw(redactSecrets(timeline(result)), true)
    .addRaw(redactSecrets(failureDetails(result)), true);
  // With logs-dir: where the runs' whole logs are, for the artifact upload that follows.
  if (result.logsNote !== undefined) summary.addRaw(redactSecrets(escapeHtml(result.logsNote)), true);
  await summary.write();
}

/** The step's failure text: one line per pipeline that did not succeed; undefined when all did. */
export function failureText(result: StepResult): string | undefined {
  if (result.conclusion === 'success' || result.conclusion === 'triggered') return undefined;
  const failed = result.runs.filter((r) => r.conclusion !== 'success' && r.conclusion !== 'triggered');
  const lines = failed.map((r) => `${r.pipeline}: ${r.conclusion}${r.message ? ` — ${r.message}` : ''}`);
  return `${failed.length} of ${result.runs.length} pipeline(s) did not succeed (${result.conclusion}):\n${lines.join('\n')}`;
}
