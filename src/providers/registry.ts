/**
 * Provider names → adapters. Each adapter is imported only when chosen, so a step pays start-up time
 * for one provider only.
 */
import type { ProviderAdapter } from './types.ts';

export const PROVIDER_NAMES = ['feldera', 'vmware-aria', 'huawei-codearts', 'alibaba-logstash'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** Per-provider defaults that the engine applies without knowing the provider. */
export interface ProviderTraits {
  cancelOnAbortDefault: boolean;
}

export interface ProviderModule extends ProviderAdapter {
  traits: ProviderTraits;
}

const loaders: Record<ProviderName, () => Promise<ProviderModule>> = {
  feldera: () => import('./feldera/index.ts'),
  'vmware-aria': () => import('./vmware-aria/index.ts'),
  'huawei-codearts': () => import('./huawei-codearts/index.ts'),
  'alibaba-logstash': () => import('./alibaba-logstash/index.ts'),
};

export function loadProvider(name: ProviderName): Promise<ProviderModule> {
  return loaders[name]();
}
