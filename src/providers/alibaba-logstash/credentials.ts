/**
 * Where the signing credentials come from: the inputs, the `ALIBABA_CLOUD_*` variables that
 * aliyun/configure-aliyun-credentials-action exports, or keyless, by exchanging the workflow's OIDC
 * token for STS credentials with AssumeRoleWithOIDC. Everything is checked before any request;
 * the exchange itself happens on first use, and again shortly before the STS credentials expire.
 */
import type { Clock } from '../../clock.ts';
import { checkEndpoint } from '../../endpoint.ts';
import { InputError, ProviderError } from '../../errors.ts';
import type { HttpClient } from '../../http.ts';
import type { Logger } from '../../log.ts';
import { readCredential } from '../../credential-answer.ts';
import { alibabaError, loadSchemas } from './client.ts';
import { acsDate, type Credentials } from './signer.ts';

export interface CredentialInputs {
  'access-key-id'?: string | undefined;
  'access-key-secret'?: string | undefined;
  'security-token'?: string | undefined;
  'role-arn'?: string | undefined;
  'oidc-provider-arn'?: string | undefined;
  'role-session-name'?: string | undefined;
}

export interface CredentialContext {
  env: NodeJS.ProcessEnv;
  http: HttpClient;
  clock: Clock;
  log: Logger;
  secret: (value: string) => void;
  region: string | undefined;
  allowInsecureHttp: boolean;
  runId: string | undefined;
}

export interface CredentialSource {
  /** For log lines: where the credentials came from (never the credentials). */
  origin: string;
  get: () => Promise<Credentials>;
}

export const DEFAULT_AUDIENCE = 'sts.aliyuncs.com';
const SESSION_SECONDS = 3600;
/** Exchange again when less than this is left, so a long wait never signs with expired credentials. */
const REFRESH_MARGIN_MS = 5 * 60_000;
const ROLE_ARN = /^acs:ram::\d+:role\/[\w.@+=,-]+$/i;
const PROVIDER_ARN = /^acs:ram::\d+:oidc-provider\/[\w.-]+$/i;
const SESSION_NAME = /^[\w.@-]{2,64}$/;

export function credentialSource(given: CredentialInputs, ctx: CredentialContext): CredentialSource {
  if (given['role-arn'] !== undefined || given['oidc-provider-arn'] !== undefined) return oidcSource(given, ctx);
  const fromInputs = staticKeys(
    given['access-key-id'],
    given['access-key-secret'],
    given['security-token'],
    'access-key-id',
    'access-key-secret',
  );
  const creds =
    fromInputs ??
    staticKeys(
      ctx.env['ALIBABA_CLOUD_ACCESS_KEY_ID'],
      ctx.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'],
      given['security-token'] ?? ctx.env['ALIBABA_CLOUD_SECURITY_TOKEN'],
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    );
  if (creds === undefined) {
    throw new InputError(
      'access-key-id',
      'is required: give access-key-id and access-key-secret, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET (aliyun/configure-aliyun-credentials-action exports them), ' +
        'or use role-arn and oidc-provider-arn for keyless OIDC',
    );
  }
  ctx.secret(creds.accessKeySecret);
  if (creds.securityToken) ctx.secret(creds.securityToken);
  const origin = fromInputs ? 'the access-key-id input' : 'ALIBABA_CLOUD_ACCESS_KEY_ID';
  return { origin: creds.securityToken ? `${origin} with an STS token` : origin, get: () => Promise.resolve(creds) };
}

function staticKeys(
  id: string | undefined,
  secret: string | undefined,
  token: string | undefined,
  idName: string,
  secretName: string,
): Credentials | undefined {
  if (!id && !secret) return undefined;
  if (!id) throw new InputError(idName, `is required when ${secretName} is set`);
  if (!secret) throw new InputError(secretName, `is required when ${idName} is set`);
  return { accessKeyId: id, accessKeySecret: secret, ...(token ? { securityToken: token } : {}) };
}

interface OidcPlan {
  roleArn: string;
  providerArn: string;
  sessionName: string;
  audience: string;
  sts: URL;
  tokenUrl: URL;
  requestToken: string;
}

