/**
 * Provider names → adapters. Each adapter is imported only when chosen, so a step pays start-up time
 * for one provider only.
 */
import type { ProviderName } from '../inputs.ts';
import type { ProviderFactory, ProviderTraits } from './types.ts';

export interface ProviderModule {
  createProvider: ProviderFactory;
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
