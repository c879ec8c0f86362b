/**
 * Checks Mermaid charts with Mermaid's own parser, in a child process: `node mermaid-check.ts` reads a
 * JSON array of chart sources on stdin and writes, for each, whether it parsed and the gantt tasks
 * Mermaid's gantt model made of it (section, text, tags, start and end). Mermaid sanitises text with
 * DOMPurify, which needs a DOM, so jsdom provides one. A child process keeps Mermaid's load (about a
 * second) out of the jest worker and runs once for every chart of a test file.
 */

/** Mermaid's gantt model sets one flag per tag on a task. */
const TAGS = ['active', 'done', 'crit', 'milestone'] as const;

interface GanttTask extends Partial<Record<(typeof TAGS)[number], boolean>> {
  section: string;
  task: string;
  startTime: Date;
  endTime: Date;
  id: string;
}

interface GanttDb {
  getTasks(): GanttTask[];
  getDateFormat(): string;
}

/** The part of jsdom used here (the package ships no types). */
interface JsdomModule {
  JSDOM: new (html: string, options: object) => { window: { document: unknown; DOMParser: unknown } };
}
// @ts-expect-error -- jsdom ships no type declarations; JsdomModule types the one constructor used
const { JSDOM } = (await import('jsdom')) as JsdomModule;
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
Object.assign(globalThis, { window: dom.window, document: dom.window.document, DOMParser: dom.window.DOMParser });

const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

const chunks: Buffer[] = [];
for await (const c of process.stdin) chunks.push(c as Buffer);
const sources = JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[];

const results = [];
for (const source of sources) {
  try {
    const parsed = await mermaid.parse(source);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const db = diagram.db as unknown as GanttDb;
    const tasks = parsed && parsed.diagramType === 'gantt' ? db.getTasks() : [];
    results.push({
      ok: true,
      type: parsed ? parsed.diagramType : undefined,
      tasks: tasks.map((t) => ({
        section: t.section,
        text: t.task,
        tags: TAGS.filter((tag) => t[tag] === true),
        id: t.id,
        start: t.startTime.getTime(),
        end: t.endTime.getTime(),
      })),
    });
  } catch (err) {
    results.push({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}
process.stdout.write(JSON.stringify(results));
