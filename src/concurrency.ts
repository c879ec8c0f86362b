/**
 * How many per-pipeline calls of one round (start, status, pre-check) a provider has under way at once:
 * enough to keep a wide wait's wall time, few enough to keep its heap flat (measured: docs/performance.md).
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
