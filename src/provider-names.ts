/**
 * The names of the providers, outside src/providers/: the inputs read them to check `provider`, and
 * nothing src/providers/ imports may import into that folder (scripts/check-imports.mjs).
 */
export const PROVIDER_NAMES = ['feldera', 'vmware-aria', 'huawei-codearts', 'alibaba-logstash'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];
