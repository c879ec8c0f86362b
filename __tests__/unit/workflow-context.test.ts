/** The run a step belongs to: @actions/github's context on a runner, GitLab/Jenkins variables for the CLI elsewhere. */
import { afterEach, expect, test } from '@jest/globals';
import { ciWorkflowContext } from '../../src/cli/run.ts';
import { githubWorkflowContext } from '../../src/github-context.ts';
import { Context } from '../../node_modules/@actions/github/lib/context.js';
import { workflowRunUrl } from '../../src/providers/shared.ts';
import { defaultComments } from '../../src/providers/vmware-aria/settings.ts';

const RUNNER = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_SHA: 'abc123',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SERVER_URL: 'https://ghe.example',
  GITHUB_WORKFLOW: 'deploy',
};
/** What a runner of GitHub Enterprise Server sets: the instance's addresses instead of github.com's. */
const GHES = {
  ...RUNNER,
  GITHUB_SERVER_URL: 'https://ghe.corp.example',
  GITHUB_API_URL: 'https://ghe.corp.example/api/v3',
  GITHUB_GRAPHQL_URL: 'https://ghe.corp.example/api/graphql',
};
const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(GHES)) delete process.env[k];
  Object.assign(process.env, saved);
});

test('on a runner: repository, commit, run id and attempt, server URL and workflow from the context', () => {
  Object.assign(process.env, RUNNER);
  const expected = {
    repository: 'octo-org/octo-repo',
    sha: 'abc123',
    runId: '4242',
    runAttempt: '2',
    serverUrl: 'https://ghe.example',
    workflow: 'deploy',
  };
  expect(githubWorkflowContext()).toEqual(expected);
  expect(ciWorkflowContext(process.env)).toEqual(expected);
});

test('off GitHub, the CLI labels runs from GitLab or Jenkins variables', () => {
  expect(
    ciWorkflowContext({ CI_PROJECT_PATH: 'g/p', CI_COMMIT_SHA: 'f00', CI_PIPELINE_ID: '77', CI_JOB_NAME: 'deploy' }),
  ).toEqual({
    repository: 'g/p',
    sha: 'f00',
    runId: '77',
    workflow: 'deploy',
  });
  expect(ciWorkflowContext({ JOB_NAME: 'folder/job', GIT_COMMIT: 'b4r', BUILD_NUMBER: '12' })).toEqual({
    repository: 'folder/job',
    sha: 'b4r',
    runId: '12',
  });
});

test('on GitHub Enterprise Server: the server and API URLs from the context, and run links on the instance', () => {
  Object.assign(process.env, GHES);
  const context = new Context();
  expect([context.serverUrl, context.apiUrl, context.graphqlUrl]).toEqual([
    'https://ghe.corp.example',
    'https://ghe.corp.example/api/v3',
    'https://ghe.corp.example/api/graphql',
  ]);
  const workflow = githubWorkflowContext();
  expect(workflow.serverUrl).toBe('https://ghe.corp.example');
  expect(ciWorkflowContext(process.env)).toEqual(workflow);
  const run = 'https://ghe.corp.example/octo-org/octo-repo/actions/runs/4242';
  expect(workflowRunUrl(workflow)).toBe(run);
  expect(defaultComments(workflow)).toBe(
    `Triggered by GitHub Actions: octo-org/octo-repo@abc123, workflow 'deploy', run ${run} (attempt 2)`,
  );
  expect(JSON.stringify(workflow)).not.toContain('github.com');
});

test('off a runner, and only there, the run link falls back to github.com', () => {
  expect(workflowRunUrl({ repository: 'o/r', runId: '7' })).toBe('https://github.com/o/r/actions/runs/7');
  expect(workflowRunUrl({ repository: 'o/r', runId: '7', serverUrl: 'https://ghe.corp.example' })).toBe(
    'https://ghe.corp.example/o/r/actions/runs/7',
  );
});
