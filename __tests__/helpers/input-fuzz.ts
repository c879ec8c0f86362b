/**
 * Property-based tests (fast-check) of the input parsers and of every provider's inputs: whatever
 * string a workflow passes, the step either accepts it or fails with an InputError naming the input,
 * never a crash with a stack trace and never before a clear message. One file per provider (and one
 * for the parsers) in __tests__/unit/inputs-fuzz/ calls these, so jest spreads the work over its workers.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../../emulator/run-action.ts';
import { checkEndpoint } from '../../src/endpoint.ts';
import { InputError } from '../../src/errors.ts';
import { memoryLogger } from '../../src/log.ts';
import { parseBoolean, parseDuration, parseList, parseMapping, loadYamlParser } from '../../src/parse.ts';

import { prepareStep } from '../../src/setup.ts';
import { PROVIDER_NAMES } from '../../src/providers/registry.ts';
import type { ProviderRow } from './reliability-rows.ts';

const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
const INPUT_NAMES = Object.keys(action.inputs);

let tried = 0;

/** Loads the YAML parser once and prints the count the reliability note quotes (summed over the files). */
function countTries(what: string): void {
  beforeAll(loadYamlParser);
  afterAll(() => {
    process.stdout.write(`fuzz (${what}): ${tried} generated inputs tried\n`);
  });
}

/** Strings a workflow could pass: any unicode, control characters, lines, command-like text, lookalikes of valid values. */
const inputText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\n',
    '::error::x',
    'true',
    'True',
    'yes',
    '0',
    '-1',
    '1e9',
    '90',
    '15m',
    '2h',
    'NaN',
    '{}',
    '[]',
    'a=b',
    ':',
  ),
  fc.constantFrom('https://', 'http://[::1', 'https://u:p@h', 'http://10.0.0.1', 'https://h/%zz', '-----BEGIN CERTIFICATE-----'),
  fc
    .array(fc.constantFrom('a', ',', '\n', ' ', '/', '-', '_', '1', 'ü', '=', ':', '{', '"'), { maxLength: 30 })
    .map((a) => a.join('')),
);

const RUNS_PER_INPUT = 150;

/** Runs the whole input stage as the main step does, with no request sent. */
async function prepare(values: Record<string, string>): Promise<unknown> {
  try {
    const step = await prepareStep({
      inputs: (name) => (values[name] ?? '').trim(),
      env: {},
      log: memoryLogger(),
      secret: () => undefined,
    });
    await step.http.close();
    return undefined;
  } catch (err) {
    return err;
  }
}

function expectClearInputError(err: unknown): void {
  if (err === undefined) return;
  expect(err).toBeInstanceOf(InputError);
  const e = err as InputError;
  expect(INPUT_NAMES).toContain(e.input);
  expect(e.message.startsWith(`Input '${e.input}' `)).toBe(true);
  expect(e.message).not.toMatch(/\[object Object\]|undefined|\n\s+at /);
}

export function providerInputFuzz(row: ProviderRow): void {
  countTries(row.provider);
  describe(`${row.provider} inputs`, () => {
    const valid = { ...row.inputs('https://api.example.com', ['p1']), timeout: '10m', 'poll-interval': '5s' };

    test('the valid base is accepted', async () => {
      expect(await prepare(valid)).toBeUndefined();
    });

    test.each(INPUT_NAMES)('any value of %s is accepted or refused naming an input', async (name) => {
      await fc.assert(
        fc.asyncProperty(inputText, async (value) => {
          // Another provider's name makes the row's inputs another provider's: out of this property.
          fc.pre(
            !(
              name === 'provider' &&
              (PROVIDER_NAMES as readonly string[]).includes(value.trim()) &&
              value.trim() !== row.provider
            ),
          );
          tried++;
          const err = await prepare({ ...valid, [name]: value });
          expectClearInputError(err);
          // The error is about this input, or about a pairing it broke and names it (endpoint given blank → region required).
          if (err instanceof InputError && name !== 'provider' && err.input !== name) expect(err.message).toContain(name);
        }),
        { numRuns: RUNS_PER_INPUT },
      );
    });

    test('every input arbitrary at once', async () => {
      const all = fc.record(Object.fromEntries(INPUT_NAMES.map((n) => [n, inputText])));
      await fc.assert(
        fc.asyncProperty(all, async (values) => {
          tried++;
          const err = await prepare({ ...values, provider: row.provider });
          expectClearInputError(err);
        }),
        { numRuns: 300 },
      );
    });
  });
}

export function parserFuzz(): void {
  countTries('parsers');
  describe('input parsers', () => {
    const never = (fn: (s: string) => unknown) =>
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        tried++;
        fn(s);
      });

    test('parse functions never throw, whatever the text', () => {
      for (const fn of [parseBoolean, parseDuration, parseList, parseMapping] as Array<(s: string) => unknown>) {
        fc.assert(never(fn), { numRuns: 500 });
      }
    });

    test('parseDuration reads back every sum of units it is given', () => {
      const part = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom('ms', 's', 'm', 'h'));
      fc.assert(
        fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
          tried++;
          const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
          const text = parts.map(([n, u]) => `${n}${u}`).join('');
          expect(parseDuration(text)).toEqual({ ok: true, value: parts.reduce((t, [n, u]) => t + n * (unit[u] ?? 0), 0) });
        }),
        { numRuns: 500 },
      );
    });

    test('parseList never yields blank or untrimmed items', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
          tried++;
          for (const item of parseList(s)) expect(item).toBe(item.trim());
          expect(parseList(s)).not.toContain('');
        }),
        { numRuns: 500 },
      );
    });

    test('checkEndpoint accepts or refuses with an InputError naming the input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.webUrl(), inputText, fc.string({ unit: 'binary' })), fc.boolean(), (raw, allow) => {
          tried++;
          try {
            const url = checkEndpoint(raw, 'endpoint', allow);
            expect(['https:', 'http:']).toContain(url.protocol);
            expect(url.username + url.password).toBe('');
          } catch (err) {
            expectClearInputError(err);
          }
        }),
        { numRuns: 1000 },
      );
    });
  });
}
