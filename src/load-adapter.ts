/**
 * Imports the chosen provider's adapter, and only that one, so a step pays start-up time for one
 * provider only. Outside src/providers/: the adapters import the registry's facts, and a loader beside
 * them would close an import loop through these lazy imports (scripts/check-imports.mjs).
 */
import type { ProviderName } from './provider-names.ts';
import type { ProviderAdapter } from './providers/types.ts';

// The shape `load: () => import(...)` is what the build's seam check finds in dist/index.js (src/start-path/seam.mjs).
const ADAPTERS: Record<ProviderName, { load: () => Promise<ProviderAdapter> }> = {
  feldera: {
    load: () => import('./providers/feldera/index.ts'),
  },
  'vmware-aria': {
    load: () => import('./providers/vmware-aria/index.ts'),
  },
  'huawei-codearts': {
    load: () => import('./providers/huawei-codearts/index.ts'),
  },
  'alibaba-logstash': {
    load: () => import('./providers/alibaba-logstash/index.ts'),
  },
};

export function loadAdapter(name: ProviderName): Promise<ProviderAdapter> {
  return ADAPTERS[name].load();
}