function oidcSource(given: CredentialInputs, ctx: CredentialContext): CredentialSource {
  const plan = oidcPlan(given, ctx);
  let cached: { creds: Credentials; expiresAt: number } | undefined;
  let inFlight: Promise<Credentials> | undefined;
  const get = async (): Promise<Credentials> => {
    if (cached && ctx.clock.now() < cached.expiresAt - REFRESH_MARGIN_MS) return cached.creds;
    inFlight ??= exchange(plan, ctx)
      .then((got) => {
        cached = got;
        return got.creds;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  return { origin: `OIDC role ${plan.roleArn}`, get };
}

function oidcPlan(given: CredentialInputs, ctx: CredentialContext): OidcPlan {
  const roleArn = given['role-arn'];
  const providerArn = given['oidc-provider-arn'];
  if (!roleArn) throw new InputError('role-arn', 'is required with oidc-provider-arn, e.g. acs:ram::123456789012:role/deployer');
  if (!ROLE_ARN.test(roleArn))
    throw new InputError('role-arn', `must be a RAM role ARN like acs:ram::<uid>:role/<name> (got '${roleArn}')`);
  if (!providerArn)
    throw new InputError('oidc-provider-arn', 'is required with role-arn, e.g. acs:ram::123456789012:oidc-provider/github');
  if (!PROVIDER_ARN.test(providerArn)) {
    throw new InputError('oidc-provider-arn', `must be like acs:ram::<uid>:oidc-provider/<name> (got '${providerArn}')`);
  }
  if (given['access-key-id'] !== undefined)
    throw new InputError('role-arn', 'cannot be combined with access-key-id: choose one kind of credentials');
  const sessionName = given['role-session-name'] ?? `github-actions-${ctx.runId ?? 'run'}`;
  if (!SESSION_NAME.test(sessionName)) {
    throw new InputError('role-session-name', `must be 2 to 64 letters, digits or . @ - _ (got '${sessionName}')`);
  }
  const rawUrl = ctx.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
  const requestToken = ctx.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  if (!rawUrl || !requestToken) {
    throw new InputError(
      'role-arn',
      "needs the workflow's OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL is not set: give the job `permissions: id-token: write`",
    );
  }
  ctx.secret(requestToken);
  const stsRaw = ctx.env['ALIBABA_CLOUD_STS_ENDPOINT'];
  const sts = stsRaw
    ? checkEndpoint(stsRaw, 'ALIBABA_CLOUD_STS_ENDPOINT', ctx.allowInsecureHttp)
    : new URL(ctx.region ? `https://sts.${ctx.region}.aliyuncs.com` : 'https://sts.aliyuncs.com');
  return {
    roleArn,
    providerArn,
    sessionName,
    audience: ctx.env['ALIBABA_CLOUD_OIDC_AUDIENCE'] || DEFAULT_AUDIENCE,
    sts,
    tokenUrl: new URL(rawUrl),
    requestToken,
  };
}

async function exchange(plan: OidcPlan, ctx: CredentialContext): Promise<{ creds: Credentials; expiresAt: number }> {
  const idToken = await githubIdToken(plan, ctx);
  const url = new URL(plan.sts.href);
  for (const [k, val] of Object.entries({
    Action: 'AssumeRoleWithOIDC',
    Version: '2015-04-01',
    Format: 'JSON',
    Timestamp: acsDate(ctx.clock.now()),
  })) {
    url.searchParams.set(k, val);
  }
  const form = new URLSearchParams({
    RoleArn: plan.roleArn,
    OIDCProviderArn: plan.providerArn,
    OIDCToken: idToken,
    RoleSessionName: plan.sessionName,
    DurationSeconds: String(SESSION_SECONDS),
  });
  // Anonymous and without side effects: a repeat only mints another set of temporary credentials.
  const res = await ctx.http.send({
    method: 'POST',
    url,
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    label: 'AssumeRoleWithOIDC',
    idempotent: true,
  });
  if (res.status < 200 || res.status >= 300) throw await alibabaError(res);
  const c = readCredential((await loadSchemas()).assumeRoleResponse, res, 'AssumeRoleWithOIDC').Credentials;
  ctx.secret(c.AccessKeyId);
  ctx.secret(c.AccessKeySecret);
  ctx.secret(c.SecurityToken);
  const expires = c.Expiration ? Date.parse(c.Expiration) : NaN;
  ctx.log.info(`assumed ${plan.roleArn} with the workflow's OIDC token (session ${plan.sessionName})`);
  return {
    creds: { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken },
    expiresAt: Number.isNaN(expires) ? ctx.clock.now() + SESSION_SECONDS * 1000 : expires,
  };
}

/** What core.getIDToken does: GET the runner's token URL with the audience, authorised by the request token. */
async function githubIdToken(plan: OidcPlan, ctx: CredentialContext): Promise<string> {
  const url = new URL(plan.tokenUrl.href);
  url.searchParams.set('audience', plan.audience);
  const res = await ctx.http.send({
    method: 'GET',
    url,
    headers: { accept: 'application/json', authorization: `Bearer ${plan.requestToken}` },
    label: 'GitHub OIDC token',
    idempotent: true,
  });
  if (res.status < 200 || res.status >= 300) {
    throw new ProviderError({
      status: res.status,
      code: 'OIDCTokenRequestFailed',
      message: `the runner refused an OIDC token (${res.body.trim().slice(0, 200) || 'no body'}); does the job have permissions: id-token: write?`,
    });
  }
  const token = readCredential((await loadSchemas()).idTokenResponse, res, 'GitHub OIDC token').value;
  ctx.secret(token);
  return token;
}
