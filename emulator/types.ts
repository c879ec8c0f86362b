/** What a provider module of the emulator sees and returns. */
import type { IncomingHttpHeaders } from 'node:http';

export interface EmuRequest {
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /**
   * A body written over time on a response that stays open (a log stream): called once the head is
   * sent; `closed` aborts when the client goes away or the server closes. `body` is ignored.
   */
  stream?: (write: (chunk: string) => void, closed: AbortSignal) => void;
}

export interface ProviderEmulator {
  readonly name: string;
  /** Answers the request, or returns undefined when the path is not this provider's. */
  handle(req: EmuRequest): EmuResponse | undefined | Promise<EmuResponse | undefined>;
  /** Replaces the scenario (pipelines, timings, failures) and clears all state. */
  configure(config: any): void; // eslint-disable-line @typescript-eslint/no-explicit-any -- each module validates its own scenario
  /** Counters tests assert on: triggers and cancels per pipeline, and anything else useful. */
  stats(): unknown;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): EmuResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});
