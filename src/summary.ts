/**
 * The job summary: one table for the step and the provider's message for each failed pipeline.
 */
import * as core from '@actions/core';
import type { StepResult } from './engine.ts';
import type { ProviderName } from './inputs.ts';
import { formatDuration } from './parse.ts';

const ICON: Record<string, string> = {
  success: '✅',
  failure: '❌',
  timed_out: '⏱️',
  cancelled: '🚫',
  triggered: '▶️',
  pending: '⏳',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function summaryTable(provider: ProviderName, result: StepResult): string {
  const head = ['Provider', 'Pipeline', 'Run', 'Status', 'Conclusion', 'Duration'];
  const rows = result.runs.map((r) => {
    const id = r.handle ? escapeHtml(r.handle.runId) : '—';
    const run = r.handle?.url ? `<a href="${escapeHtml(r.handle.url)}">${id}</a>` : id;
    const duration = r.finishedAt === undefined ? '—' : formatDuration(r.finishedAt - r.startedAt);
    const icon = ICON[r.conclusion] ?? '';
    return [provider, escapeHtml(r.pipeline), run, escapeHtml(r.status), `${icon} ${r.conclusion}`, duration];
  });
  const cell = (tag: string) => (c: string) => `<${tag}>${c}</${tag}>`;
  const tr = (cells: string[], tag: string): string => `<tr>${cells.map(cell(tag)).join('')}</tr>`;
  return `<table>${tr(head, 'th')}${rows.map((r) => tr(r, 'td')).join('')}</table>`;
}

export function failureDetails(result: StepResult): string {
  return result.runs
    .filter((r) => r.message !== undefined && r.conclusion !== 'success')
    .map(
      (r) =>
        `<details><summary>${escapeHtml(r.pipeline)}: ${r.conclusion}</summary>\n\n<pre>${escapeHtml(r.message ?? '')}</pre>\n\n</details>`,
    )
    .join('\n');
}

/** Writes the summary; quietly does nothing where the runner gives no summary file. */
export async function writeSummary(provider: ProviderName, result: StepResult): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  await core.summary
    .addHeading(`Run Pipelines: ${result.conclusion}`, 3)
    .addRaw(summaryTable(provider, result), true)
    .addRaw(failureDetails(result), true)
    .write();
}
