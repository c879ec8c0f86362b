/**
 * The documentation and metadata users read: action.yml against GitHub's own action schema, the
 * reference page and the provider pages against action.yml, every relative link and anchor of
 * README.md and docs/, every workflow example through actionlint and every step fragment against
 * the declared inputs, and the README's first commands. Everything here runs offline.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { JSONObjectReader } from '@actions/workflow-parser/templates/json-object-reader';
import { TemplateSchema } from '@actions/workflow-parser/templates/schema/index';
import { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context';
import { readTemplate } from '@actions/workflow-parser/templates/template-reader';
import { NoOperationTraceWriter } from '@actions/workflow-parser/templates/trace-writer';
import { YamlObjectReader } from '@actions/workflow-parser/workflows/yaml-object-reader';
import { ROOT } from '../emulator/run-action.ts';
import { parseManifest } from '../src/cli/manifest.ts';
import { PROVIDERS as REGISTRY, PROVIDER_NAMES } from '../src/providers/registry.ts';

const read = (...p: string[]): string => readFileSync(join(ROOT, ...p), 'utf8');
const actionYml = read('action.yml');
const manifest = parseManifest(actionYml);
const inputNames = manifest.inputs.map((i) => i.name);
const requiredInputs = manifest.inputs.filter((i) => i.required).map((i) => i.name);
const readme = read('README.md');
const PROVIDERS: readonly string[] = PROVIDER_NAMES;

/** README.md and every page under docs/, as repository-relative paths. */
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The page of each provider: the docs/ file whose name contains the provider's name. */
function providerPage(provider: string): string {
  const found = pages.filter((p) => p.startsWith('docs/') && p.includes(provider));
  if (found.length !== 1) throw new Error(`expected one docs/ page named for ${provider}, found ${found.join(', ') || 'none'}`);
  return found[0] as string;
}

/** The action.yml schema that ships inside @actions/workflow-parser (it knows node24). */
function actionSchemaErrors(text: string): string[] {
  const dist = join(ROOT, 'node_modules', '@actions', 'workflow-parser', 'dist');
  const schema = TemplateSchema.load(new JSONObjectReader(undefined, readFileSync(join(dist, 'action-v1.0.min.json'), 'utf8')));
  const context = new TemplateContext(new TemplateValidationErrors(), schema, new NoOperationTraceWriter());
  const fileId = context.getFileId('action.yml');
  readTemplate(context, 'action-root-strict', new YamlObjectReader(fileId, text), fileId);
  return context.errors.getErrors().map((e) => e.message);
}

/** Markdown without its fenced code blocks (links and headings in code are not links or headings). */
const withoutFences = (md: string): string => md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

/** The rows (cells trimmed) of the first table under the `## heading` of a page, header and divider dropped. */
function tableRows(md: string, heading: string): string[][] {
  const lines = (md.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '').split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  if (start === -1) return [];
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start + 2, end === -1 ? undefined : end).map((r) =>
    r
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()),
  );
}

/** The backticked names in the first cell of each row: `a`, `b` → [a, b]. */
const firstCellNames = (rows: string[][]): string[] =>
  rows.flatMap((r) => [...(r[0] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));

/** Providers an action.yml description names before its first colon ("huawei-codearts, alibaba-logstash: …"). */
function descriptionProviders(description: string): string[] | undefined {
  const prefix = /^([a-z-]+(?:(?:, | and )[a-z-]+)*):/.exec(description)?.[1];
  const names = prefix?.split(/, | and /);
  return names?.every((n) => PROVIDERS.includes(n)) ? names : undefined;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, text = ''] of withoutFences(md).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const plain = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Every relative link of a page that does not resolve: a missing file, or an anchor the target lacks. */
function brokenLinks(
  page: string,
  md: string,
  fileExists: (path: string) => boolean,
  pageText: (path: string) => string,
): string[] {
  const text = withoutFences(md).replace(/`[^`\n]*`/g, '');
  const broken: string[] = [];
  for (const [, target = ''] of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:…
    const [path = '', anchor] = target.split('#');
    const file = path === '' ? page : normalize(join(dirname(page), decodeURIComponent(path)));
    if (file.startsWith('..') || !fileExists(file)) {
      broken.push(`${page}: ${target} (no file ${file})`);
      continue;
    }
    if (anchor !== undefined && file.endsWith('.md') && !anchors(pageText(file)).has(anchor)) {
      broken.push(`${page}: ${target} (no heading #${anchor} in ${file})`);
    }
  }
  return broken;
}

