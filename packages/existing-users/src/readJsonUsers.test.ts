import { describe, expect, it } from 'vitest';
import { type ExistingUsersError, readJsonUsers, readSource, sourceFormatOf } from './index.ts';

async function fieldsOf(chunks: string[]) {
  const out = [];
  for await (const row of readJsonUsers(chunks, { name: 'users.json' })) out.push(row.fields);
  return out;
}

describe('readJsonUsers', () => {
  it('reads a pretty-printed Graph response ({ value: [...] })', async () => {
    const graph = JSON.stringify(
      {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
        value: [{ mail: 'a@x.org' }, { mail: 'b@x.org' }],
      },
      null,
      2,
    );
    expect(await fieldsOf([graph.slice(0, 20), graph.slice(20)])).toEqual([
      { mail: 'a@x.org' },
      { mail: 'b@x.org' },
    ]);
  });

  it('reads a one-line Graph response, an array and a SCIM ListResponse', async () => {
    expect(await fieldsOf(['{"value":[{"id":"1"}]}'])).toEqual([{ id: '1' }]);
    expect(await fieldsOf(['[{"id":"1"},\n{"id":"2"}]'])).toEqual([{ id: '1' }, { id: '2' }]);
    expect(await fieldsOf(['{"Resources":[{"userName":"u"}],\n"totalResults":1}'])).toEqual([
      { userName: 'u' },
    ]);
  });

  it('streams JSON Lines with positions = line numbers', async () => {
    const got = [];
    for await (const row of readJsonUsers(['{"a":1}\r\n', '\n{"a"', ':2}\n'])) got.push(row);
    expect(got).toEqual([
      { position: 1, fields: { a: 1 } },
      { position: 3, fields: { a: 2 } },
    ]);
  });

  it('names the line of a broken JSON Lines record and the item that is not an object', async () => {
    await expect(fieldsOf(['{"a":1}\n{"a":\n'])).rejects.toThrow(/users\.json line 2/);
    const error = await fieldsOf(['[{"a":1}, 5]']).catch((e: unknown) => e);
    expect((error as ExistingUsersError).code).toBe('SOURCE_SHAPE');
    expect((error as Error).message).toMatch(/item 2: expected a user object, found number/);
  });

  it('caps a whole document and suggests JSON Lines', async () => {
    const rows = readJsonUsers([`[\n${'{"a":1},\n'.repeat(100)}{}]`], { maxDocumentLength: 200 });
    await expect(
      (async () => {
        for await (const _ of rows);
      })(),
    ).rejects.toThrow(/JSON Lines/);
  });

  it('picks the reader by file name', async () => {
    expect(sourceFormatOf('users.JSONL')).toBe('json');
    expect(sourceFormatOf('exportUsers_2024.csv')).toBe('csv');
    const rows = [];
    for await (const r of readSource(['a\n1\n'], 'csv', 'x.csv')) rows.push(r.fields);
    expect(rows).toEqual([{ a: '1' }]);
  });
});
