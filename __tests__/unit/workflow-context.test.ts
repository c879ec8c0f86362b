/** The run a step belongs to: @actions/github's context on a runner, GitLab/Jenkins variables for the CLI elsewhere. */
import { afterEach, expect, test } from '@jest/globals';
import { ciWorkflowContext } from '../../src/cli/run.ts';
import { githubWorkflowContext } from '../../src/github-context.ts';

const RUNNER = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_SHA: 'abc123',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SERVER_URL: 'https://ghe.example',
  GITHUB_WORKFLOW: 'deploy',
};
const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(RUNNER)) delete process.env[k];
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
