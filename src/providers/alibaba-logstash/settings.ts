/**
 * Alibaba Logstash's inputs and environment, read into a typed config before any request: every bad
 * value is an InputError naming the input. The credential chain is read in credentials.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { checkEndpoint } from '../../endpoint.ts';
import { InputError } from '../../errors.ts';
import { REGION_ID, readInputs, inputRules, type InputValues } from '../../inputs.ts';
import type { InputShapeOf } from '../registry.ts';
import type { ProviderContext, WorkflowContext } from '../types.ts';
import type { LogstashData, LogstashHandle } from './schemas.ts';

import { CLIENT_TOKEN, INSTANCE_ID, PIPELINE_ID } from './ids.ts';

export { CLIENT_TOKEN, INSTANCE_ID, PIPELINE_ID };
const shape = {
  'instance-id': inputRules.optionalText(INSTANCE_ID, 'a Logstash instance id such as ls-cn-abc123def456'),
  'access-key-id': inputRules.optionalText(),
  'access-key-secret': inputRules.optionalText(),
  'security-token': inputRules.optionalText(),
  'role-arn': inputRules.optionalText(),
  'oidc-provider-arn': inputRules.optionalText(),
  'role-session-name': inputRules.optionalText(),
  'client-token': inputRules.optionalText(CLIENT_TOKEN, 'at most 64 letters, digits, ".", "_" or "-"'),
} satisfies InputShapeOf<'alibaba-logstash'>;

export type LogstashInputs = InputValues<typeof shape>;

export interface LogstashSettings {
  given: LogstashInputs;
  instanceId: string;
  region: string | undefined;
  base: URL;
  clientToken: string;
}

export function readSettings(ctx: ProviderContext<LogstashData>): LogstashSettings {
  const given = readInputs(shape, ctx.inputs);
  const resumed = ctx.resumed?.[0]?.data;
  const instanceId = given['instance-id'] ?? resumed?.instanceId;
  if (instanceId === undefined) throw new InputError('instance-id', 'is required for alibaba-logstash, e.g. ls-cn-abc123def456');
  checkResumed(ctx.resumed, instanceId);
  const pipelines = ctx.settings['pipeline-ids'];
  const bad = pipelines.find((id) => !PIPELINE_ID.test(id));
  if (bad !== undefined)
    throw new InputError('pipeline-ids', `has '${bad}': Logstash pipeline ids are letters, digits, '_' and '-'`);
  const region = ctx.settings.region ?? envRegion(ctx.env);
  const base = endpointFor(ctx, region);
  const clientToken = given['client-token'] ?? resumed?.clientToken ?? defaultClientToken(ctx.workflow, instanceId, pipelines);
  return { given, instanceId, region, base, clientToken };
}

/** The runs of an earlier step (`runs`) were all deployed on one instance: this step's. */
function checkResumed(resumed: LogstashHandle[] | undefined, instanceId: string): void {
  const other = resumed?.find((h) => h.data.instanceId !== instanceId);
  if (other) {
    throw new InputError('runs', `has a run on instance ${other.data.instanceId}, but this step's instance is ${instanceId}`);
  }
}

function envRegion(env: NodeJS.ProcessEnv): string | undefined {
  const r = env['ALIBABA_CLOUD_REGION_ID'];
  if (r === undefined || r === '') return undefined;
  if (!REGION_ID.test(r)) throw new InputError('region', `is unset and ALIBABA_CLOUD_REGION_ID is not a region id (got '${r}')`);
  return r;
}

function endpointFor(ctx: ProviderContext, region: string | undefined): URL {
  if (ctx.settings.endpoint) return checkEndpoint(ctx.settings.endpoint, 'endpoint', ctx.settings['allow-insecure-http']);
  if (region === undefined) {
    throw new InputError('region', 'is required for alibaba-logstash (or give endpoint), e.g. cn-hangzhou');
  }
  return new URL(`https://elasticsearch.${region}.aliyuncs.com`);
}

/**
 * The same workflow run attempt always yields the same token, so RunPipelines retried, or the step
 * re-entered within one attempt, never deploys twice; a re-run (new attempt) deploys again.
 */
export function defaultClientToken(w: WorkflowContext, instanceId: string, pipelines: string[]): string {
  if (!w.repository || !w.runId) return randomUUID();
  const seed = [w.repository, w.runId, w.runAttempt ?? '1', instanceId, ...pipelines].join('\n');
  return asUuid(createHash('sha256').update(seed).digest('hex'));
}

function asUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A token of its own for a follow-up call, stable across that call's retries. */
export function derivedToken(base: string, purpose: string, ids: string[]): string {
  return asUuid(
    createHash('sha256')
      .update([base, purpose, ...ids].join('\n'))
      .digest('hex'),
  );
}
