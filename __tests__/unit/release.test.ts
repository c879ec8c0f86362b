/**
 * The release workflow's checks (scripts/release.ts): a tag is released only when package.json,
 * package-lock.json and CHANGELOG.md agree with it, and the release text is that version's section.
 * The repository's own files are checked too, so a version bump that forgets one fails here first.
 */
import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../emulator/run-action.ts';
import { changelogSection, parseTag, releaseProblems, type ReleaseFiles } from '../../scripts/release.ts';

const CHANGELOG = `# Changelog

All notable changes are listed here.

## [Unreleased]

- something not released yet

## [1.1.0] - 2027-02-01

### Added

- the \`frobnicate\` input

## [1.0.0] - 2026-12-04

### Added

- first release

[Unreleased]: https://github.com/run-pipelines/run-pipelines/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/run-pipelines/run-pipelines/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/run-pipelines/run-pipelines/releases/tag/v1.0.0
`;

function files(version: string, changelog = CHANGELOG, lockVersion = version): ReleaseFiles {
  return {
    packageJson: JSON.stringify({ name: 'run-pipelines', version }),
    packageLock: JSON.stringify({ version: lockVersion, packages: { '': { version: lockVersion } } }),
    changelog,
  };
}

describe('release tags', () => {
  test('vMAJOR.MINOR.PATCH gives the version and the moving major tag', () => {
    expect(parseTag('v1.0.0')).toEqual({ tag: 'v1.0.0', version: '1.0.0', major: 'v1' });
    expect(parseTag('v12.3.40')).toEqual({ tag: 'v12.3.40', version: '12.3.40', major: 'v12' });
  });

  test.each(['1.0.0', 'v1', 'v1.0', 'v1.0.0-rc.1', 'v01.0.0', 'v1.0.0 ', 'release-1.0.0'])('%j is not a release tag', (tag) => {
    expect(parseTag(tag)).toBeUndefined();
    expect(releaseProblems(tag, files('1.0.0'))).toEqual([expect.stringContaining('is not a release tag')]);
  });
});

describe('the changelog section', () => {
  test('is the text under the version heading, up to the next one', () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe('### Added\n\n- the `frobnicate` input');
  });

  test('the last section leaves out the link definitions at the end of the file', () => {
    expect(changelogSection(CHANGELOG, '1.0.0')).toBe('### Added\n\n- first release');
  });

  test('a version without a section has none (1.0.0 is not 11.0.0 or 1.0.00, 1.0 not 1.0.0)', () => {
    expect(changelogSection(CHANGELOG, '1.2.0')).toBeUndefined();
    expect(changelogSection(CHANGELOG.replace('## [1.0.0]', '## [11.0.0]'), '1.0.0')).toBeUndefined();
    expect(changelogSection(CHANGELOG.replace('## [1.0.0]', '## [1.0.00]'), '1.0.0')).toBeUndefined();
    expect(changelogSection(CHANGELOG, '1.0')).toBeUndefined();
  });
});

describe('what may be released', () => {
  test('a tag that package.json, the lock file and a dated changelog section agree with', () => {
    expect(releaseProblems('v1.1.0', files('1.1.0'))).toEqual([]);
  });

  test('each disagreement is named, with what to do', () => {
    expect(releaseProblems('v1.1.0', files('1.0.0', CHANGELOG, '1.0.0'))).toEqual([
      "tag v1.1.0 but package.json's version is 1.0.0: set it with npm version 1.1.0 --no-git-tag-version",
      "package-lock.json's version is not 1.1.0: run npm install --package-lock-only",
    ]);
    expect(releaseProblems('v1.1.0', files('1.1.0', CHANGELOG, '1.0.0'))).toEqual([
      "package-lock.json's version is not 1.1.0: run npm install --package-lock-only",
    ]);
    expect(releaseProblems('v1.2.0', files('1.2.0'))).toEqual(['CHANGELOG.md has no section "## [1.2.0] - YYYY-MM-DD"']);
  });

  test('an undated or empty section is not a release', () => {
    const undated = CHANGELOG.replace('## [1.1.0] - 2027-02-01', '## [1.1.0]');
    expect(releaseProblems('v1.1.0', files('1.1.0', undated))).toEqual([
      "CHANGELOG.md's 1.1.0 heading has no release date (## [1.1.0] - YYYY-MM-DD)",
    ]);
    const empty = CHANGELOG.replace('### Added\n\n- the `frobnicate` input\n', '');
    expect(releaseProblems('v1.1.0', files('1.1.0', empty))).toEqual(["CHANGELOG.md's 1.1.0 section is empty"]);
  });
});

describe('this repository', () => {
  const read = (f: string): string => readFileSync(join(ROOT, f), 'utf8');
  const own: ReleaseFiles = {
    packageJson: read('package.json'),
    packageLock: read('package-lock.json'),
    changelog: read('CHANGELOG.md'),
  };
  const { version } = JSON.parse(own.packageJson) as { version: string };

  test('package.json, package-lock.json and CHANGELOG.md are ready to release package.json’s version', () => {
    expect(releaseProblems(`v${version}`, own)).toEqual([]);
  });

  test('the command prints the outputs the workflow reads, and refuses a tag that does not match', async () => {
    const cli = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          ['scripts/release.ts', ...args],
          { cwd: ROOT, env: { PATH: process.env['PATH'], HOME: process.env['HOME'] } },
          (err, stdout, stderr) => resolve({ code: err === null ? 0 : Number(err.code), stdout, stderr }),
        );
      });
    const major = `v${version.split('.')[0] ?? ''}`;
    const [ok, wrong, notes] = await Promise.all([cli('check'), cli('check', 'v0.0.1'), cli('notes', version)]);
    expect(ok).toEqual({ code: 0, stdout: `tag=v${version}\nversion=${version}\nmajor=${major}\n`, stderr: '' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("release: tag v0.0.1 but package.json's version is");
    expect(notes.stdout).toBe(`${changelogSection(own.changelog, version) ?? ''}\n`);
  });
});
