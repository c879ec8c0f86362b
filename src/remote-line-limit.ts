/** A line of a provider's log longer than this is cut: one runaway line must not hold megabytes. */
export const MAX_LINE_CHARS = 2000;

/** A log line as it is kept and printed: at most MAX_LINE_CHARS, marked when cut. */
export function cutLogLine(line: string): string {
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)} [line cut]` : line;
}
