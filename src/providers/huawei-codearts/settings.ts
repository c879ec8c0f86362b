/**
 * CodeArts' inputs and environment, read into a typed config before any request: every bad value is an
 * InputError naming the input.
 */
import { checkEndpoint } from '../../endpoint.ts';
import { InputError } from '../../errors.ts';
import { readInputs, inputRules } from '../../inputs.ts';
import type { InputShapeOf } from '../registry.ts';
import type { ProviderContext } from '../types.ts';
import { valueText } from '../shared.ts';
import type { Credentials, Variable } from './client.ts';
import type { CodeArtsData } from './schemas.ts';
import { CODEARTS_REGIONS, endpointOverrideVariable, regionEndpoint } from './regions.ts';
import { ID } from './ids.ts';

export { ID };
const MAX_VARIABLE_VALUE = 8192;
/** The variable names Huawei's SDKs and CLI (KooCLI) read, then those huaweicloud/auth-action exports. */
export const CREDENTIAL_ENV = {
  accessKeyId: ['HUAWEICLOUD_SDK_AK', 'HUAWEI_CLOUD_ACCESS_KEY_ID'],
  accessKeySecret: ['HUAWEICLOUD_SDK_SK', 'HUAWEI_CLOUD_SECRET_ACCESS_KEY'],
  securityToken: ['HUAWEICLOUD_SDK_SECURITY_TOKEN'],
  region: ['HUAWEICLOUD_SDK_REGION', 'HUAWEI_CLOUD_REGION'],
} as const;

const shape = {
  'project-id': inputRules.optionalText(ID, 'the 32-character CodeArts project id (letters and digits)'),
  parameters: inputRules.mapping(),
  'access-key-id': inputRules.optionalText(),
  'access-key-secret': inputRules.optionalText(),
  'security-token': inputRules.optionalText(),
  'auth-token': inputRules.optionalText(),
} satisfies InputShapeOf<'huawei-codearts'>;

export interface CodeArtsSettings {
  projectId: string;
  variables: Variable[];
  credentials: Credentials;
  base: URL;
}

export function readSettings(ctx: ProviderContext<CodeArtsData>): CodeArtsSettings {
  const given = readInputs(shape, ctx.inputs);
  const bad = ctx.settings['pipeline-ids'].find((id) => !ID.test(id));
  if (bad !== undefined) throw new InputError('pipeline-ids', `has '${bad}': CodeArts pipeline ids are 32 letters and digits`);
  const projectId = given['project-id'] ?? ctx.resumed?.[0]?.data.projectId;
  const other = ctx.resumed?.find((h) => h.data.projectId !== projectId);
  if (other)
    throw new InputError('runs', `has a run in project ${other.data.projectId}, but this step's project is ${projectId}`);
  if (projectId === undefined)
    throw new InputError('project-id', 'is required for huawei-codearts: the 32-character CodeArts project id');
  const variables = toVariables(given.parameters);
  const credentials = readCredentials(given, ctx);
  const base = resolveEndpoint(ctx);
  return { projectId, variables, credentials, base };
}

function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): string | undefined {
  for (const n of names) if (env[n]) return env[n];
  return undefined;
}

function readCredentials(
  given: {
    'access-key-id'?: string | undefined;
    'access-key-secret'?: string | undefined;
    'security-token'?: string | undefined;
    'auth-token'?: string | undefined;
  },
  ctx: ProviderContext,
): Credentials {
  for (const s of [given['access-key-id'], given['access-key-secret'], given['security-token'], given['auth-token']])
    if (s) ctx.secret(s);
  const token = given['auth-token'];
  if (token !== undefined) {
    if (given['access-key-id'] !== undefined || given['access-key-secret'] !== undefined) {
      throw new InputError('auth-token', 'cannot be combined with access-key-id/access-key-secret: give one way to authenticate');
    }
    return { kind: 'token', token };
  }
  const fromInputs = given['access-key-id'] !== undefined;
  const ak = given['access-key-id'] ?? firstSet(ctx.env, CREDENTIAL_ENV.accessKeyId);
  const sk = given['access-key-secret'] ?? firstSet(ctx.env, CREDENTIAL_ENV.accessKeySecret);
  // A temporary token from the environment belongs to the environment's key, not to a key given as input.
  const securityToken = given['security-token'] ?? (fromInputs ? undefined : firstSet(ctx.env, CREDENTIAL_ENV.securityToken));
  for (const s of [ak, sk, securityToken]) if (s) ctx.secret(s);
  if (!ak) {
    throw new InputError(
      'access-key-id',
      `is required for huawei-codearts (or set ${CREDENTIAL_ENV.accessKeyId.join(' or ')}), unless auth-token is given`,
    );
  }
  if (!sk) {
    throw new InputError(
      'access-key-secret',
      `is required with access-key-id (or set ${CREDENTIAL_ENV.accessKeySecret.join(' or ')})`,
    );
  }
  return { kind: 'aksk', accessKeyId: ak, secretAccessKey: sk, securityToken };
}

function resolveEndpoint(ctx: ProviderContext): URL {
  const { endpoint, region: regionInput } = ctx.settings;
  const allowHttp = ctx.settings['allow-insecure-http'];
  if (endpoint !== undefined) return checkEndpoint(endpoint, 'endpoint', allowHttp);
  const region = regionInput ?? firstSet(ctx.env, CREDENTIAL_ENV.region);
  if (region === undefined) {
    throw new InputError(
      'region',
      `is required for huawei-codearts unless endpoint is given, e.g. cn-north-4 (or set ${CREDENTIAL_ENV.region.join(' or ')})`,
    );
  }
  const override = ctx.env[endpointOverrideVariable(region)];
  if (override) return checkEndpoint(override, endpointOverrideVariable(region), allowHttp);
  const url = regionEndpoint(region);
  if (url === undefined) {
    throw new InputError(
      'region',
      `'${region}' has no CodeArts Pipeline endpoint; use one of ${CODEARTS_REGIONS.join(', ')}, or give endpoint`,
    );
  }
  return new URL(url);
}

/** `parameters` → run `variables`: scalars as text, structures as JSON; each value at most 8192 characters. */
function toVariables(parameters: Record<string, unknown>): Variable[] {
  return Object.entries(parameters).map(([name, raw]) => {
    const value = valueText(raw);
    if (value.length > MAX_VARIABLE_VALUE) {
      throw new InputError(
        'parameters',
        `has '${name}' with ${value.length} characters: CodeArts accepts at most ${MAX_VARIABLE_VALUE}`,
      );
    }
    return { name, value };
  });
}
