/**
 * The post step's reading of what main saved (src/state.ts): parsed with zod, so this lives apart
 * from the writing side, off the main step's start path (`responseReader`, src/providers/shared.ts).
 */
import * as core from '@actions/core';
import { z } from 'zod';
import { savedHandleSchema } from './providers/handle-schema.ts';
import type { RunHandle } from './providers/types.ts';
import { KEYS } from './state.ts';

export interface SavedState {
  /** The handles main saved, their provider data not yet read (see readHandles). */
  runs: RunHandle[];
  /** Entries of the saved runs that are not a handle this version can read, for a warning. */
  unreadable: number;
  ended: Set<string>;
  completed: boolean;
}

/** The JSON list saved under one key, or an empty one when it is missing or garbled. */
function savedList(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text || '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** The entries `schema` accepts, and how many it refused. */
export function parseEach<T>(schema: z.ZodType<T>, entries: readonly unknown[]): { parsed: T[]; refused: number } {
  const parsed: T[] = [];
  for (const entry of entries) {
    const result = schema.safeParse(entry);
    if (result.success) parsed.push(result.data);
  }
  return { parsed, refused: entries.length - parsed.length };
}

export function readSavedState(): SavedState {
  const runs = parseEach(savedHandleSchema, savedList(core.getState(KEYS.runs)));
  return {
    runs: runs.parsed,
    unreadable: runs.refused,
    ended: new Set(parseEach(z.string(), savedList(core.getState(KEYS.ended))).parsed),
    completed: core.getState(KEYS.completed) === 'true',
  };
}
