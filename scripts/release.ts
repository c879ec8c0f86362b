/**
 * The checks of the release workflow (.github/workflows/release.yml), here rather than in its shell
 * so they have a unit test (__tests__/unit/release.test.ts):
 *
 *   node scripts/release.ts check [vX.Y.Z]   the tag, package.json, package-lock.json and CHANGELOG.md
 *                                            agree; prints `tag=`, `version=` and `major=` lines for
 *                                            GITHUB_OUTPUT. Without a tag (a rehearsal), v + package.json's version.
 *   node scripts/release.ts notes X.Y.Z      that version's CHANGELOG.md section: the GitHub release's text
 */
import { readFileSync } from 'node:fs';

/** Release tags: `v` and a semantic version without pre-release or build parts (`v1.2.3`). */
const TAG = /^v((0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*))$/;

export interface Release {
  tag: string;
  version: string;
  /** The moving major tag (`v1`) that `uses: run-pipelines/run-pipelines@v1` follows. */
  major: string;
}

export function parseTag(tag: string): Release | undefined {
  const m = TAG.exec(tag);
  return m ? { tag, version: m[1] as string, major: `v${m[2] as string}` } : undefined;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `## [X.Y.Z] - YYYY-MM-DD` heading of a version (Keep a Changelog form; brackets and date optional here, judged below). */
function headingOf(changelog: string, version: string): RegExpExecArray | null {
  return new RegExp(`^## \\[?${escape(version)}\\]?(?:\\s+-\\s+(.*?))?\\s*$`, 'm').exec(changelog);
}

/**
 * The body of a version's section, without its heading: up to the next `## ` heading, and without
 * the link definitions (`[1.0.0]: https://…`) Keep a Changelog puts at the end of the file.
 */
export function changelogSection(changelog: string, version: string): string | undefined {
  const heading = headingOf(changelog, version);
  if (!heading) return undefined;
  const rest = changelog.slice(heading.index + heading[0].length);
  const next = /^## /m.exec(rest);
  const body = next ? rest.slice(0, next.index) : rest;
  return body
    .split('\n')
    .filter((line) => !/^\[[^\]]+\]:\s+\S+\s*$/.test(line))
    .join('\n')
    .trim();
}

export interface ReleaseFiles {
  packageJson: string;
  packageLock: string;
  changelog: string;
}

/** Why `tag` cannot be released from these files; empty when it can. */
export function releaseProblems(tag: string, files: ReleaseFiles): string[] {
  const release = parseTag(tag);
  if (!release) return [`tag '${tag}' is not a release tag: v and MAJOR.MINOR.PATCH (v1.2.3)`];
  const problems: string[] = [];
  const { version } = release;
  const pkg = (JSON.parse(files.packageJson) as { version?: string }).version;
  if (pkg !== version)
    problems.push(
      `tag ${tag} but package.json's version is ${String(pkg)}: set it with npm version ${version} --no-git-tag-version`,
    );
  const lock = JSON.parse(files.packageLock) as { version?: string; packages?: Record<string, { version?: string }> };
  if (lock.version !== version || lock.packages?.['']?.version !== version) {
    problems.push(`package-lock.json's version is not ${version}: run npm install --package-lock-only`);
  }
  const heading = headingOf(files.changelog, version);
  if (!heading) problems.push(`CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD"`);
  else {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heading[1] ?? ''))
      problems.push(`CHANGELOG.md's ${version} heading has no release date (## [${version}] - YYYY-MM-DD)`);
    if (changelogSection(files.changelog, version) === '') problems.push(`CHANGELOG.md's ${version} section is empty`);
  }
  return problems;
}

function readFiles(): ReleaseFiles {
  return {
    packageJson: readFileSync('package.json', 'utf8'),
    packageLock: readFileSync('package-lock.json', 'utf8'),
    changelog: readFileSync('CHANGELOG.md', 'utf8'),
  };
}

function main([command, arg]: string[]): number {
  const files = readFiles();
  if (command === 'check') {
    const tag = arg || `v${String((JSON.parse(files.packageJson) as { version?: string }).version)}`;
    const problems = releaseProblems(tag, files);
    for (const p of problems) process.stderr.write(`release: ${p}\n`);
    const release = parseTag(tag);
    if (problems.length > 0 || !release) return 1;
    process.stdout.write(`tag=${release.tag}\nversion=${release.version}\nmajor=${release.major}\n`);
    return 0;
  }
  if (command === 'notes' && arg) {
    const section = changelogSection(files.changelog, arg);
    if (section === undefined) {
      process.stderr.write(`release: CHANGELOG.md has no section for ${arg}\n`);
      return 1;
    }
    process.stdout.write(`${section}\n`);
    return 0;
  }
  process.stderr.write('usage: node scripts/release.ts check [vX.Y.Z] | notes X.Y.Z\n');
  return 2;
}

if (process.argv[1] === new URL(import.meta.url).pathname) process.exitCode = main(process.argv.slice(2));
