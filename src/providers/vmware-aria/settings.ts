/**
 * Aria's inputs into a typed config before any request: every bad value (a pipeline reference, the
 * ways to sign in, the endpoint) is an InputError naming the input.
 */
import { checkEndpoint } from '../../endpoint.ts';
import { InputError } from '../../errors.ts';
import { readInputs, inputRules, type InputValues } from '../../inputs.ts';
import type { InputShapeOf } from '../registry.ts';
import type { ProviderContext, WorkflowContext } from '../types.ts';
import { repositoryAtCommit, valueText, workflowRunUrl } from '../shared.ts';
import type { Credentials } from './auth.ts';
import type { ExecutionRequest, PipelineRef } from './client.ts';

const shape = {
  parameters: inputRules.mapping(),
  comments: inputRules.optionalText(),
  tags: inputRules.optionalList(),
  'refresh-token': inputRules.optionalText(),
  'access-token': inputRules.optionalText(),
  username: inputRules.optionalText(),
  password: inputRules.optionalText(),
  domain: inputRules.optionalText(),
} satisfies InputShapeOf<'vmware-aria'>;

type AriaInputs = InputValues<typeof shape>;

export interface AriaSettings {
  base: URL;
  creds: Credentials;
  /** The execute call's body, the same for every pipeline. */
  body: ExecutionRequest;
}

export function readSettings(ctx: ProviderContext): AriaSettings {
  const given = readInputs(shape, ctx.inputs);
  for (const s of [given['refresh-token'], given['access-token'], given.password]) if (s) ctx.secret(s);
  // Checked up front so a bad id fails before any request.
  ctx.settings['pipeline-ids'].forEach(parseRef);
  const creds = credentials(given);
  if (!ctx.settings.endpoint) {
    throw new InputError(
      'endpoint',
      'is required for vmware-aria: the appliance URL (https://vra.example.com) or the SaaS API host (https://api.mgmt.cloud.vmware.com)',
    );
  }
  const base = checkEndpoint(ctx.settings.endpoint, 'endpoint', ctx.settings['allow-insecure-http']);
  const body: ExecutionRequest = {
    comments: given.comments ?? defaultComments(ctx.workflow),
    input: stringValues(given.parameters),
    ...(given.tags.length > 0 ? { tags: given.tags } : {}),
  };
  return { base, creds, body };
}

/** `project/name` selects by name; anything without a slash is a pipeline id. */
export function parseRef(raw: string): PipelineRef {
  const parts = raw.split('/');
  if (parts.length === 1 && /^\S+$/.test(raw)) return { id: raw };
  const [project = '', name = ''] = parts.map((p) => p.trim());
  if (parts.length === 2 && project !== '' && name !== '') return { project, name };
  throw new InputError('pipeline-ids', `has '${raw}': expected a pipeline id or project/name (one '/', both parts non-empty)`);
}

function credentials(given: AriaInputs): Credentials {
  const ways = (['access-token', 'refresh-token', 'username'] as const).filter((k) => given[k] !== undefined);
  if (ways.length > 1) {
    throw new InputError(ways[1] ?? 'access-token', `cannot be combined with '${ways[0] ?? ''}': give one way to sign in`);
  }
  if (given['access-token']) return { kind: 'access-token', token: given['access-token'] };
  if (given['refresh-token']) return { kind: 'refresh-token', refreshToken: given['refresh-token'] };
  if (given.username) {
    if (!given.password) throw new InputError('password', 'is required with username');
    return { kind: 'password', username: given.username, password: given.password, domain: given.domain };
  }
  if (given.password || given.domain) throw new InputError('username', 'is required with password and domain');
  throw new InputError(
    'refresh-token',
    'is required for vmware-aria (an API token), or give access-token, or username and password (on-premises)',
  );
}

/** Pipeline inputs are strings; structured values are passed as their JSON text. */
function stringValues(m: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(m)) out[k] = valueText(val);
  return out;
}

export function defaultComments(w: WorkflowContext): string {
  if (!w.repository) return 'Triggered by GitHub Actions';
  const workflow = w.workflow ? `, workflow '${w.workflow}'` : '';
  const url = workflowRunUrl(w);
  const attempt = w.runAttempt && w.runAttempt !== '1' ? ` (attempt ${w.runAttempt})` : '';
  const run = url === undefined ? '' : `, run ${url}${attempt}`;
  return `Triggered by GitHub Actions: ${repositoryAtCommit({ ...w, repository: w.repository })}${workflow}${run}`;
}