/** Repository paths a page names in inline code (`src/http.ts`, `__tests__/e2e/`) that do not exist; templates (`<name>`) and the generated dist/ skipped. */
function missingPaths(md: string, fileExists: (path: string) => boolean): string[] {
  const top = /^(?:src|emulator|__tests__|__fixtures__|scripts|bench|examples|docs|\.ci|\.github)\/[\w./-]*$/;
  const named = [...withoutFences(md).matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '').filter((p) => top.test(p));
  return [...new Set(named)].filter((p) => !fileExists(p.replace(/\/$/, '')));
}

/** The fenced blocks of a page with the given info strings. */
const fencedBlocks = (md: string, langs: string[]): string[] =>
  [...md.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].filter((m) => langs.includes((m[1] ?? '').trim())).map((m) => m[2] ?? '');

const isWorkflow = (doc: unknown): boolean =>
  typeof doc === 'object' && doc !== null && !Array.isArray(doc) && 'on' in doc && 'jobs' in doc;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** This action's steps in a parsed YAML document: a workflow, a job's `steps:`, a list of steps or one step. */
function ourSteps(doc: unknown): Step[] {
  let steps: unknown[] = [];
  if (isWorkflow(doc)) {
    const jobs = (doc as { jobs: Record<string, { steps?: unknown[] }> }).jobs;
    steps = Object.values(jobs).flatMap((j) => j.steps ?? []);
  } else if (Array.isArray(doc)) steps = doc;
  else if (typeof doc === 'object' && doc !== null) steps = 'steps' in doc ? ((doc as { steps: unknown[] }).steps ?? []) : [doc];
  return (steps as Step[]).filter(
    (s) => typeof s === 'object' && s !== null && (s.uses === './' || s.uses?.startsWith('run-pipelines/run-pipelines@')),
  );
}

describe('action.yml', () => {
  test('matches GitHub’s action schema (runs.using node24)', () => {
    expect(actionSchemaErrors(actionYml)).toEqual([]);
  });

  test('the schema check catches what the runner would reject', () => {
    const broken = actionYml.replace('using: node24', 'using: node99').replace('icon: play-circle', 'icon: rocket-ship');
    expect(actionSchemaErrors(broken)).toEqual([
      expect.stringContaining("Unexpected value 'rocket-ship'"),
      expect.stringContaining("Unexpected value 'node99'"),
    ]);
  });
});

describe('docs/inputs-outputs.md follows action.yml', () => {
  const reference = read('docs', 'inputs-outputs.md');
  const inputRows = tableRows(reference, 'Inputs');
  const rowOf = (name: string): string[] => inputRows.find((r) => (r[0] ?? '').includes(`\`${name}\``)) ?? [];

  test('## Inputs names every input once, and no other', () => {
    expect([...firstCellNames(inputRows)].sort()).toEqual([...inputNames].sort());
  });

  test('## Inputs shows each action.yml default, and (required) for each required input', () => {
    for (const input of manifest.inputs) {
      const defaultCell = rowOf(input.name)[2] ?? '';
      if (input.default !== undefined)
        expect([input.name, defaultCell]).toEqual([input.name, expect.stringContaining(`\`${input.default}\``)]);
      if (input.required) expect([input.name, defaultCell]).toEqual([input.name, '(required)']);
    }
  });

  test('the providers column agrees with the provider prefix of each description', () => {
    for (const input of manifest.inputs) {
      const cell = (rowOf(input.name)[1] ?? '').split(/,\s*/);
      const named = descriptionProviders(input.description);
      if (named) expect([input.name, [...cell].sort()]).toEqual([input.name, [...named].sort()]);
      for (const p of cell)
        expect([input.name, p]).toEqual([
          input.name,
          expect.stringMatching(/^(all|feldera|vmware-aria|huawei-codearts|alibaba-logstash)$/),
        ]);
    }
  });

  test('the providers column lists exactly the providers whose registry entry reads the input', () => {
    const readers = (name: string): string[] => PROVIDER_NAMES.filter((p) => name in REGISTRY[p].inputs);
    for (const input of manifest.inputs.filter((i) => readers(i.name).length > 0)) {
      const cell = (rowOf(input.name)[1] ?? '').split(/,\s*/);
      expect([input.name, [...cell].sort()]).toEqual([input.name, [...readers(input.name)].sort()]);
    }
  });

  test('## Outputs names every output once, and no other', () => {
    expect([...firstCellNames(tableRows(reference, 'Outputs'))].sort()).toEqual([...manifest.outputs].sort());
  });

  test('the table reader finds a row that is missing', () => {
    const cut = reference.replace(/^\| `dry-run` .*\n/m, '');
    expect(firstCellNames(tableRows(cut, 'Inputs'))).not.toContain('dry-run');
    expect(firstCellNames(tableRows(reference, 'Inputs'))).toContain('dry-run');
  });
});

