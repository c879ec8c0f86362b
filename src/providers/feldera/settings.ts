/**
 * Feldera's inputs and environment, read into a typed config before any request: every bad value is an
 * InputError naming the input.
 */
import { checkEndpoint } from '../../endpoint.ts';
import { InputError } from '../../errors.ts';
import { readInputs, inputRules } from '../../inputs.ts';
import type { InputShapeOf } from '../registry.ts';
import type { ProviderContext } from '../types.ts';
import { NAME, NAME_MAX } from './ids.ts';

/**
 * Names Feldera serves: letters, digits, '_' and '-', at most 100 (db/types/utils.rs before v0.308.0).
 * v0.308.0 (af55aa07e) allows at most 63, starting and ending with a letter or digit, but checks that
 * only when a pipeline is created or renamed: "existing pipelines with a now invalid name will continue
 * to function" (docs.feldera.com changelog). So the old rule refuses, and the new one warns.
 */
export { NAME, NAME_MAX };
const NEW_NAME = /^([A-Za-z0-9][-A-Za-z0-9_]*)?[A-Za-z0-9]$/;
const NEW_NAME_MAX = 63;

const shape = {
  operation: inputRules.oneOf(['start', 'activate'] as const, 'start'),
  initial: inputRules.oneOf(['running', 'paused', 'standby'] as const, 'running'),
  'bootstrap-policy': inputRules.optionalOneOf(['allow', 'reject', 'await_approval'] as const),
  'dismiss-error': inputRules.boolean(true),
  'api-key': inputRules.optionalText(),
} satisfies InputShapeOf<'feldera'>;

export interface FelderaConfig {
  operation: 'start' | 'activate';
  initial: 'running' | 'paused' | 'standby';
  bootstrapPolicy: string | undefined;
  dismissError: boolean;
}

export interface FelderaSettings {
  config: FelderaConfig;
  base: URL;
  apiKey: string | undefined;
  tenant: string | undefined;
}

export function readSettings(ctx: ProviderContext): FelderaSettings {
  const given = readInputs(shape, ctx.inputs);
  if (given.operation === 'activate' && given.initial === 'standby') {
    throw new InputError('initial', "must be running or paused when operation is 'activate' (got 'standby')");
  }
  checkNames(ctx);
  const rawEndpoint = ctx.settings.endpoint ?? ctx.env['FELDERA_HOST'];
  if (!rawEndpoint)
    throw new InputError('endpoint', 'is required for feldera (or set FELDERA_HOST), e.g. https://feldera.example.com');
  const base = checkEndpoint(
    rawEndpoint,
    ctx.settings.endpoint ? 'endpoint' : 'FELDERA_HOST',
    ctx.settings['allow-insecure-http'],
  );
  const apiKey = given['api-key'] ?? ctx.env['FELDERA_API_KEY'];
  if (apiKey) ctx.secret(apiKey);
  const config: FelderaConfig = {
    operation: given.operation,
    initial: given.initial,
    bootstrapPolicy: given['bootstrap-policy'],
    dismissError: given['dismiss-error'],
  };
  return { config, base, apiKey, tenant: ctx.env['FELDERA_TENANT'] };
}

function checkNames(ctx: ProviderContext): void {
  const bad = ctx.settings['pipeline-ids'].find((id) => id.length > NAME_MAX || !NAME.test(id));
  if (bad !== undefined) {
    throw new InputError('pipeline-ids', `has '${bad}': Feldera pipeline names are 1 to 100 letters, digits, '_' and '-'`);
  }
  for (const id of ctx.settings['pipeline-ids']) {
    if (id.length <= NEW_NAME_MAX && NEW_NAME.test(id)) continue;
    ctx.log.warning(
      `'${id}' is a name Feldera 0.308.0 and later refuse for a new or renamed pipeline (at most ${NEW_NAME_MAX} characters, starting and ending with a letter or digit); an existing pipeline keeps working under it`,
      id,
    );
  }
}
