/**
 * Feldera adapter: starts (or activates) pipelines with an initial state and waits until each
 * reaches it. A "run" is the pipeline's deployment; its id is the pipeline name, since Feldera
 * has no run object (the deployment id is reported in `runs` once known).
 */
export { createProvider } from './provider.ts';
export { loadSchemas } from './client.ts';
