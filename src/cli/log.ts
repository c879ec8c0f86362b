/**
 * The CLI's human log, on stderr (stdout carries only the JSON result). Off a GitHub runner it is
 * plain text with no `::` workflow commands; on a runner, warnings and errors become annotations
 * there too. Every registered secret is replaced by `***` before anything is written.
 */
import type { Logger } from '../log.ts';
import { neutralizeCommands, writeInertBlock } from '../log.ts';
import { redactSecrets, rememberSecret } from '../secrets.ts';

/**
 * Registers a secret in the process's one registry (src/secrets.ts), which every printed and written
 * text goes through; inside a GitHub job the runner is told to mask it too, as core.setSecret does.
 */
export function cliSecret(write: (text: string) => void, onRunner: boolean): (value: string) => void {
  return (value) => {
    if (value === '' || !rememberSecret(value) || !onRunner) return;
    write(`::add-mask::${escapeData(value)}\n`);
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
  const line = (text: string): void => o.write(`${redactSecrets(o.onRunner ? neutralizeCommands(text) : text)}\n`);
  const annotate =
    (kind: 'notice' | 'warning' | 'error') =>
    (text: string, title?: string): void => {
      const clean = redactSecrets(text);
      if (!o.onRunner) return line(`${kind}: ${title === undefined ? '' : `${title}: `}${clean}`);
      const props = title === undefined ? '' : ` title=${escapeProperty(redactSecrets(title))}`;
      o.write(`::${kind}${props}::${escapeData(clean)}\n`);
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
      write(`--- ${redactSecrets(title)}`);
      for (const l of clean) write(`  ${l}`);
      write('---');
    },
  };
}
