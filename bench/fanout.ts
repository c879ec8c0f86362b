export const measureFanOut = async (): Promise<unknown> => Promise.resolve({});
export const fanOutTable = (_: unknown): string => '';
