/**
 * Logging that is safe for remote text: a provider's message can never become a workflow command,
 * move a terminal's cursor or carry a secret. `core.warning`/`core.error` escape their data's line
 * breaks; every other part (commands, controls, secrets) is src/output-filter.ts's and this file's.
 */
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { blockLines, cutMessage, escapeControls, filterRemoteText, runnerLines } from './output-filter.ts';
import { redactSecrets, rememberSecret, secretSpellings } from './secrets.ts';

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
 * and random for each block, so no log line can guess it and end the pause early. The lines keep
 * their text but lose their control characters (a terminal or the log viewer would obey them), and a
 * line break inside a line (CR among them) becomes a line of its own, as the runner would read it.
 */
export function writeInertBlock(write: (line: string) => void, title: string, lines: readonly string[]): void {
  const token = randomUUID().replace(/-/g, '');
  write(`::group::${escapeCommandData(title.replace(/[^\r\n]+/g, escapeControls))}`);
  write(`::stop-commands::${token}`);
  for (const line of blockLines(lines)) write(line);
  write(`::${token}::`);
  write('::endgroup::');
}

/** Registers a secret, in each spelling a server may echo it in, with the runner (masking) and with this process (redaction). */
export function registerSecret(value: string): void {
  if (value === '') return;
  core.setSecret(value);
  rememberSecret(value);
  for (const form of secretSpellings(value)) if (form !== value) core.setSecret(form);
}

/**
 * What every printed line goes through, in this order: secrets redacted (in every spelling), each
 * line the runner would read cut to MAX_MESSAGE_CHARS (a 600 KB error among them), then made inert (src/output-filter.ts): no
 * workflow command, no control character.
 */
export function safeText(text: string): string {
  return filterRemoteText(cutLines(redactSecrets(text)));
}

/** An annotation's message: core escapes its line breaks, so only secrets, length and controls matter. */
export function annotationText(text: string): string {
  return runnerLines(cutLines(redactSecrets(text)))
    .map((l) => escapeControls(l))
    .join('\n');
}

function cutLines(text: string): string {
  return runnerLines(text)
    .map((l) => cutMessage(l))
    .join('\n');
}

function props(title?: string): core.AnnotationProperties {
  return title === undefined ? {} : { title: safeText(title) };
}

export const coreLogger: Logger = {
  info: (line) => core.info(safeText(line)),
  debug: (line) => core.debug(safeText(line)),
  notice: (line, title) => core.notice(annotationText(line), props(title)),
  warning: (line, title) => core.warning(annotationText(line), props(title)),
  error: (line, title) => core.error(annotationText(line), props(title)),
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
