/**
 * The CLI's human log, on stderr (stdout carries only the JSON result). Off a GitHub runner it is
 * plain text with no `::` workflow commands; on a runner, warnings and errors become annotations
 * there too. Every registered secret is replaced by `***` before anything is written, and every
 * line goes through the action's filter (src/output-filter.ts) on a runner and off it alike: a
 * terminal obeys ESC, BEL, CR and C1 controls (window title, clipboard via OSC 52, a rewritten
 * line), so remote text reaches it with each of them shown as a visible escape.
 */
import type { Logger } from '../log.ts';
import { annotationText, safeText, writeInertBlock } from '../log.ts';
import { blockLines } from '../output-filter.ts';
import { redactSecrets, rememberSecret, secretSpellings } from '../secrets.ts';

/**
 * Registers a secret in the process's one registry (src/secrets.ts), which every printed and written
 * text goes through; inside a GitHub job the runner is told to mask it too, as core.setSecret does.
 */
export function cliSecret(write: (text: string) => void, onRunner: boolean): (value: string) => void {
  return (value) => {
    if (value === '' || !rememberSecret(value) || !onRunner) return;
    for (const form of secretSpellings(value)) write(`::add-mask::${escapeData(form)}\n`);
  };
}

/** Escaping of the runner's command format, for the message and for property values. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface CliLogOptions {
  write: (text: string) => void;
  onRunner: boolean;
  verbose: boolean;
}

export function cliLogger(o: CliLogOptions): Logger {
  const line = (text: string): void => o.write(`${safeText(text)}\n`);
  const annotate =
    (kind: 'notice' | 'warning' | 'error') =>
    (text: string, title?: string): void => {
      if (!o.onRunner) return line(`${kind}: ${title === undefined ? '' : `${title}: `}${text}`);
      const props = title === undefined ? '' : ` title=${escapeProperty(safeText(title))}`;
      o.write(`::${kind}${props}::${escapeData(annotationText(text))}\n`);
    };
  return {
    info: line,
    debug: (text) => (o.verbose ? line(`debug: ${text}`) : undefined),
    notice: annotate('notice'),
    warning: annotate('warning'),
    error: annotate('error'),
    block: (title, lines) => {
      const clean = lines.map((l) => redactSecrets(l));
      const write = (text: string): void => o.write(`${text}\n`);
      if (o.onRunner) return writeInertBlock(write, redactSecrets(title), clean);
      write(`--- ${safeText(title)}`);
      for (const l of blockLines(clean)) write(`  ${safeText(l)}`);
      write('---');
    },
  };
}
