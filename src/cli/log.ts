/**
 * The CLI's human log, on stderr (stdout carries only the JSON result). Off a GitHub runner it is
 * plain text with no `::` workflow commands; on a runner, warnings and errors become annotations
 * there too. Every registered secret is replaced by `***` before anything is written.
 */
import type { Logger } from '../log.ts';
import { neutralizeCommands, writeInertBlock } from '../log.ts';

export class SecretRegistry {
  private readonly values = new Set<string>();
  private readonly onRegister: (value: string) => void;
  constructor(onRegister: (value: string) => void = () => undefined) {
    this.onRegister = onRegister;
  }

  add(value: string): void {
    if (value === '' || this.values.has(value)) return;
    this.values.add(value);
    this.onRegister(value);
  }

  redact(text: string): string {
    const longestFirst = [...this.values].sort((a, b) => b.length - a.length);
    return longestFirst.reduce((t, v) => t.split(v).join('***'), text);
  }
}

/** Escaping of the runner's command format, for the message and for property values. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface CliLogOptions {
  write: (text: string) => void;
  onRunner: boolean;
  verbose: boolean;
  secrets: SecretRegistry;
}

export function cliLogger(o: CliLogOptions): Logger {
  const line = (text: string): void => o.write(`${o.secrets.redact(o.onRunner ? neutralizeCommands(text) : text)}\n`);
  const annotate =
    (kind: 'notice' | 'warning' | 'error') =>
    (text: string, title?: string): void => {
      const clean = o.secrets.redact(text);
      if (!o.onRunner) return line(`${kind}: ${title === undefined ? '' : `${title}: `}${clean}`);
      const props = title === undefined ? '' : ` title=${escapeProperty(o.secrets.redact(title))}`;
      o.write(`::${kind}${props}::${escapeData(clean)}\n`);
    };
  return {
    info: line,
    debug: (text) => (o.verbose ? line(`debug: ${text}`) : undefined),
    notice: annotate('notice'),
    warning: annotate('warning'),
    error: annotate('error'),
    block: (title, lines) => {
      const clean = lines.map((l) => o.secrets.redact(l));
      const write = (text: string): void => o.write(`${text}\n`);
      if (o.onRunner) return writeInertBlock(write, o.secrets.redact(title), clean);
      write(`--- ${o.secrets.redact(title)}`);
      for (const l of clean) write(`  ${l}`);
      write('---');
    },
  };
}
