/**
 * The one list of providers and what the rest of the action may know about each without loading it:
 * its name, its default for cancel-on-abort, the inputs it reads beyond the common ones (and what
 * reading them needs loaded first), and the step outputs it sets. The adapter itself is imported only
 * when its provider is chosen (src/load-adapter.ts).
 */
import type { InputShape } from '../inputs.ts';
import { PROVIDER_NAMES, type ProviderName } from '../provider-names.ts';

export { PROVIDER_NAMES, type ProviderName };

/** Something an input needs loaded before it is read: the YAML parser is a fifth of the bundle and loaded on demand. */
export type InputNeed = 'yaml-parser';

export interface ProviderInfo {
  /** Whether runs are cancelled on timeout or job cancellation when `cancel-on-abort` is unset. */
  readonly cancelOnAbortDefault: boolean;
  /** The inputs the provider reads beyond the common ones, each with what reading it needs. */
  readonly inputs: Readonly<Record<string, readonly InputNeed[]>>;
  /** The step outputs it sets beyond the common ones (action.yml declares each). */
  readonly outputs: readonly string[];
}

export const PROVIDERS = {
  feldera: {
    cancelOnAbortDefault: false,
    inputs: { operation: [], initial: [], 'bootstrap-policy': [], 'dismiss-error': [], 'api-key': [] },
    outputs: [],
  },
  'vmware-aria': {
    cancelOnAbortDefault: true,
    inputs: {
      parameters: ['yaml-parser'],
      comments: [],
      tags: [],
      'refresh-token': [],
      'access-token': [],
      username: [],
      password: [],
      domain: [],
    },
    outputs: ['executionId', 'executionIndex', 'executionLink'],
  },
  'huawei-codearts': {
    cancelOnAbortDefault: true,
    inputs: {
      'project-id': [],
      parameters: ['yaml-parser'],
      'access-key-id': [],
      'access-key-secret': [],
      'security-token': [],
      'auth-token': [],
    },
    outputs: ['pipeline_run_id', 'request-id'],
  },
  'alibaba-logstash': {
    cancelOnAbortDefault: false,
    inputs: {
      'instance-id': [],
      'access-key-id': [],
      'access-key-secret': [],
      'security-token': [],
      'role-arn': [],
      'oidc-provider-arn': [],
      'role-session-name': [],
      'client-token': [],
    },
    outputs: ['request-id'],
  },
} as const satisfies Record<ProviderName, ProviderInfo>;

/** The inputs a provider declares, by name. */
export type ProviderInputName<N extends ProviderName> = keyof (typeof PROVIDERS)[N]['inputs'] & string;
/** The step outputs a provider declares, by name. */
export type ProviderOutputName<N extends ProviderName> = (typeof PROVIDERS)[N]['outputs'][number];
/** What a provider's `stepOutputs` returns: only outputs it declares. */
export type StepOutputsOf<N extends ProviderName> = Partial<Record<ProviderOutputName<N>, string>>;

export function providerInfo(name: ProviderName): ProviderInfo {
  return PROVIDERS[name];
}

/** The input rules an adapter reads its own inputs with (src/inputs.ts): exactly the inputs it declares above. */
export type InputShapeOf<N extends ProviderName> = Record<ProviderInputName<N>, InputShape[string]>;
