/** `run-pipelines --help`, generated from action.yml so it lists every input a provider adds. */
import { envNameFor, looksSecret } from './args.ts';
import type { Manifest } from './manifest.ts';

const USAGE = `Usage: run-pipelines --provider NAME --pipeline-ids ID[,ID…] [--flag value …]

Triggers pipelines and waits for them, like the GitHub Action of the same name. Every action input
is a flag of the same name (--name value, --name=value; a bare --name means true, --no-name false).
Each can also come from an environment variable RUN_PIPELINES_<NAME> (e.g. RUN_PIPELINES_API_KEY):
put secrets there, not on the command line. Each provider's own variables work too (see the README).

The result is JSON on stdout (the action's outputs: conclusion, runs, run-ids, status, …); the log
goes to stderr. Exit code: 0 success or triggered, 1 failure, 2 bad usage or input, 124 timed out,
130 cancelled.
`;

function wrap(text: string, width: number, indent: string): string {
  const words = text.replace(/\s+/g, ' ').split(' ');
  const lines: string[] = [];
  let current = '';
  for (const w of words) {
    if (current !== '' && current.length + w.length + 1 > width) {
      lines.push(current);
      current = w;
    } else current = current === '' ? w : `${current} ${w}`;
  }
  if (current !== '') lines.push(current);
  return lines.map((l) => `${indent}${l}`).join('\n');
}

export function helpText(manifest: Manifest): string {
  const flags = manifest.inputs.map((i) => {
    const notes = [
      i.required ? 'required' : undefined,
      i.default !== undefined ? `default ${i.default}` : undefined,
      looksSecret(i.name) ? `secret: use ${envNameFor(i.name)}` : undefined,
    ].filter((n) => n !== undefined);
    const head = `  --${i.name}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`;
    return `${head}\n${wrap(i.description, 90, '      ')}`;
  });
  return `${USAGE}\nFlags:\n${flags.join('\n')}\n  --help\n      this text\n  --version\n      the version of run-pipelines, alone on stdout\n`;
}
