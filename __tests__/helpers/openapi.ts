/**
 * Checks recorded requests against an OpenAPI 3 / Swagger 2 description: the path must match a
 * template, the method must exist there, and every query parameter must be declared with a value
 * its schema allows. Used to prove the action sends only requests the provider documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../emulator/run-action.ts';
import type { RecordedRequest } from '../../emulator/server.ts';

type Json = Record<string, unknown>;

export interface ApiDescription {
  doc: Json;
  basePath: string;
}

export function loadDescription(file: string, basePath = ''): ApiDescription {
  return { doc: JSON.parse(readFileSync(join(ROOT, '__fixtures__', file), 'utf8')) as Json, basePath };
}

function deref(doc: Json, node: unknown): Json {
  let n = node as Json;
  while (n && typeof n['$ref'] === 'string') {
    const parts = n['$ref'].replace(/^#\//, '').split('/');
    n = parts.reduce<Json>((acc, k) => acc[k] as Json, doc);
  }
  return n;
}

function templateRegex(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

function allowed(doc: Json, schema: Json | undefined, value: string): boolean {
  const s = deref(doc, schema);
  if (!s) return true;
  if (Array.isArray(s['enum'])) return (s['enum'] as unknown[]).includes(value);
  if (s['type'] === 'boolean') return value === 'true' || value === 'false';
  if (s['type'] === 'integer') return /^-?\d+$/.test(value);
  return true;
}

/**
 * Swagger 2 documents a Spring `@RequestParam Map` as one parameter named after the Java variable,
 * with the real query in its example (`queryParams`, x-example `expand=PIPELINE_STAGE_TASK`): such a
 * parameter declares the key and value of its example.
 */
function mapBoundParameter(query: Json[], name: string): Json | undefined {
  for (const q of query) {
    const [key, value] = typeof q['x-example'] === 'string' ? q['x-example'].split('=') : [];
    if (key === name && value !== undefined) return { name, in: 'query', enum: [value] };
  }
  return undefined;
}

/** Problems with the request, or an empty list when the description allows it. */
export function violations(api: ApiDescription, req: RecordedRequest): string[] {
  const paths = api.doc['paths'] as Record<string, Json>;
  const path = req.path.slice(api.basePath.length);
  const entry = Object.entries(paths).find(([t]) => templateRegex(t).test(path));
  if (!entry) return [`${req.method} ${req.path}: no such path`];
  const op = entry[1][req.method.toLowerCase()] as Json | undefined;
  if (!op) return [`${req.method} ${req.path}: method not described`];
  const params = [...((entry[1]['parameters'] as unknown[]) ?? []), ...((op['parameters'] as unknown[]) ?? [])].map((p) =>
    deref(api.doc, p),
  );
  const query = params.filter((p) => p['in'] === 'query');
  const problems: string[] = [];
  for (const [name, value] of Object.entries(req.query)) {
    const p = query.find((q) => q['name'] === name) ?? mapBoundParameter(query, name);
    if (!p) problems.push(`${req.method} ${req.path}: query parameter '${name}' not described`);
    else if (!allowed(api.doc, (p['schema'] as Json | undefined) ?? p, value))
      problems.push(`${req.method} ${req.path}: ${name}=${value} not allowed`);
  }
  return problems;
}
