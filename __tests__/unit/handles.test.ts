/** Each provider's handle survives the trip through saved state, and its schema refuses what it cannot read. */
import { describe, expect, test } from '@jest/globals';
import { handleSchema as aria } from '../../src/providers/vmware-aria/schemas.ts';
import { handleSchema as codeArts } from '../../src/providers/huawei-codearts/schemas.ts';
import { handleSchema as feldera } from '../../src/providers/feldera/schemas.ts';
import { handleSchema as logstash } from '../../src/providers/alibaba-logstash/schemas.ts';
import { savedHandleSchema } from '../../src/providers/handle-schema.ts';
import { parseEach } from '../../src/saved-state.ts';

const handles = {
  feldera: [
    feldera,
    {
      version: 1,
      provider: 'feldera',
      pipeline: 'orders',
      runId: 'orders',
      url: 'http://f/pipelines/orders/',
      data: { operation: 'start', initial: 'running' },
    },
  ],
  aria: [
    aria,
    { version: 1, provider: 'vmware-aria', pipeline: 'p1', runId: 'e-1', url: 'https://vra/x', data: { executionIndex: 7 } },
  ],
  codeArts: [
    codeArts,
    {
      version: 1,
      provider: 'huawei-codearts',
      pipeline: 'a'.repeat(32),
      runId: 'b'.repeat(32),
      data: { projectId: 'c'.repeat(32) },
    },
  ],
  logstash: [
    logstash,
    {
      version: 1,
      provider: 'alibaba-logstash',
      pipeline: 'main',
      runId: 'main',
      data: { instanceId: 'ls-cn-1', clientToken: 't', triggeredAt: 1700000000000, updatedBefore: '2024-01-01' },
    },
  ],
} as const;

describe.each(Object.entries(handles))('%s handle', (_name, [schema, handle]) => {
  test('reads back what JSON wrote, first as any saved handle, then with its own data', () => {
    const saved = JSON.parse(JSON.stringify(handle)) as unknown;
    expect(savedHandleSchema.parse(saved)).toEqual(handle);
    expect(schema.parse(saved)).toEqual(handle);
  });

  test('refuses an unknown version, another provider and missing data', () => {
    expect(schema.safeParse({ ...handle, version: 2 }).success).toBe(false);
    expect(schema.safeParse({ ...handle, provider: 'other' }).success).toBe(false);
    expect(schema.safeParse({ ...handle, data: undefined }).success).toBe(false);
  });
});

test("a provider's data is checked: a Logstash handle without its instance id is refused", () => {
  const [, handle] = handles.logstash;
  expect(logstash.safeParse({ ...handle, data: { ...handle.data, instanceId: undefined } }).success).toBe(false);
  expect(aria.safeParse({ ...handles.aria[1], data: { executionIndex: '7' } }).success).toBe(false);
});

test('handles saved by earlier versions still read: the ids nothing read (CodeArts queueId, Logstash requestId) are dropped', () => {
  const [, hw] = handles.codeArts;
  expect(codeArts.parse({ ...hw, data: { ...hw.data, queueId: 'q/../x' } })).toEqual(hw);
  const [, ls] = handles.logstash;
  expect(logstash.parse({ ...ls, data: { ...ls.data, requestId: 'R-1' } })).toEqual(ls);
});

test('parseEach keeps what the schema accepts and counts the rest', () => {
  const [, good] = handles.feldera;
  expect(parseEach(feldera, [good, { runId: 'x' }, 'junk'])).toEqual({ parsed: [good], refused: 2 });
});

describe("a handle is data, not a path: every id is held to its provider's format", () => {
  const forged: Array<[string, (typeof handles)[keyof typeof handles], Record<string, unknown>]> = [
    ['CodeArts project', handles.codeArts, { data: { projectId: '../../x' } }],
    ['CodeArts pipeline', handles.codeArts, { pipeline: `${'a'.repeat(30)}/.` }],
    ['CodeArts run', handles.codeArts, { runId: '../stop' }],
    ['Feldera pipeline', handles.feldera, { pipeline: '..', runId: '..' }],
    ['Feldera run', handles.feldera, { runId: 'orders/../other' }],
    ['Aria execution', handles.aria, { runId: '../pipelines/x' }],
    ['Aria pipeline', handles.aria, { pipeline: 'a/b/c' }],
    ['Logstash instance', handles.logstash, { data: { ...handles.logstash[1].data, instanceId: 'ls/../x' } }],
    ['Logstash pipeline', handles.logstash, { runId: 'main?x=1' }],
  ];
  test.each(forged)('%s', (_what, [schema, handle], change) => {
    expect(schema.safeParse({ ...handle, ...change }).success).toBe(false);
  });
});
