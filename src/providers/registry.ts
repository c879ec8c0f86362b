/**
 * Provider names → adapters. Each adapter is imported only when chosen, so a step pays start-up time
 * for one provider only.
 */
import type { ProviderName } from '../inputs.ts';
import type { ProviderFactory, ProviderTraits } from './types.ts';

type Loader = () => Promise<{ createProvider: ProviderFactory; traits: ProviderTraits }>;

const loaders: Record<ProviderName, Loader | undefined> = {
  feldera: () => import('./feldera/index.ts'),
  'vmware-aria': () => import('./vmware-aria/index.ts'),
  'huawei-codearts': () => import('./huawei-codearts/index.ts'),
  'alibaba-logstash': () => import('./alibaba-logstash/index.ts'),
};

export async function loadProvider(name: ProviderName): Promise<{ createProvider: ProviderFactory; traits: ProviderTraits }> {
  const load = loaders[name];
  if (load === undefined) throw new Error(`provider '${name}' is not available in this version of the action`);
  return load();
}
