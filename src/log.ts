/**
 * Logging that is safe for remote text: a provider's message can never become a workflow command.
 * `core.warning`/`core.error` escape their data already; plain lines need neutralising here.
 */
import * as core from '@actions/core';

export interface Logger {
  info(line: string): void;
  debug(line: string): void;
  notice(line: string, title?: string): void;
  warning(line: string, title?: string): void;
  error(line: string, title?: string): void;
}

/**
 * The runner reads `::cmd::` and `##[cmd]` at the start of a line (after blanks). A zero-width space
 * after the first character keeps the text readable and inert.
 */
export function neutralizeCommands(text: string): string {
  return text.replace(/^(\s*)(::|##\[)/gm, (_m, ws: string, lead: string) => `${ws}${lead[0]}\u200b${lead.slice(1)}`);
}

function props(title?: string): core.AnnotationProperties {
  return title === undefined ? {} : { title: neutralizeCommands(title) };
}

export const coreLogger: Logger = {
  info: (line) => core.info(neutralizeCommands(line)),
  debug: (line) => core.debug(neutralizeCommands(line)),
  notice: (line, title) => core.notice(line, props(title)),
  warning: (line, title) => core.warning(line, props(title)),
  error: (line, title) => core.error(line, props(title)),
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
  };
}
