/**
 * At most `limit` requests in flight per origin; the others wait here rather than in the connection
 * pool's queue, so a request's timeout and signature time start when it is sent, and a step waiting on
 * hundreds of runs holds only `limit` requests' worth of buffers and timers at once.
 */
export class OriginSlots {
  private readonly limit: number;
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  constructor(limit: number) {
    this.limit = Math.max(1, limit);
  }

  async acquire(origin: string): Promise<void> {
    const busy = this.active.get(origin) ?? 0;
    if (busy < this.limit) {
      this.active.set(origin, busy + 1);
      return;
    }
    await new Promise<void>((resolve) => {
      const queue = this.waiting.get(origin) ?? [];
      queue.push(resolve);
      this.waiting.set(origin, queue);
    });
  }

  /** Hands the slot to the next waiting request, or frees it. */
  release(origin: string): void {
    const next = this.waiting.get(origin)?.shift();
    if (next) return next();
    this.active.set(origin, (this.active.get(origin) ?? 1) - 1);
  }
}
