/**
 * The job summary as GitHub reads it: split into blocks by a real CommonMark/GFM lexer (marked,
 * which mermaid brings into node_modules; GitHub's cmark-gfm follows the same HTML-block rules), then
 * checked for anything remote text could have added. The summary is HTML blocks and one mermaid code
 * block only: any paragraph, heading, image, link, list or table row that Markdown made is foreign,
 * and so is any tag in the HTML that the summary does not write itself.
 */
import { marked, type Token } from 'marked';

/** Tags the summary itself writes; any other came from remote text. */
const OURS = new Set(['h3', 'table', 'tr', 'th', 'td', 'a', 'br', 'details', 'summary', 'pre', 'p', 'sub']);

function tags(html: string): string[] {
  return [...html.matchAll(/<\/?\s*([a-zA-Z][\w-]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

/** What a summary shows beyond its own structure: foreign blocks or tags, extra rows, links or headings. */
export function summaryProblems(markdown: string, runs: number, links?: number): string[] {
  const problems: string[] = [];
  const html: string[] = [];
  for (const token of marked.lexer(markdown, { gfm: true }) as Token[]) {
    if (token.type === 'html') html.push(token.raw);
    else if (token.type === 'code' && token.lang === 'mermaid') continue;
    // The chart's own note under it ("Timeline of 40 of 600 runs…"): inline HTML, so a paragraph.
    else if (token.type === 'paragraph' && /^<sub>Timeline of \d+ of \d+ runs[^<]*<\/sub>\s*$/.test(token.raw))
      html.push(token.raw);
    else if (token.type !== 'space') problems.push(`a Markdown ${token.type}: ${token.raw.slice(0, 60)}`);
  }
  const all = tags(html.join('\n'));
  for (const t of all) if (!OURS.has(t)) problems.push(`tag <${t}>`);
  const opening = (t: string): number => [...html.join('\n').matchAll(new RegExp(`<${t}[\\s>]`, 'g'))].length;
  if (opening('table') !== 1) problems.push(`${opening('table')} tables`);
  if (opening('tr') !== runs + 1) problems.push(`${opening('tr') - 1} rows for ${runs} runs`);
  if (opening('td') !== runs * 6) problems.push(`${opening('td')} cells for ${runs} runs`);
  if (links !== undefined && opening('a') !== links) problems.push(`${opening('a')} links, not ${links}`);
  if (opening('h3') !== 1) problems.push(`${opening('h3')} headings`);
  return problems;
}
