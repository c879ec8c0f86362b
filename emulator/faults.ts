/**
 * Fault injection for the emulator, independent of any provider: a rule matches requests by method
 * and path pattern, may skip the first matches and hit only a few, and then either answers in the
 * provider's place or lets the provider answer and spoils what goes back. Whether the provider
 * module saw the request matters for exactly-once tests: `reset-before-read` and `respond` never
 * reach it, every other kind does (a trigger is counted, then the answer is lost or garbled).
 */
import type { EmuResponse } from './types.ts';

export type FaultAction =
  /** Answer instead of the provider: throttling (429 + Retry-After, provider codes), 5xx, 401… */
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Close the connection without reading the request: the provider never sees it. */
  | { kind: 'reset-before-read' }
  /** Let the provider process the request, then close the connection without answering. */
  | { kind: 'reset-after-read' }
  /** Let the provider process the request and answer only after `ms` (longer than the client waits). */
  | { kind: 'delay'; ms: number }
  /** The provider's answer with its body cut in half (a complete HTTP response with a partial JSON document). */
  | { kind: 'truncate' }
  /** The provider's status and headers with a body that is not JSON (a proxy's HTML page). */
  | { kind: 'malform'; body?: string }
  /** The provider's JSON answer with fields replaced; keys are dotted paths (`Result.status`). */
  | { kind: 'patch-json'; set: Record<string, unknown> };

export interface FaultRule {
  /** HTTP method to match; any when absent. */
  method?: string;
  /** Regular expression (source text) matched against the request path. */
  path: string;
  /** Matching requests let through before the fault starts: 1 hits the second match. */
  after?: number;
  /** How many matching requests the fault hits; all of them (from `after` on) when absent. */
  times?: number;
  action: FaultAction;
}

export interface FaultStats {
  /** Per rule, in configuration order: requests it matched and requests it hit. */
  rules: Array<{ path: string; kind: string; matched: number; hit: number }>;
}

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp;
  matched: number;
  hit: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  /** Replaces every rule; counters restart. */
  configure(rules: unknown): void {
    if (rules !== undefined && !Array.isArray(rules)) throw new Error('emulator: faults must be an array of rules');
    this.rules = ((rules ?? []) as FaultRule[]).map((rule) => ({
      rule,
      pattern: new RegExp(rule.path),
      matched: 0,
      hit: 0,
    }));
  }

  /** The fault for this request, if a rule hits it. The first matching rule that is in its window wins. */
  take(method: string, path: string): FaultAction | undefined {
    let chosen: FaultAction | undefined;
    for (const r of this.rules) {
      if (r.rule.method !== undefined && r.rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!r.pattern.test(path)) continue;
      const index = r.matched++;
      const after = r.rule.after ?? 0;
      const inWindow = index >= after && (r.rule.times === undefined || index < after + r.rule.times);
      if (inWindow && chosen === undefined) {
        r.hit++;
        chosen = r.rule.action;
      }
    }
    return chosen;
  }

  stats(): FaultStats {
    return {
      rules: this.rules.map((r) => ({ path: r.rule.path, kind: r.rule.action.kind, matched: r.matched, hit: r.hit })),
    };
  }
}

/** Serialises a response body as the server sends it. */
export function payloadOf(out: EmuResponse): string {
  if (out.body === undefined) return '';
  return typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
}

/** Applies a fault that lets the provider answer first; `undefined` means "send nothing, close". */
export function spoil(action: FaultAction, out: EmuResponse): EmuResponse | undefined {
  switch (action.kind) {
    case 'reset-after-read':
      return undefined;
    case 'truncate': {
      const text = payloadOf(out);
      return { ...out, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers: jsonType(out) };
    }
    case 'malform':
      return {
        ...out,
        body: action.body ?? '<html><body><h1>Gateway hiccup</h1></body></html>',
        headers: jsonType(out),
      };
    case 'patch-json':
      return { ...out, body: patched(out.body, action.set) };
    default:
      return out;
  }
}

/** A garbled body still claims to be JSON, as a broken proxy would. */
function jsonType(out: EmuResponse): Record<string, string> {
  return { ...out.headers, 'content-type': 'application/json' };
}

function patched(body: unknown, set: Record<string, unknown>): unknown {
  if (typeof body !== 'object' || body === null) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  for (const [path, value] of Object.entries(set)) {
    const keys = path.split('.');
    let node: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== 'object' || next === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1] ?? path] = value;
  }
  return copy;
}