describe('provider pages', () => {
  const inputRows = tableRows(read('docs', 'inputs-outputs.md'), 'Inputs');

  test.each(PROVIDERS)('docs/ has one page for %s, and it names every input that applies to it', (provider) => {
    const page = read(providerPage(provider));
    const applies = inputNames.filter((name) => {
      const cell = inputRows.find((r) => (r[0] ?? '').includes(`\`${name}\``))?.[1] ?? '';
      return cell === 'all' || cell.split(/,\s*/).includes(provider);
    });
    expect(applies.length).toBeGreaterThan(5);
    const mentioned = (name: string): boolean => page.includes(`\`${name}\``) || new RegExp(`^\\s*(- )?${name}:`, 'm').test(page);
    expect(applies.filter((name) => !mentioned(name))).toEqual([]);
  });

  test.each(PROVIDERS)('the ## Inputs table of the %s page names declared inputs, with action.yml defaults', (provider) => {
    const rows = tableRows(read(providerPage(provider)), 'Inputs');
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      for (const name of firstCellNames([row])) {
        expect(inputNames).toContain(name);
        const fallback = manifest.inputs.find((i) => i.name === name)?.default;
        if (fallback !== undefined) expect([name, row[1]]).toEqual([name, expect.stringContaining(`\`${fallback}\``)]);
      }
    }
  });

  test.each(PROVIDERS)('the %s page covers credentials, the end of a run, and errors', (provider) => {
    const headings = anchors(read(providerPage(provider)));
    expect([...headings]).toEqual(
      expect.arrayContaining(['inputs', 'credentials', 'how-the-end-of-a-run-is-decided', 'errors-and-what-to-do']),
    );
  });
});

