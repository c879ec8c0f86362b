/**
 * Entry point of both steps. action.yml runs `dist/index.js` as main and `dist/post.js` as post;
 * post.js only marks the phase and imports this bundle, so the two steps share one copy of the code.
 */
import { run } from './main.ts';

const phase = (globalThis as { runPipelinesPhase?: string }).runPipelinesPhase;
if (phase === 'post') {
  const { post } = await import('./post.ts');
  await post();
} else {
  await run();
}
