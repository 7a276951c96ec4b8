import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseObjectClass,
  safeParseAttributeType,
  safeParseMatchingRule,
  safeParseObjectClass,
  safeParseSyntax,
} from '../index.ts';

const SAMPLE =
  "( 2.5.6.6 NAME ( 'person' 'human' ) DESC 'a \\27person\\27' SUP top STRUCTURAL MUST ( sn $ cn ) MAY userPassword X-ORIGIN 'RFC 4519' )";
const alphabet = fc.constantFrom(..."()$' \t\n{}\\abcXYZ-.0123456789NAMEUSTRCOPDSYV".split(''));

describe('RFC 4512 parser fuzzing', () => {
  it('never throws from the safe parsers; failures carry an offset inside the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(alphabet, { maxLength: 120 }).map((a) => a.join('')),
        ),
        (input) => {
          for (const parse of [
            safeParseObjectClass,
            safeParseAttributeType,
            safeParseSyntax,
            safeParseMatchingRule,
          ]) {
            const r = parse(input);
            if (!r.success) {
              expect(r.issues.length).toBeGreaterThan(0);
              for (const issue of r.issues) {
                expect(issue.offset).toBeGreaterThanOrEqual(0);
                expect(issue.offset).toBeLessThanOrEqual(input.length);
                expect(issue.caret).toContain('^');
              }
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('survives any single-character deletion or insertion in a real definition', () => {
    fc.assert(
      fc.property(fc.nat(SAMPLE.length - 1), alphabet, fc.boolean(), (at, ch, insert) => {
        const input = insert
          ? SAMPLE.slice(0, at) + ch + SAMPLE.slice(at)
          : SAMPLE.slice(0, at) + SAMPLE.slice(at + 1);
        const r = safeParseObjectClass(input);
        if (!r.success) expect(r.issues[0]?.offset).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back generated definitions exactly (names, superclasses, MUST/MAY, kind)', () => {
    const descr = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,15}$/);
    const oid = fc.array(fc.nat(99999), { minLength: 2, maxLength: 8 }).map((a) => a.join('.'));
    fc.assert(
      fc.property(
        oid,
        fc.array(descr, { minLength: 1, maxLength: 3 }),
        fc.array(descr, { maxLength: 3 }),
        fc.array(descr, { maxLength: 5 }),
        fc.array(descr, { maxLength: 5 }),
        fc.constantFrom('STRUCTURAL', 'AUXILIARY', 'ABSTRACT'),
        fc.boolean(),
        (id, names, sup, must, may, kind, tight) => {
          const sp = tight ? '' : ' ';
          const list = (xs: string[]): string =>
            xs.length === 1 ? (xs[0] as string) : `(${sp}${xs.join(`${sp}$${sp}`)}${sp})`;
          const parts = [`(${sp}${id}`, `NAME (${sp}${names.map((n) => `'${n}'`).join(' ')}${sp})`];
          if (sup.length) parts.push(`SUP ${list(sup)}`);
          parts.push(kind);
          if (must.length) parts.push(`MUST ${list(must)}`);
          if (may.length) parts.push(`MAY ${list(may)}`);
          const oc = parseObjectClass(`${parts.join(' ')}${sp})`);
          expect(oc).toMatchObject({ oid: id, names, sup, must, may, classKind: kind });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers quickly on pathological nesting (no backtracking blow-up)', () => {
    const input = `( 1.2.3 NAME ${'('.repeat(20_000)} )`;
    const started = process.hrtime.bigint();
    expect(safeParseObjectClass(input).success).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
  });
});
