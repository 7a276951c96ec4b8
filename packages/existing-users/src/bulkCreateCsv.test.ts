import { describe, expect, it } from 'vitest';
import { BULK_CREATE_COLUMNS, defaultBulkCreateMap, formatBulkCreateCsv, readCsv } from './index.ts';

describe('formatBulkCreateCsv', () => {
  const entries = [
    {
      dn: 'uid=ada,ou=people,dc=example,dc=org',
      attributes: {
        cn: ['Ada Lovelace'],
        mail: ['ada@example.org'],
        givenName: ['Ada'],
        sn: ['Lovelace'],
        l: ['London'],
      },
    },
    { dn: 'uid=nomail,ou=people,dc=example,dc=org', attributes: { cn: ['No Mail'] } },
  ];

  it("writes the admin center's template: version line, headings, accounts blocked, no password", async () => {
    const result = formatBulkCreateCsv(entries);
    const lines = result.csv.split('\r\n');
    expect(lines[0]).toBe('version:v1.0');
    expect(
      lines[1]?.startsWith(
        'Name [displayName] Required,User name [userPrincipalName] Required,Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,First name [givenName],Last name [surname]',
      ),
    ).toBe(true);
    const rows = [];
    for await (const r of readCsv([result.csv])) rows.push(r.fields);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'Name [displayName] Required': 'Ada Lovelace',
      'User name [userPrincipalName] Required': 'ada@example.org',
      'Initial password [passwordProfile] Required': '',
      'Block sign in (Yes/No) [accountEnabled] Required': 'Yes',
      'First name [givenName]': 'Ada',
      'Last name [surname]': 'Lovelace',
      'City [city]': 'London',
    });
    expect(Object.keys(rows[0] ?? {})).toHaveLength(BULK_CREATE_COLUMNS.length);
    expect(result.written).toBe(1);
    expect(result.skipped).toEqual([
      { dn: 'uid=nomail,ou=people,dc=example,dc=org', missing: ['userPrincipalName (from mail)'] },
    ]);
  });

  it('writes passwords only when asked, and takes the UPN from another attribute', async () => {
    let n = 0;
    const result = formatBulkCreateCsv([{ dn: 'uid=a,dc=x', attributes: { cn: ['A'], uid: ['a@x.org'] } }], {
      attributeMap: defaultBulkCreateMap('uid'),
      password: () => `Pw-${++n}`,
    });
    expect(result.csv.split('\r\n')[2]).toBe('A,a@x.org,Pw-1,Yes,,,,,,,,,,,,,');
  });
});
