/**
 * How many per-pipeline calls of one round (start, status, pre-check) a provider has under way at once.
 * Measured with 500 pipelines of one provider (bench/, README "Performance"): all at once kept every pending
 * call's request alive across garbage collections and grew the young heap to 34 MB; 16 at once, 17 MB;
 * 8 at once stays near 8 MB, and the wall time of the wait did not change. On a slow API a round of
 * 500 takes 500 x latency / 8 (about 6 s at 100 ms a call).
 */
export const FAN_OUT_LIMIT = 8;

/**
 * Runs `fn` over `items` with at most `limit` calls under way at once; results keep the input order.
 * A wide fan-out (hundreds of status checks a round) then holds only `limit` calls' worth of requests,
 * closures and answers at a time instead of all of them, which keeps the process's memory flat.
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
