/** Property tests: the parsers never crash or hang, errors carry a position, and rendering round-trips. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemas, user } from '../../test/fixtures/entra.ts';
import { showFilter } from '../../test/fixtures/showFilter.ts';
import { applyPatch, parseFilter, ScimError, safeParseFilter, safeParsePath } from '../index.ts';

const names = fc.constantFrom(
  'userName',
  'name.familyName',
  'emails.value',
  'meta.lastModified',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
  'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:-dn-',
  'x_1',
);
const ops = fc.constantFrom('eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le');
const values = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0.5, -12.25, 1e21),
);
const randomCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => [...word].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(''));

type Node = { text: string; shown: string };
const leaf: fc.Arbitrary<Node> = fc.oneof(
  fc.tuple(names, ops, values).chain(([name, op, value]) =>
    randomCase(op).map((written) => ({
      text: `${name} ${written} ${JSON.stringify(value)}`,
      shown: `${name} ${op} ${JSON.stringify(value)}`,
    })),
  ),
  names.map((name) => ({ text: `${name} pr`, shown: `${name} pr` })),
  fc.tuple(fc.constantFrom('emails', 'addresses'), fc.string()).map(([name, value]) => ({
    text: `${name}[type eq ${JSON.stringify(value)}]`,
    shown: `${name}[type eq ${JSON.stringify(value)}]`,
  })),
);
const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('node'), fc.constantFrom('and', 'or'), tie('node')).map(([l, op, r]) => ({
      text: `(${l.text}) ${op.toUpperCase()} (${r.text})`,
      shown: `(${l.shown} ${op} ${r.shown})`,
    })),
    tie('node').map((inner) => ({ text: `not (${inner.text})`, shown: `not(${inner.shown})` })),
  ),
})).node;

describe('filter parser properties', () => {
  it('round-trips generated filters to the same structure', () => {
    fc.assert(
      fc.property(tree, ({ text, shown }) => {
        expect(showFilter(parseFilter(text, { maxLength: 100_000 }))).toBe(shown);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary input; failures carry an offset inside the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        for (const result of [safeParseFilter(input), safeParsePath(input)]) {
          if (result.success) continue;
          expect(result.issues[0]!.offset).toBeGreaterThanOrEqual(0);
          expect(result.issues[0]!.offset).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on near-valid input built from filter tokens', () => {
    const token = fc.constantFrom(
      'userName',
      'emails',
      '[',
      ']',
      '(',
      ')',
      'eq',
      'and',
      'or',
      'not',
      'pr',
      '"a"',
      '"',
      '\\',
      '.value',
      ' ',
      '1',
      'true',
      'urn:x:y',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const input = tokens.join(' ');
        for (const result of [safeParseFilter(input), safeParsePath(input)]) {
          if (!result.success) expect(result.issues[0]!.offset).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parses pathological nesting and long inputs quickly or rejects them', () => {
    const started = performance.now();
    for (const input of [
      '('.repeat(4000),
      `${'not ('.repeat(1000)}a pr${')'.repeat(1000)}`,
      'a eq "'.padEnd(4000, '\\'),
      'a pr and '.repeat(450),
    ]) {
      const result = safeParseFilter(input);
      if (!result.success) expect(result.issues[0]!.offset).toBeGreaterThanOrEqual(0);
    }
    // A generous bound that only a super-linear parser would break; real timing lives in the benchmark.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('applyPatch robustness', () => {
  const paths = fc.constantFrom(
    undefined,
    'userName',
    'active',
    'name',
    'name.givenName',
    'emails',
    'emails[type eq "work"].value',
    'emails[value co "x"]',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
    'urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:objectClass',
    'id',
    'nope',
  );
  it('either applies an operation or fails with a ScimError, never anything else', () => {
    fc.assert(
      fc.property(fc.constantFrom('add', 'Replace', 'remove'), paths, fc.jsonValue(), (op, path, value) => {
        try {
          applyPatch(
            user,
            { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op, path, value }] },
            schemas,
          );
        } catch (error) {
          expect(error).toBeInstanceOf(ScimError);
          expect((error as ScimError).status).toBe(400);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
