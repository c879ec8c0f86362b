/** A line of a provider's log longer than this is cut: one runaway line must not hold megabytes. */
export const MAX_LINE_CHARS = 2000;
