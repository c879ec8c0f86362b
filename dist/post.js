// The post step (action.yml runs.post).
globalThis.runPipelinesPhase = 'post';
await import('./index.js');
