import { describe, expect, it } from 'vitest';
import { compileExpression, functionRegistry, parseExpression, validateExpression } from '../index.ts';

describe('functionRegistry', () => {
  it('lists every documented function once, in alphabetical order', () => {
    const names = functionRegistry.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(names);
    for (const name of [
      'Append',
      'AppRoleAssignmentsComplex',
      'AssertiveAppRoleAssignmentsComplex',
      'BitAnd',
      'CBool',
      'CDate',
      'Coalesce',
      'ConvertToBase64',
      'ConvertToUTF8Hex',
      'Count',
      'CStr',
      'DateAdd',
      'DateDiff',
      'DateFromNum',
      'FormatDateTime',
      'Guid',
      'IgnoreFlowIfNullOrEmpty',
      'IIF',
      'InStr',
      'IsNull',
      'IsNullOrEmpty',
      'IsPresent',
      'IsString',
      'Item',
      'Join',
      'Left',
      'Mid',
      'NormalizeDiacritics',
      'Not',
      'Now',
      'NumFromDate',
      'PCase',
      'RandomString',
      'Redact',
      'RemoveDuplicates',
      'Replace',
      'SelectUniqueValue',
      'SingleAppRoleAssignment',
      'Split',
      'StripSpaces',
      'Switch',
      'ToLower',
      'ToUpper',
      'Word',
      'DefaultDomain',
      'AppRoleAssignments',
      'IsNothing',
      'Prepend',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('is plain data that survives JSON round-tripping', () => {
    const word = JSON.parse(JSON.stringify(functionRegistry)).find(
      (f: { name: string }) => f.name === 'Word',
    );
    expect(word).toMatchObject({
      name: 'Word',
      minArgs: 3,
      maxArgs: 3,
      parameters: [{ name: 'string' }, { name: 'wordNumber' }, { name: 'delimiters' }],
    });
    expect(Object.isFrozen(functionRegistry)).toBe(true);
  });

  it('gives every function a description and at least one valid example', () => {
    for (const info of functionRegistry) {
      expect(info.description.length, info.name).toBeGreaterThan(10);
      expect(info.examples.length, info.name).toBeGreaterThan(0);
      for (const example of info.examples) {
        expect(validateExpression(parseExpression(example.expression)), example.expression).toEqual([]);
      }
    }
  });

  const examples = functionRegistry.flatMap((info) =>
    info.examples.filter((e) => 'output' in e).map((e) => [info.name, e.expression, e] as const),
  );
  it.each(examples)(
    '%s example %s evaluates to its documented output',
    async (_name, expression, example) => {
      const result = await compileExpression(expression).evaluate(example.input ?? {}, {
        exists: () => false,
        defaultDomain: 'contoso.com',
      });
      expect(result).toMatchObject({ kind: 'value', value: example.output });
    },
  );
});

describe('README', () => {
  it('lists every function of the registry', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const info of functionRegistry) expect(readme, info.name).toContain(`| \`${info.name}(`);
  });
});
