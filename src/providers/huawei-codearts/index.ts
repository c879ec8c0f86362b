/**
 * Huawei Cloud CodeArts Pipeline adapter: starts pipelines with BatchRunPipeline (or RunPipeline per
 * pipeline with run variables) and polls each run's detail. The adapter's exports; the provider is in
 * provider.ts.
 */
export { createProvider, stepOutputs } from './provider.ts';
export { loadSchemas } from './client.ts';
