export const measurePolling = async (): Promise<unknown> => Promise.resolve({});
export const pollingTable = (_: unknown): string => '';