describe('README.md is a front page', () => {
  test('at most 20 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20 * 1024);
  });

  test('its first code block is a shell block with the two newcomer commands, demo and test', () => {
    const first = /^```([^\n]*)\n([\s\S]*?)^```$/m.exec(readme);
    expect(first?.[1]).toMatch(/^(sh|bash|shell|console)$/);
    const lines = (first?.[2] ?? '').split('\n').map((l) => l.replace(/#.*/, '').trim());
    expect(lines).toEqual(expect.arrayContaining(['npm ci && npm run demo', 'npm test']));
  });

  test('one step per provider', () => {
    const steps = fencedBlocks(readme, ['yaml', 'yml']).flatMap((b) => ourSteps(parseYaml(b)));
    expect([...new Set(steps.map((s) => s.with?.['provider']))].sort()).toEqual([...PROVIDERS].sort());
  });

  test('its short tables name only inputs and outputs action.yml declares, with their defaults', () => {
    const inputs = tableRows(readme, 'Common inputs');
    expect(inputs.length).toBeGreaterThan(5);
    for (const row of inputs) {
      const name = firstCellNames([row])[0] ?? '';
      expect(inputNames).toContain(name);
      const fallback = manifest.inputs.find((i) => i.name === name)?.default;
      if (fallback !== undefined) expect([name, row[1]]).toEqual([name, expect.stringContaining(`\`${fallback}\``)]);
    }
    const outputs = firstCellNames(tableRows(readme, 'Outputs'));
    expect(outputs.length).toBeGreaterThan(2);
    expect(outputs.filter((o) => !manifest.outputs.includes(o))).toEqual([]);
  });
});

describe('links', () => {
  const exists = (p: string): boolean => existsSync(join(ROOT, p));
  const text = (p: string): string => (statSync(join(ROOT, p)).isFile() ? read(p) : '');

  test.each(pages)('every relative link and anchor in %s resolves', (page) => {
    expect(brokenLinks(page, read(page), exists, text)).toEqual([]);
  });

  test.each(pages)('every repository path %s names in code (`src/…`, `__tests__/…`) exists', (page) => {
    expect(missingPaths(read(page), exists)).toEqual([]);
  });

  test('the path check catches a file that moved', () => {
    const md = 'see `src/engine.ts`, `src/no-such-file.ts` and `__tests__/e2e/` (and `src/providers/<name>/index.ts`)';
    expect(missingPaths(md, exists)).toEqual(['src/no-such-file.ts']);
  });

  test('the link check catches a missing file, a missing anchor and a path out of the repository', () => {
    const md =
      '[a](docs/nothing.md) [b](docs/feldera.md#no-such-heading) [c](../outside.md) [ok](docs/feldera.md#credentials) [web](https://example.com)';
    expect(brokenLinks('README.md', md, exists, text)).toEqual([
      expect.stringContaining('docs/nothing.md'),
      expect.stringContaining('#no-such-heading'),
      expect.stringContaining('../outside.md'),
    ]);
  });

  test('anchors follow GitHub: punctuation dropped, repeats numbered', () => {
    expect([...anchors('# The `run-pipelines` command\n## Exit code\n## Exit code\n## Cancellation and the post step')]).toEqual([
      'the-run-pipelines-command',
      'exit-code',
      'exit-code-1',
      'cancellation-and-the-post-step',
    ]);
  });
});

const workflowDirs = ['examples/workflows', '.github/workflows'];
const workflows = workflowDirs.flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${d}/${f}`),
);

/** The YAML blocks of README.md and docs/, each labelled page#n. */
const yamlBlocks = pages.flatMap((page) =>
  fencedBlocks(read(page), ['yaml', 'yml']).map((text, i) => ({ label: `${page}#${i + 1}`, text })),
);
/** A block that does not parse is no workflow here; its own test below reports the parse error. */
function parsesAsWorkflow(text: string): boolean {
  try {
    return isWorkflow(parseYaml(text));
  } catch {
    return false;
  }
}
const docWorkflows = yamlBlocks.filter((b) => parsesAsWorkflow(b.text));

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

/** actionlint compiled to WebAssembly: the same checks as the Go binary, with no download. */
async function actionlint(text: string, path: string): Promise<string[]> {
  const require = createRequire(import.meta.url);
  // run-lint.js alone: the package's index also loads its CLI printer, an ES module jest cannot require.
  const { runLint } = require(join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js')) as {
    runLint: (data: string, path: string) => Promise<LintResult[]>;
  };
  const results = await runLint(text, path);
  return results.map((r) => `${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/** The inputs a step gives that action.yml does not declare, and the required ones it leaves out. */
function stepProblems(step: Step): { unknown: string[]; missing: string[] } {
  const given = Object.keys(step.with ?? {});
  return { unknown: given.filter((k) => !inputNames.includes(k)), missing: requiredInputs.filter((r) => !given.includes(r)) };
}

describe('example workflows', () => {
  test('there are examples of each kind the docs promise', () => {
    expect(workflows).toEqual(
      expect.arrayContaining([
        'examples/workflows/basic.yml',
        'examples/workflows/reusable.yml',
        'examples/workflows/dispatch.yml',
        'examples/workflows/matrix.yml',
        'examples/workflows/alibaba-oidc.yml',
        'examples/workflows/huawei.yml',
        'examples/workflows/vmware-aria.yml',
        'examples/workflows/trigger-then-wait.yml',
        '.github/workflows/release.yml',
      ]),
    );
    expect(docWorkflows.length).toBeGreaterThan(0);
  });

  test.each(workflows)('%s passes actionlint', async (path) => {
    expect(await actionlint(read(path), path)).toEqual([]);
  });

  test.each(docWorkflows.map((b) => b.label))('the workflow in %s passes actionlint', async (label) => {
    const block = docWorkflows.find((b) => b.label === label);
    expect(await actionlint(block?.text ?? '', `${label.replace(/[/#.]/g, '-')}.yml`)).toEqual([]);
  });

  test('actionlint catches a broken workflow', async () => {
    const broken = read('examples/workflows/basic.yml').replace('runs-on:', 'runs_on:');
    expect((await actionlint(broken, 'broken.yml')).length).toBeGreaterThan(0);
  });

  test.each(workflows)('%s gives this action only inputs it declares, and every required one', (path) => {
    for (const step of ourSteps(parseYaml(read(path)))) expect(stepProblems(step)).toEqual({ unknown: [], missing: [] });
  });

  test('examples/gitlab-ci.yml parses as YAML', () => {
    expect(typeof parseYaml(read('examples', 'gitlab-ci.yml'))).toBe('object');
  });
});

describe('YAML blocks in README.md and docs/', () => {
  test('there are step fragments on the README and on every provider page', () => {
    const labelled = (page: string): boolean =>
      yamlBlocks.some((b) => b.label.startsWith(`${page}#`) && ourSteps(parseYaml(b.text)).length > 0);
    expect(['README.md', ...PROVIDERS.map(providerPage)].filter((p) => !labelled(p))).toEqual([]);
  });

  test.each(yamlBlocks.map((b) => b.label))(
    '%s parses, and gives this action only declared inputs and every required one',
    (label) => {
      const block = yamlBlocks.find((b) => b.label === label);
      const doc: unknown = parseYaml(block?.text ?? '');
      for (const step of ourSteps(doc)) expect(stepProblems(step)).toEqual({ unknown: [], missing: [] });
    },
  );

  test('the step check catches an input action.yml does not declare, and a required one left out', () => {
    const doc: unknown = parseYaml('- uses: run-pipelines/run-pipelines@v1\n  with:\n    pipeline-id: orders\n');
    expect(ourSteps(doc).map(stepProblems)).toEqual([{ unknown: ['pipeline-id'], missing: requiredInputs }]);
    expect(requiredInputs).toContain('provider');
  });
});

/**
 * Lines that run the command from an unpinned source: `npx … github:…` (a branch that changes under
 * every pipeline using it) or `npx run-pipelines` without `@version` (whatever is latest that day).
 */
function unpinnedCommands(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /\bnpx\b/.test(line))
    .filter((line) => /\bnpx\b.*\bgithub:/.test(line) || /\bnpx\b(?:\s+-\S+)*\s+run-pipelines(?!@\d)/.test(line));
}

