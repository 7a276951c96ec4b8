// Property tests: random and mutated inputs never crash or hang the parser (they parse or give a syntax
// issue), and evaluation never throws anything but this package's ExpressionError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileExpression,
  ExpressionError,
  functionRegistry,
  type InputValue,
  parseExpression,
  safeParseExpression,
} from './index.ts';

const SEEDS = [
  'Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")',
  'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", "phoneNumber" , , [mobile], )',
  'Switch([Active], , "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"), "0", "False")',
  'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
  'InStr("repEated","e",3,vbBinaryCompare)',
  'BitAnd(&HF, &HF7)',
  'PCase([lastName]," \'-")',
];
const TOKENS = [
  '(',
  ')',
  ',',
  '"',
  '\\',
  '[',
  ']',
  '&H',
  '=',
  '<>',
  '<',
  '>=',
  ' ',
  '\n',
  '-',
  '1',
  'Join',
  'x',
  '\u0000',
  '😀',
];

const expectParseOrIssue = (source: string): void => {
  const result = safeParseExpression(source);
  if (!result.success) {
    expect(result.issues.length).toBeGreaterThan(0);
    expect(['syntax', 'too-long']).toContain(result.issues[0]!.code);
    expect(result.issues[0]!.start).toBeGreaterThanOrEqual(0);
  }
};

const isPackageError = (error: unknown): boolean => error instanceof ExpressionError;

describe('parser robustness', () => {
  it('parses or reports a syntax issue for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectParseOrIssue), {
      numRuns: 400,
    });
  });

  it('parses or reports a syntax issue for token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }), (parts) =>
        expectParseOrIssue(parts.join('')),
      ),
      {
        numRuns: 400,
      },
    );
  });

  it('parses or reports a syntax issue for mutated reference expressions', () => {
    const mutation = fc.record({
      seed: fc.constantFrom(...SEEDS),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...TOKENS)), {
        minLength: 1,
        maxLength: 6,
      }),
    });
    fc.assert(
      fc.property(mutation, ({ seed, edits }) => {
        let text = seed;
        for (const [position, kind, token] of edits) {
          const at = position % (text.length + 1);
          if (kind === 0) text = text.slice(0, at) + text.slice(at + 1);
          else if (kind === 1) text = text.slice(0, at) + token + text.slice(at);
          else if (kind === 2) text = text.slice(0, at) + text.slice(at, at + 10) + text.slice(at);
          else text = text.slice(at) + text.slice(0, at);
        }
        expectParseOrIssue(text);
      }),
      { numRuns: 600 },
    );
  });

  it('rejects deep nesting and long inputs as issues, not stack overflows', () => {
    expectParseOrIssue(`${'Join(",", '.repeat(3000)}"x"${')'.repeat(3000)}`);
    expectParseOrIssue('['.repeat(20_000));
    expectParseOrIssue(`"${'\\'.repeat(9_000)}`);
  });
});

// Well-formed expressions over the real function names, with random arities and argument kinds.
const ATTRIBUTES = ['a', 'b', 'c', 'appRoleAssignments'];
const leaf = fc.oneof(
  fc.constantFrom(...ATTRIBUTES).map((name) => `[${name}]`),
  fc.string({ maxLength: 8 }).map((text) => JSON.stringify(text).replace(/\\u[0-9a-f]{4}/g, '')),
  fc.integer({ min: -400, max: 400 }).map(String),
  fc.constantFrom(
    'vbTextCompare',
    'vbBinaryCompare',
    '&HFF',
    '"d"',
    '"yyyy"',
    '"ww"',
    '"yyyy-MM-dd"',
    '"2021-08-25"',
    '"(?<g>\\\\d+)"',
    '"g"',
    '""',
  ),
);
const expression = fc.letrec<{ expr: string; call: string; arg: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('call'),
    fc
      .tuple(fc.oneof(leaf, tie('call')), fc.constantFrom('=', '<>', '<', '<=', '>', '>='), leaf)
      .map(([l, op, r]) => `${l} ${op} ${r}`),
  ),
  // Mostly the right number of arguments, so most expressions get past validation and really run.
  call: fc
    .constantFrom(...functionRegistry)
    .chain((info) =>
      fc
        .array(tie('arg'), { minLength: info.minArgs, maxLength: Math.min(info.maxArgs, info.minArgs + 3) })
        .map((args) => `${info.name}(${args.join(', ')})`),
    ),
  arg: fc.oneof({ weight: 5, arbitrary: tie('expr') }, { weight: 1, arbitrary: fc.constant('') }),
}));
const scalar: fc.Arbitrary<InputValue> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    'True',
    'False',
    '2021-08-25T10:00:00Z',
    '129699324000000000',
    '+91 9998887777',
    'a@b.c',
  ),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
);
const inputValue: fc.Arbitrary<InputValue> = fc.oneof(
  scalar,
  fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.array(fc.record({ value: fc.string({ maxLength: 5 }), displayName: fc.string({ maxLength: 5 }) }), {
    maxLength: 3,
  }),
);
const source = fc.record({ a: inputValue, b: inputValue, c: inputValue, appRoleAssignments: inputValue });

describe('evaluation robustness', () => {
  it('compiles and evaluates random expressions, throwing only ExpressionError', async () => {
    const RUNS = 1500;
    const stats = { compiled: 0, evaluated: 0 };
    await fc.assert(
      fc.asyncProperty(expression.expr, source, fc.boolean(), async (text, input, taken) => {
        let compiled: ReturnType<typeof compileExpression>;
        try {
          compiled = compileExpression(text);
          stats.compiled++;
        } catch (error) {
          if (!isPackageError(error)) throw error;
          return;
        }
        const context = {
          exists: () => taken,
          clock: () => new Date(Date.UTC(2021, 7, 25)),
          defaultDomain: 'contoso.com',
        };
        try {
          const result = await compiled.evaluate(input, context);
          expect(['value', 'ignore']).toContain(result.kind);
          stats.evaluated++;
        } catch (error) {
          if (!isPackageError(error)) throw error;
        }
      }),
      { numRuns: RUNS },
    );
    // Guard against a vacuous property: most generated expressions must compile, many must evaluate.
    expect(stats.compiled).toBeGreaterThan(RUNS * 0.5);
    expect(stats.evaluated).toBeGreaterThan(RUNS * 0.2);
  });

  it('round-trips every generated expression through the parser', () => {
    fc.assert(
      fc.property(expression.expr, (text) => {
        expect(parseExpression(text).end).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });
});
