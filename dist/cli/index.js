#!/usr/bin/env node
// The run-pipelines command.
globalThis.runPipelinesPhase = 'cli';
await import('../index.js');
