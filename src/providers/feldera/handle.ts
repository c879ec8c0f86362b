/**
 * A Feldera run's handle: the pipeline is the run (Feldera has no run object), so the handle carries
 * no data of its own yet.
 */
import { z } from 'zod';
import { handleSchemaOf, type RunHandle } from '../types.ts';

export const felderaData = z.strictObject({});
export type FelderaData = z.infer<typeof felderaData>;
export type FelderaHandle = RunHandle<FelderaData>;

export const handleSchema = handleSchemaOf('feldera', felderaData);
