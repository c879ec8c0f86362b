/**
 * Error types the engine tells apart: bad input fails before any request, provider errors carry the
 * provider's own code and message, and HTTP errors know whether a retry could help.
 */

/** A bad input value; the message names the input and what it accepts. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly input: string;
  constructor(input: string, message: string) {
    super(`Input '${input}' ${message}`);
    this.input = input;
  }
}

/** What a provider said when it refused a request. */
export interface ProviderErrorDetails {
  status?: number;
  code?: string;
  message: string;
  requestId?: string;
  /** Overrides the status-based guess of whether trying again later can help. */
  transient?: boolean;
}

/** A request the provider answered with an error (4xx/5xx or an error code in a 2xx body). */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly providerMessage: string;
  readonly requestId: string | undefined;
  private readonly transientOverride: boolean | undefined;
  constructor(details: ProviderErrorDetails) {
    super(formatProviderError(details));
    this.status = details.status;
    this.code = details.code;
    this.providerMessage = details.message;
    this.requestId = details.requestId;
    this.transientOverride = details.transient;
  }

  /** Throttling, timeouts and server errors may go away; anything else will not. */
  get transient(): boolean {
    if (this.transientOverride !== undefined) return this.transientOverride;
    const s = this.status ?? 0;
    return s === 408 || s === 429 || s >= 500;
  }
}

/** The request never produced a response: refused, reset, timed out. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly code: string | undefined;
  /** True when the request provably never reached the server (so even a non-idempotent retry is safe). */
  readonly unsent: boolean;
  constructor(message: string, code: string | undefined, unsent: boolean) {
    super(message);
    this.code = code;
    this.unsent = unsent;
  }
}

/** A response whose shape did not match what the provider documents. */
export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
}

function formatProviderError(d: ProviderErrorDetails): string {
  const parts = [d.code, d.message].filter((p) => p !== undefined && p !== '');
  const http = d.status !== undefined ? `HTTP ${d.status}: ` : '';
  const req = d.requestId ? ` (request id ${d.requestId})` : '';
  return `${http}${parts.join(': ')}${req}`;
}

/** A readable one-line message for anything thrown; never `[object Object]`. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

/** Anything thrown, as an Error: what stands in for a trigger outcome or an observation that failed. */
export function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(errorMessage(err));
}

/** Errors that a later poll may not see again (network blips, throttling, 5xx, garbled bodies). */
export function isTransient(err: unknown): boolean {
  if (err instanceof NetworkError || err instanceof ResponseShapeError) return true;
  if (err instanceof ProviderError) return err.transient;
  return false;
}