describe('the command is pinned wherever the docs run it', () => {
  const docFiles = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? docFiles(join(dir, e.name)) : [join(dir, e.name)],
    );

  test.each(['README.md', ...docFiles('docs'), ...docFiles('examples')])(
    '%s runs only run-pipelines@<version> through npx',
    (file) => {
      expect(unpinnedCommands(read(file))).toEqual([]);
    },
  );

  test('the check catches a branch, a bare name and a flag before it, and passes a version', () => {
    const lines = [
      'npx --yes github:run-pipelines/run-pipelines --provider feldera',
      'npx run-pipelines --help',
      '  - npx --yes run-pipelines --provider vmware-aria',
      "sh 'npx -y run-pipelines@latest --provider x'",
      'npx --yes run-pipelines@1 --provider feldera',
      'npx run-pipelines@1.0.0 --version',
      'node dist/cli/index.js --help',
    ];
    expect(unpinnedCommands(lines.join('\n'))).toEqual(lines.slice(0, 4));
  });

  test('the CLI page, the GitLab and the Jenkins examples run the major version of the npm package', () => {
    for (const file of ['docs/cli.md', 'examples/gitlab-ci.yml', 'examples/Jenkinsfile']) {
      expect([file, read(file)]).toEqual([file, expect.stringContaining('npx --yes run-pipelines@1 ')]);
    }
  });
});

describe('project files point at nothing outside the repository', () => {
  const OUTSIDE = /(?:^|[^\w-])shared\/(?:providers|specs|design|seeds|hooks)\b|\/work\/(?:shared|main)\b/;
  const dirs = ['src', 'emulator', '__tests__', 'scripts', 'bench', 'examples', 'docs', '__fixtures__', '.github', '.ci'];
  const files = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
    );

  test('no file in the source, test, example or docs folders cites shared/… or a path on this machine', () => {
    const all = [...dirs.flatMap(files), 'README.md', 'action.yml', 'package.json'];
    const offending = all.filter((f) => OUTSIDE.test(readFileSync(join(ROOT, f), 'utf8').replace(/\0/g, '')));
    expect(offending.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });

  test('the pattern catches such a citation', () => {
    expect(OUTSIDE.test(['as `', 'shared', '/providers/feldera.md` describes it'].join(''))).toBe(true);
    expect(OUTSIDE.test('a pipeline shared across projects')).toBe(false);
  });
});
