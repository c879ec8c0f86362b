/**
 * The workflow run this step belongs to, from @actions/github's `Context` (repository, run id and
 * attempt, server URL, commit, workflow name). Imported from its own module, not the package root:
 * the root pulls in Octokit and its HTTP stack, which this action never uses (docs/performance.md).
 * The package's `exports` do not list the module, so it is imported by path.
 */
import { Context } from '../node_modules/@actions/github/lib/context.js';
import type { WorkflowContext } from './providers/types.ts';

export function githubWorkflowContext(): WorkflowContext {
  const context = new Context();
  const repository = repositoryOf(context);
  const count = (n: number): string | undefined => (Number.isFinite(n) ? String(n) : undefined);
  const fields: Record<keyof WorkflowContext, string | undefined> = {
    repository,
    sha: context.sha,
    runId: count(context.runId),
    runAttempt: count(context.runAttempt),
    serverUrl: context.serverUrl,
    workflow: context.workflow,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
}

/** `owner/repo`, or undefined off a runner (Context.repo throws when it cannot tell). */
function repositoryOf(context: Context): string | undefined {
  try {
    const { owner, repo } = context.repo;
    return owner && repo ? `${owner}/${repo}` : undefined;
  } catch {
    return undefined;
  }
}
