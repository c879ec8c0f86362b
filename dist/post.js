// The post step: the same bundle as main, told which phase it runs in.
globalThis.runPipelinesPhase = 'post';
await import('./index.js');
