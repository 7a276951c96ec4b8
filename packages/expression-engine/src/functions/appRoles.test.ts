// App-role functions and SelectUniqueValue (the async callback).
import { describe, expect, it } from 'vitest';
import { compileExpression, ExpressionError } from '../index.ts';

const appRoleAssignments = [
  { value: 'Admin', displayName: 'Administrator', id: '1' },
  { value: 'Reader', displayName: 'Reader', id: '2' },
];

describe('app role functions', () => {
  it('AppRoleAssignmentsComplex builds SCIM roles with primary false', () => {
    const result = compileExpression('AppRoleAssignmentsComplex([appRoleAssignments])').evaluateSync({
      appRoleAssignments,
    });
    expect(result).toEqual({
      kind: 'value',
      secret: false,
      value: [
        { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Administrator', value: 'Admin' },
        { primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'Reader', value: 'Reader' },
      ],
    });
  });
  it('AssertiveAppRoleAssignmentsComplex returns the same roles', () => {
    const a = compileExpression('AssertiveAppRoleAssignmentsComplex([appRoleAssignments])').evaluateSync({
      appRoleAssignments,
    });
    const b = compileExpression('AppRoleAssignmentsComplex([appRoleAssignments])').evaluateSync({
      appRoleAssignments,
    });
    expect(a).toEqual(b);
  });
  it('SingleAppRoleAssignment returns the first role value, or null without roles', () => {
    expect(
      compileExpression('SingleAppRoleAssignment([appRoleAssignments])').evaluateSync({ appRoleAssignments }),
    ).toMatchObject({ value: 'Admin' });
    expect(compileExpression('SingleAppRoleAssignment([appRoleAssignments])').evaluateSync({})).toMatchObject(
      { value: null },
    );
    expect(
      compileExpression('SingleAppRoleAssignment([appRoleAssignments])').evaluateSync({
        appRoleAssignments: [],
      }),
    ).toMatchObject({ value: null });
  });
  it('accept plain role strings and let other functions read role values', () => {
    expect(compileExpression('AppRoleAssignments([r])').evaluateSync({ r: ['A', 'B'] })).toMatchObject({
      value: ['A', 'B'],
    });
    expect(compileExpression('AppRoleAssignmentsComplex([r])').evaluateSync({ r: 'A' })).toMatchObject({
      value: [{ primary: false, type: 'WindowsAzureActiveDirectoryRole', display: 'A', value: 'A' }],
    });
    expect(
      compileExpression('Join(",", [appRoleAssignments])').evaluateSync({ appRoleAssignments }),
    ).toMatchObject({ value: 'Admin,Reader' });
    expect(
      compileExpression('Count([appRoleAssignments])').evaluateSync({ appRoleAssignments }),
    ).toMatchObject({ value: '2' });
    expect(compileExpression('[appRoleAssignments]').evaluateSync({ appRoleAssignments })).toMatchObject({
      value: ['Admin', 'Reader'],
    });
  });
});

describe('SelectUniqueValue', () => {
  const expression =
    'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([PreferredFirstName], 1, 2), [PreferredLastName]))), "contoso.com"))';
  const person = { PreferredFirstName: 'John', PreferredLastName: 'Smith' };
  const taken =
    (...values: string[]) =>
    async (value: string): Promise<boolean> =>
      values.includes(value);

  it('reference vector: John.Smith@, then J.Smith@, then Jo.Smith@ depending on what exists', async () => {
    const compiled = compileExpression(expression);
    expect(compiled.async).toBe(true);
    expect(await compiled.evaluate(person, { exists: taken() })).toMatchObject({
      value: 'John.Smith@contoso.com',
    });
    expect(await compiled.evaluate(person, { exists: taken('John.Smith@contoso.com') })).toMatchObject({
      value: 'J.Smith@contoso.com',
    });
    expect(
      await compiled.evaluate(person, { exists: taken('John.Smith@contoso.com', 'J.Smith@contoso.com') }),
    ).toMatchObject({
      value: 'Jo.Smith@contoso.com',
    });
  });
  it('asks only until a free value is found, and skips empty candidates', async () => {
    const asked: string[] = [];
    const compiled = compileExpression('SelectUniqueValue([a], [b], [c])');
    const result = await compiled.evaluate(
      { b: 'x', c: 'y' },
      {
        exists: (v) => {
          asked.push(v);
          return false;
        },
      },
    );
    expect(result).toMatchObject({ value: 'x' });
    expect(asked).toEqual(['x']);
  });
  it('fails with unique-value-exhausted when every candidate exists', async () => {
    const compiled = compileExpression(expression);
    await expect(compiled.evaluate(person, { exists: () => true })).rejects.toMatchObject({
      code: 'unique-value-exhausted',
    });
  });
  it('wraps a failing callback as callback-failed with the cause, and needs the callback', async () => {
    const compiled = compileExpression('SelectUniqueValue([a], [b])');
    const cause = new Error('LDAP down');
    await expect(
      compiled.evaluate({ a: 'x' }, { exists: () => Promise.reject(cause) }),
    ).rejects.toMatchObject({ code: 'callback-failed', cause });
    await expect(compiled.evaluate({ a: 'x' })).rejects.toMatchObject({ code: 'missing-context' });
  });
  it('refuses evaluateSync and nesting', () => {
    const compiled = compileExpression('SelectUniqueValue([a], [b])');
    expect(() => compiled.evaluateSync({ a: 'x' })).toThrow(
      expect.objectContaining({ code: 'async-required' }),
    );
    expect(() => compileExpression('ToLower(SelectUniqueValue([a], [b]))')).toThrow(ExpressionError);
    expect(() => compileExpression('ToLower(SelectUniqueValue([a], [b]))')).toThrow(
      /SelectUniqueValue must be the whole expression/,
    );
  });
  it('lets evaluate() run synchronous expressions too', async () => {
    expect(await compileExpression('ToUpper([a])').evaluate({ a: 'x' })).toEqual({
      kind: 'value',
      value: 'X',
      secret: false,
    });
  });
});
