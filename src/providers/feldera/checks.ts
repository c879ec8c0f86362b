/**
 * What the server's version and the API key's role allow: checked before a trigger (what its version
 * cannot do) and by the dry-run (the key's role, and an activate on an edition that has it).
 */
import { InputError, ProviderError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { FelderaClient } from './client.ts';
import {
  DISMISS_ERROR_SINCE,
  ROLES_SINCE,
  START_INITIAL_SINCE,
  describeServer,
  formatVersion,
  olderThan,
  type ServerInfo,
} from './server.ts';
import type { FelderaConfig } from './settings.ts';

const ROLES = ['read', 'write', 'admin', 'owner'];

export interface VerifyContext {
  client: FelderaClient;
  log: Logger;
  /** The server's version, read at most once a step (undefined when it could not be read). */
  serverInfo: () => Promise<ServerInfo | undefined>;
}

/** Dry-run only: a real run sends /activate and reports whatever the server answers. */
export async function checkActivateEdition({ serverInfo }: VerifyContext): Promise<void> {
  const server = await serverInfo();
  if (server?.edition !== 'Open source') return;
  throw new ProviderError({
    code: 'EnterpriseFeature',
    message: `operation 'activate' needs Feldera Enterprise: ${describeServer(server)} answers POST /activate with 501 EnterpriseFeature`,
  });
}

/** `/start` and `/activate` need the `write` role (api/rbac.rs); GET /v0/config/session tells the key's role. */
export async function checkRole(v: VerifyContext): Promise<void> {
  const session = await v.client.sessionRole();
  const { log } = v;
  if (session === undefined || session.role === undefined) {
    log.notice(`[dry-run] ${await whyNoRoles(v, session === undefined)}: the role check is skipped`);
    return;
  }
  const role = session.role;
  if (role === null || !ROLES.includes(role)) {
    const got = role === null ? 'no role (no acting tenant was resolved: set FELDERA_TENANT)' : `the unknown role '${role}'`;
    log.notice(`[dry-run] GET /v0/config/session gave ${got}: the role check is skipped`);
    return;
  }
  if (ROLES.indexOf(role) < ROLES.indexOf('write')) {
    throw new ProviderError({
      message: `the API key's role is '${role}'; starting or activating a pipeline needs 'write' or higher`,
    });
  }
  log.info(`[dry-run] the API key's role is '${role}': it may start pipelines`);
}

/** A session route that is missing (before v0.150.0) or answers no role (before v0.327.0). */
async function whyNoRoles({ serverInfo }: VerifyContext, noRoute: boolean): Promise<string> {
  const server = await serverInfo();
  if (olderThan(server, ROLES_SINCE)) {
    return `this Feldera predates roles (< ${ROLES_SINCE[0]}.${ROLES_SINCE[1]}; it is ${server?.version ?? ''})`;
  }
  return noRoute
    ? 'this Feldera has no GET /v0/config/session'
    : 'GET /v0/config/session gave no role field (a Feldera that predates roles)';
}

/** Before v0.148.0, /start reads no `initial` and deploys every pipeline running. */
export function checkStartSupported(config: FelderaConfig, server: ServerInfo | undefined): void {
  const { operation, initial } = config;
  if (operation !== 'start' || initial === 'running' || !olderThan(server, START_INITIAL_SINCE)) return;
  throw new InputError(
    'initial',
    `must be running for this Feldera (${server?.version ?? ''}): /start reads 'initial' from ${formatVersion(START_INITIAL_SINCE)} on, and deploys every pipeline running before that (got '${initial}'); nothing was started`,
  );
}

/**
 * Before v0.251.0 there is no way to keep an old deployment error: a start replaces it whatever
 * `dismiss-error` says (v0.250.0 `set_deployment_resources_desired_status` does not look at it).
 */
export function noteUndismissable(config: FelderaConfig, server: ServerInfo | undefined, log: Logger): void {
  if (config.operation !== 'start' || config.dismissError || !olderThan(server, DISMISS_ERROR_SINCE)) return;
  log.notice(
    `dismiss-error: false has no effect on ${describeServer(server as ServerInfo)}: before ${formatVersion(DISMISS_ERROR_SINCE)} a start replaces an earlier deployment error`,
  );
}
