/**
 * What the pipeline manager is, read once per step from `GET /v0/config` (api/endpoints/config.rs
 * `Configuration`: `version` "x.y.z" and `edition` "Open source" or "Enterprise"), as Feldera's Python
 * SDK reads it when a client is made (python/feldera/rest/feldera_client.py `get_config`). Read with
 * plain checks, not zod: the trigger waits on it, and zod stays off the start path.
 *
 * The calls the adapter makes arrived in these releases (found with `git tag --contains` in feldera/feldera):
 * - `/start?initial=…`: v0.148.0 (a9291e062 "pipeline status rework"); before, /start read no query
 *   and always deployed running (v0.147.0 pipeline_management.rs `post_pipeline_start`).
 * - `POST /dismiss_error` and `/start?dismiss_error`: v0.251.0 (13be1d464); an older manager answers
 *   the route with an empty 404 from the `/v0` scope (api/main.rs has no default service there).
 * - roles (`role` in `GET /v0/config/session`, api/rbac.rs): v0.327.0 (16484dd6d). The route itself
 *   came in v0.150.0 (2db563c76) and answered only the tenant before roles.
 */

export type Version = readonly [number, number, number];

export const START_INITIAL_SINCE: Version = [0, 148, 0];
export const DISMISS_ERROR_SINCE: Version = [0, 251, 0];
export const ROLES_SINCE: Version = [0, 327, 0];

export interface ServerInfo {
  /** As the server gave it (checked to look like a version, so it is safe to print). */
  version: string;
  parsed: Version;
  /** 'Open source' or 'Enterprise' (any other text is dropped). */
  edition?: 'Open source' | 'Enterprise';
}

/** Longest version text accepted: a release number with a pre-release or build suffix at most. */
const VERSION = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+][0-9A-Za-z.+-]{1,40})?$/;
const EDITIONS = new Set(['Open source', 'Enterprise']);

/** The body of `GET /v0/config`, or undefined when it carries no version this can read. */
export function parseServerInfo(body: string): ServerInfo | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const { version, edition } = json as Record<string, unknown>;
  if (typeof version !== 'string') return undefined;
  const m = VERSION.exec(version);
  if (!m) return undefined;
  const info: ServerInfo = { version, parsed: [Number(m[1]), Number(m[2]), Number(m[3])] };
  if (typeof edition === 'string' && EDITIONS.has(edition)) info.edition = edition as ServerInfo['edition'] & string;
  return info;
}

/** True when the server is known to be older than `since`; false when it is as new or its version is unknown. */
export function olderThan(server: ServerInfo | undefined, since: Version): boolean {
  if (server === undefined) return false;
  for (let i = 0; i < 3; i++) {
    const a = server.parsed[i] ?? 0;
    const b = since[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false;
}

export function formatVersion(v: Version): string {
  return v.join('.');
}

/** `Feldera 0.337.0 (Open source)`: the line the step logs once it knows the server. */
export function describeServer(server: ServerInfo): string {
  return `Feldera ${server.version}${server.edition ? ` (${server.edition})` : ''}`;
}
