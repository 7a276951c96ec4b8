import { describe, expect, it } from 'vitest';
import { ExistingUsersError, readCsv } from './index.ts';

async function rows(chunks: (string | Uint8Array)[]) {
  const out = [];
  for await (const row of readCsv(chunks)) out.push(row);
  return out;
}

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180), CRLF and a BOM', async () => {
    const text =
      '\ufeffuserPrincipalName,displayName,note\r\na@x.org,"Doe, Jane","said ""hi""\r\ntwice"\r\nb@x.org,Bob,\r\n';
    const got = await rows([text]);
    expect(got).toEqual([
      {
        position: 2,
        fields: { userPrincipalName: 'a@x.org', displayName: 'Doe, Jane', note: 'said "hi"\r\ntwice' },
      },
      { position: 4, fields: { userPrincipalName: 'b@x.org', displayName: 'Bob', note: '' } },
    ]);
  });

  it('gives the same rows however the bytes are split, including inside a UTF-8 character and a quote', async () => {
    const text = 'name,city\n"Zoë ""Z""",Zürich\nÅsa,Malmö\n';
    const bytes = new TextEncoder().encode(text);
    const whole = await rows([bytes]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await rows([bytes.slice(0, cut), bytes.slice(cut)])).toEqual(whole);
    }
    expect(whole[0]?.fields).toEqual({ name: 'Zoë "Z"', city: 'Zürich' });
  });

  it('skips the bulk template version line and blank lines; short rows get empty fields', async () => {
    const got = await rows([
      'version:v1.0\nName [displayName] Required,User name [userPrincipalName] Required\n\nAda\n',
    ]);
    expect(got).toEqual([
      {
        position: 4,
        fields: { 'Name [displayName] Required': 'Ada', 'User name [userPrincipalName] Required': '' },
      },
    ]);
  });

  it('reads a last line without a line end', async () => {
    expect((await rows(['a,b\n1,2'])).map((r) => r.fields)).toEqual([{ a: '1', b: '2' }]);
  });

  it.each([
    ['a,b\n1,2,3\n', /line 2: 3 fields but the header has 2 columns/],
    ['a,b\n"1,2\n', /line 2: a quoted field is never closed/],
    ['a,b\n1"x,2\n', /line 2: a quote inside an unquoted field/],
    ['a,b\n"1"x,2\n', /line 2: "x" after the closing quote/],
    ['a,a\n1,2\n', /column "a" appears twice/],
    ['', /no header line/],
  ])('rejects %j with a message naming the line and the fix', async (text, message) => {
    const error = await rows([text]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExistingUsersError);
    expect((error as ExistingUsersError).code).toBe('CSV_SYNTAX');
    expect((error as Error).message).toMatch(message);
  });
});
