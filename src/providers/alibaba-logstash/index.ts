/**
 * Alibaba Cloud Elasticsearch, Logstash pipelines: one RunPipelines call deploys every requested
 * pipeline (which restarts the instance), then the wait reads the instance and its pipelines once
 * per poll. The adapter's exports; the provider is in provider.ts.
 */
export { createProvider, stepOutputs } from './provider.ts';
export { loadSchemas } from './client.ts';
