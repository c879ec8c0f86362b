/**
 * VMware Aria Automation Pipelines (Code Stream) adapter: executes each pipeline once and follows the
 * execution until a final status. The adapter's exports; the provider is in provider.ts.
 */
export { createProvider, stepOutputs } from './provider.ts';
export { loadSchemas } from './reader.ts';
