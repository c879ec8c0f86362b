import { beforeAll, describe, expect, test } from '@jest/globals';
import { formatDuration, parseBoolean, parseDuration, parseList, parseMapping, loadYamlParser } from '../../src/parse.ts';

beforeAll(loadYamlParser);

describe('parseDuration', () => {
  test.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1500ms', 1500],
    ['0.5', 500],
  ])('%s → %d ms', (raw, ms) => {
    expect(parseDuration(raw)).toEqual({ ok: true, value: ms });
  });

  test.each(['', 'soon', '10 minutes', '5d', '-3s', 's', '1m x'])('rejects %j', (raw) => {
    expect(parseDuration(raw).ok).toBe(false);
  });
});

describe('parseBoolean', () => {
  test.each(['true', 'True', 'TRUE'])('%s is true', (raw) => expect(parseBoolean(raw)).toEqual({ ok: true, value: true }));
  test.each(['false', 'False', 'FALSE'])('%s is false', (raw) => expect(parseBoolean(raw)).toEqual({ ok: true, value: false }));
  test.each(['yes', 'on', '1', 'tru'])('%s is refused (YAML 1.2 core schema only)', (raw) =>
    expect(parseBoolean(raw).ok).toBe(false),
  );
});

describe('parseList', () => {
  test('splits on commas and newlines, trims and drops blanks', () => {
    expect(parseList(' a, b\n\nc ,\n d')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseList('  ')).toEqual([]);
  });
});

describe('parseMapping', () => {
  test('KEY=VALUE lines keep everything after the first =', () => {
    expect(parseMapping('A=1\n# note\nURL=https://x/?q=1')).toEqual({ ok: true, value: { A: '1', URL: 'https://x/?q=1' } });
  });
  test('JSON and YAML mappings keep their types', () => {
    expect(parseMapping('{"a": 1, "b": [true]}')).toEqual({ ok: true, value: { a: 1, b: [true] } });
    expect(parseMapping('a: x\nnested:\n  k: 2')).toEqual({ ok: true, value: { a: 'x', nested: { k: 2 } } });
  });
  test('empty is an empty mapping', () => expect(parseMapping('')).toEqual({ ok: true, value: {} }));
  test.each(['[1, 2]', 'just text', '{unclosed'])('rejects %j with a reason', (raw) => {
    const r = parseMapping(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/YAML\/JSON mapping or KEY=VALUE lines/);
  });
});

test('formatDuration', () => {
  expect([850, 42_000, 185_000, 3_720_000].map(formatDuration)).toEqual(['850ms', '42s', '3m05s', '1h02m']);
});
