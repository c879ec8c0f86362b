/**
 * A short text rendering of a step's job summary for a terminal (the demo): the heading, the table
 * as aligned columns, the timeline's bars drawn with characters, and one line per failure detail.
 * It reads only what summary.ts writes; anything else is skipped.
 */

const WIDTH = 40;

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

function table(html: string): string[] {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...(r[1] ?? '').matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1] ?? '')),
  );
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return rows.map((r) =>
    r
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length))
      .join('  ')
      .trimEnd(),
  );
}

interface Bar {
  text: string;
  start: number;
  end: number;
  stage: boolean;
}

/** Bars of the gantt block: `text :tags, id, start, end` with epoch-millisecond times. */
function bars(chart: string): string[] {
  const found: Bar[] = [];
  for (const line of chart.split('\n')) {
    const m = /^\s{4}(.+?) :(?:[a-z, ]*?, )?(r\d+(?:s\d+)?), (\d+), (\d+)$/.exec(line);
    if (m) found.push({ text: (m[1] ?? '').trim(), start: Number(m[3]), end: Number(m[4]), stage: (m[2] ?? '').includes('s') });
  }
  if (found.length === 0) return [];
  const t0 = Math.min(...found.map((b) => b.start));
  const span = Math.max(1, Math.max(...found.map((b) => b.end)) - t0);
  const nameWidth = Math.min(48, Math.max(...found.map((b) => [...b.text].length)));
  return found.map((b) => {
    const from = Math.round(((b.start - t0) / span) * WIDTH);
    const to = Math.max(from + 1, Math.round(((b.end - t0) / span) * WIDTH));
    const name = [...b.text].slice(0, nameWidth).join('');
    const bar = `${' '.repeat(from)}${(b.stage ? '-' : '=').repeat(to - from)}`.padEnd(WIDTH);
    return `${name}${' '.repeat(nameWidth - [...name].length)} |${bar}| ${((b.end - b.start) / 1000).toFixed(1)}s`;
  });
}

export function summaryText(summary: string): string {
  const out: string[] = [];
  const heading = /<h3>([\s\S]*?)<\/h3>/.exec(summary)?.[1];
  if (heading) out.push(decode(heading));
  const tableHtml = /<table>[\s\S]*?<\/table>/.exec(summary)?.[0];
  if (tableHtml) out.push(...table(tableHtml));
  const chart = /```mermaid\n([\s\S]*?)\n```/.exec(summary)?.[1];
  if (chart) out.push('timeline (trigger to end; stages as -):', ...bars(chart));
  for (const d of summary.matchAll(/<details><summary>([\s\S]*?)<\/summary>\s*<pre>([\s\S]*?)<\/pre>/g)) {
    out.push(`${decode(d[1] ?? '')}: ${decode(d[2] ?? '').split('\n')[0] ?? ''}`);
  }
  return out.join('\n');
}
