/**
 * Logging that is safe for remote text: a provider's message can never become a workflow command.
 * `core.warning`/`core.error` escape their data already; plain lines need neutralising here.
 */
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { redactSecrets, rememberSecret } from './secrets.ts';

export interface Logger {
  info(line: string): void;
  debug(line: string): void;
  notice(line: string, title?: string): void;
  warning(line: string, title?: string): void;
  error(line: string, title?: string): void;
  /**
   * Prints text from a remote system (a run's log) as one collapsible block whose lines can never act
   * as workflow commands. Loggers without it print the lines through `info`.
   */
  block?(title: string, lines: readonly string[]): void;
}

/** Escaping of the runner's command format for a command's data (the group title). */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * `::group::`, then `::stop-commands::<token>`: until the runner sees `::<token>::` it treats no line
 * as a command (neither `::cmd::` nor `##[cmd]`), whatever a remote log contains. The token is fresh
 * and random for each block, so no log line can guess it and end the pause early.
 */
export function writeInertBlock(write: (line: string) => void, title: string, lines: readonly string[]): void {
  const token = randomUUID().replace(/-/g, '');
  write(`::group::${escapeCommandData(title)}`);
  write(`::stop-commands::${token}`);
  for (const line of lines) write(line);
  write(`::${token}::`);
  write('::endgroup::');
}

/**
 * The runner reads `::cmd::` and `##[cmd]` at the start of a line (after blanks). A zero-width space
 * after the first character keeps the text readable and inert.
 */
export function neutralizeCommands(text: string): string {
  return text.replace(/^(\s*)(::|##\[)/gm, (_m, ws: string, lead: string) => `${ws}${lead[0]}\u200b${lead.slice(1)}`);
}

/** Registers a secret with the runner (masking) and with this process (redaction of remote text). */
export function registerSecret(value: string): void {
  if (value === '') return;
  core.setSecret(value);
  rememberSecret(value);
}

/** What every printed line goes through: no secret, no workflow command. */
export function safeText(text: string): string {
  return neutralizeCommands(redactSecrets(text));
}

function props(title?: string): core.AnnotationProperties {
  return title === undefined ? {} : { title: safeText(title) };
}

export const coreLogger: Logger = {
  info: (line) => core.info(safeText(line)),
  debug: (line) => core.debug(safeText(line)),
  notice: (line, title) => core.notice(redactSecrets(line), props(title)),
  warning: (line, title) => core.warning(redactSecrets(line), props(title)),
  error: (line, title) => core.error(redactSecrets(line), props(title)),
  block: (title, lines) =>
    writeInertBlock(
      (line) => core.info(line),
      redactSecrets(title),
      lines.map((l) => redactSecrets(l)),
    ),
};

/** Collects lines instead of printing them: for unit tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (kind: string) => (line: string) => lines.push(`${kind}: ${line}`);
  return {
    lines,
    info: push('info'),
    debug: push('debug'),
    notice: push('notice'),
    warning: push('warning'),
    error: push('error'),
    block: (title, body) => {
      lines.push(`block: ${title}`);
      for (const l of body) lines.push(`  ${l}`);
    },
  };
}
