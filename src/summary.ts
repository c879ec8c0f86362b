/**
 * The job summary: one table for the step and the provider's message for each failed pipeline.
 */
import * as core from '@actions/core';
import type { StepResult } from './engine.ts';
import { CONCLUSION_MARK, ganttChart, MAX_BARS } from './gantt.ts';
import type { ProviderName } from './providers/registry.ts';
import { cutMessage, escapeControls, MAX_MESSAGE_CHARS, runnerLines } from './output-filter.ts';
import { formatDuration } from './parse.ts';
import { redactSecrets } from './secrets.ts';

/**
 * Every character HTML or Markdown gives a meaning to, as a numeric reference: the text renders as
 * written and can open no tag, link, image, code span, heading or table cell. ('*' stays: inside
 * the summary's HTML blocks Markdown reads no emphasis, and it keeps the redaction mark `***` legible.) Secrets are
 * redacted first (an escaped `&` would hide a password's spelling from the registry), and controls
 * are shown as escapes.
 */
export function inertHtml(text: string): string {
  return escapeControls(redactSecrets(text)).replace(/[&<>"'`|[\]()!#_~\\{}$]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A table cell: one line. A blank line would end the table's HTML block and let what follows render
 * as Markdown, so every line break the text has (CR among them) becomes `<br>`.
 */
export function inertCell(text: string, max = MAX_CELL_CHARS): string {
  return runnerLines(cutMessage(redactSecrets(text), max))
    .map(inertHtml)
    .join('<br>');
}

/** A `<pre>` block's text: lines kept, every character inert; the block ends only at our `</pre>`. */
function inertPre(text: string): string {
  return runnerLines(cutMessage(redactSecrets(text), MAX_MESSAGE_CHARS))
    .map(inertHtml)
    .join('\n');
}

/** A status or name in the table: longer is a hostile server, not a status. */
const MAX_CELL_CHARS = 256;

/** GitHub drops a job summary over 1 MiB whole; this leaves room for the heading and the chart's note. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 16 * 1024;

/** An attribute value in double quotes: its own quote and the HTML-significant characters. */
function escapeAttribute(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Links only web addresses: a provider-supplied `javascript:` or `data:` URL stays plain text. */
function runCell(runId: string, url: string | undefined): string {
  const id = inertCell(runId);
  return url !== undefined && /^https?:\/\/[^\s"'<>`]+$/i.test(url) && url.length <= MAX_URL_CHARS
    ? `<a href="${escapeAttribute(url)}">${id}</a>`
    : id;
}

const MAX_URL_CHARS = 2048;

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
    return [provider, inertCell(r.pipeline), run, inertCell(r.status), `${icon} ${r.conclusion}`, duration];
  });
  const cell = (tag: string) => (c: string) => `<${tag}>${c}</${tag}>`;
  const tr = (cells: string[], tag: string): string => `<tr>${cells.map(cell(tag)).join('')}</tr>`;
  return `<table>${tr(head, 'th')}${rows.map((r) => tr(r, 'td')).join('')}</table>`;
}

/** One block per pipeline that did not succeed, with the provider's message (or its last status). */
export function failureDetails(result: StepResult): string {
  return failureBlocks(result).join('\n');
}

function failureBlocks(result: StepResult): string[] {
  return result.runs
    .filter((r) => ENDED_BADLY.has(r.conclusion))
    .map((r) => {
      const message = r.message ?? `ended with status ${r.status}`;
      return `<details><summary>${inertCell(r.pipeline)}: ${r.conclusion}</summary>\n\n<pre>${inertPre(message)}</pre>\n\n</details>`;
    });
}

/**
 * The blocks that fit in `budget` bytes, in order; the rest are named by a line saying how many
 * were left out and why (every run's id, status and conclusion is still in the table above).
 */
function fitBlocks(blocks: string[], budget: number): string {
  const kept: string[] = [];
  let used = 0;
  for (const b of blocks) {
    const size = Buffer.byteLength(b) + 1;
    if (used + size > budget) break;
    kept.push(b);
    used += size;
  }
  const left = blocks.length - kept.length;
  if (left > 0) kept.push(`<p>${left} more failure message(s) not shown: the job summary is kept under 1 MiB.</p>`);
  return kept.join('\n');
}

/** The table, cut to whole rows with a line saying so when it alone would pass the summary's limit. */
function fitTable(provider: ProviderName, result: StepResult, budget: number): string {
  const table = summaryTable(provider, result);
  if (Buffer.byteLength(table) <= budget) return table;
  const rowBytes = Buffer.byteLength(table) / Math.max(result.runs.length, 1);
  const keep = Math.max(1, Math.floor((budget * 0.9) / rowBytes));
  const shown = summaryTable(provider, { ...result, runs: result.runs.slice(0, keep) });
  return `${shown}\n\n<p>${result.runs.length - keep} more run(s) not shown: the job summary is kept under 1 MiB (the \`runs\` output lists every run).</p>`;
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
  await core.summary.addRaw(summaryMarkdown(provider, result), true).write();
}

/** The whole summary, every part redacted and within MAX_SUMMARY_BYTES. */
export function summaryMarkdown(provider: ProviderName, result: StepResult): string {
  const heading = `<h3>Run Pipelines: ${result.conclusion}</h3>`;
  const table = redactSecrets(fitTable(provider, result, MAX_SUMMARY_BYTES / 2));
  const chart = redactSecrets(timeline(result));
  // With logs-dir: where the runs' whole logs are, for the artifact upload that follows.
  const note = result.logsNote === undefined ? '' : `<p>${inertNote(result.logsNote)}</p>`;
  const budget = MAX_SUMMARY_BYTES - Buffer.byteLength(heading + table + chart + note) - 16;
  const details = redactSecrets(fitBlocks(failureBlocks(result), budget));
  // Blank lines between the parts: each HTML block ends there, so the chart's fence is Markdown again.
  return `${[heading, table, chart, details, note].filter((part) => part !== '').join('\n\n')}\n`;
}

/** A note of ours whose `code` spans name remote or user text: each span in <code>, every part inert. */
function inertNote(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${inertHtml(part)}</code>` : inertHtml(part)))
    .join('');
}

/** The step's failure text: one line per pipeline that did not succeed; undefined when all did. */
export function failureText(result: StepResult): string | undefined {
  if (result.conclusion === 'success' || result.conclusion === 'triggered' || result.conclusion === 'skipped') return undefined;
  const fine = new Set(['success', 'triggered', 'skipped']);
  const failed = result.runs.filter((r) => !fine.has(r.conclusion));
  const lines = failed.map((r) => `${r.pipeline}: ${r.conclusion}${r.message ? ` — ${r.message}` : ''}`);
  return `${failed.length} of ${result.runs.length} pipeline(s) did not succeed (${result.conclusion}):\n${lines.join('\n')}`;
}
