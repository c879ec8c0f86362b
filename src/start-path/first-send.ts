/**
 * The zod preload's trigger (seam.mjs, "zod on demand"): tells when an HTTP client's first request has
 * been written (`onFirstRequestSent`). undici publishes on `undici:client:sendHeaders` right before it
 * writes a request's headers (lib/core/diagnostics.js), and the callback runs after that write. The
 * channel is process-wide, so it is listened to only while one of the client's own requests is under
 * way, and only until the first one is sent.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** The diagnostics channel undici publishes on as it writes a request's headers. */
const SEND_HEADERS = 'undici:client:sendHeaders';

export class FirstSendWatch {
  private readonly callback: () => void;
  private inFlight = 0;
  private done = false;
  private readonly onSend = (): void => {
    this.finish();
    setImmediate(this.callback);
  };

  constructor(callback: () => void) {
    this.callback = callback;
  }

  /** Called as one of the client's requests is dispatched; returns what to call when it settles. */
  begin(): (() => void) | undefined {
    if (this.done) return undefined;
    if (this.inFlight++ === 0) subscribe(SEND_HEADERS, this.onSend);
    return () => {
      if (!this.done && --this.inFlight === 0) unsubscribe(SEND_HEADERS, this.onSend);
    };
  }

  /** Stops listening, without the callback (the client closes, or the first request was sent). */
  finish(): void {
    if (this.done) return;
    this.done = true;
    if (this.inFlight > 0) unsubscribe(SEND_HEADERS, this.onSend);
  }
}
