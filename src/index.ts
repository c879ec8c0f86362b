/**
 * Entry point of every bundle phase. action.yml runs `dist/index.js` as main and `dist/post.js` as
 * post; `dist/cli/index.js` is the CLI. The shims only mark the phase and import this bundle, so all
 * share one copy of the code, and the main step never loads the post or CLI code.
 */
import { run } from './main.ts';

const phase = (globalThis as { runPipelinesPhase?: string }).runPipelinesPhase;
if (phase === 'post') {
  const { post } = await import('./post.ts');
  await post();
} else if (phase === 'cli') {
  const { runCli } = await import('./cli/index.ts');
  await runCli();
} else {
  await run();
}
