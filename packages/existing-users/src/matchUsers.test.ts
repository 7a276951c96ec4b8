import { describe, expect, it } from 'vitest';
import {
  createDirectoryIndex,
  type DirectoryCandidate,
  isDisabledInSource,
  matchUsers,
  type SourceRow,
} from './index.ts';

const entry = (uid: string, mail?: string | string[]): DirectoryCandidate => ({
  dn: `uid=${uid},ou=people,dc=example,dc=org`,
  attributes: mail === undefined ? { uid: [uid] } : { uid: [uid], mail: Array.isArray(mail) ? mail : [mail] },
});
const row = (position: number, fields: Record<string, unknown>): SourceRow => ({ position, fields });

describe('matchUsers', () => {
  const directory = [
    entry('ada', 'Ada@Example.org'),
    entry('bob', 'bob@example.org'),
    entry('twin1', 'twin@example.org'),
    entry('twin2', 'twin@example.org'),
    entry('cy', 'cy@example.org'),
    entry('orphan', 'orphan@example.org'),
    entry('nomail'),
  ];
  const source = [
    row(2, { userPrincipalName: 'ada@example.org', accountEnabled: 'True' }),
    row(3, { userPrincipalName: '' }),
    row(4, { userPrincipalName: 'ADA@example.org ' }),
    row(5, { userPrincipalName: 'nobody@example.org' }),
    row(6, { userPrincipalName: 'twin@example.org' }),
    row(7, { userPrincipalName: 'cy@example.org', accountEnabled: 'False' }),
    row(8, { userPrincipalName: 'bob@example.org', accountEnabled: true }),
  ];

  it("sorts every row into the walkthrough's categories and lists directory-only entries", async () => {
    const index = createDirectoryIndex('mail', true);
    for (const e of directory) index.add(e);
    const report = await matchUsers(source, index, { column: 'userPrincipalName' });
    const positions = Object.fromEntries(
      Object.entries(report.outcomes).map(([k, v]) => [k, v.map((o) => o.row.position)]),
    );
    expect(positions).toEqual({
      noValue: [3],
      duplicate: [4],
      notMatched: [5],
      ambiguous: [6],
      matchedDisabled: [7],
      matched: [2, 8],
    });
    expect(report.outcomes.ambiguous[0]?.entries.map((e) => e.dn)).toEqual([
      'uid=twin1,ou=people,dc=example,dc=org',
      'uid=twin2,ou=people,dc=example,dc=org',
    ]);
    expect(report.directoryOnly.map((e) => e.attributes.uid?.[0])).toEqual(['orphan', 'nomail']);
    expect(report.clean).toBe(false);
    expect(report.sourceRows).toBe(7);
    expect(report.directoryEntries).toBe(7);
  });

  it('compares case-sensitively when the attribute is caseExact', async () => {
    const index = createDirectoryIndex('mail', false);
    for (const e of directory) index.add(e);
    const report = await matchUsers(
      [row(1, { upn: 'ada@example.org' }), row(2, { upn: 'Ada@Example.org' })],
      index,
      {
        column: 'upn',
      },
    );
    expect(report.outcomes.notMatched.map((o) => o.row.position)).toEqual([1]);
    expect(report.outcomes.matched.map((o) => o.row.position)).toEqual([2]);
  });

  it('matches on any value of a multi-valued attribute and is clean when everything matched', async () => {
    const index = createDirectoryIndex('mail', true);
    index.add(entry('multi', ['one@example.org', 'two@example.org']));
    const report = await matchUsers([row(1, { mail: 'two@example.org' })], index, { column: 'Mail' });
    expect(report.outcomes.matched).toHaveLength(1);
    expect(report.clean).toBe(true);
  });

  it('reads the disabled flag from accountEnabled, active or a named column', () => {
    expect(isDisabledInSource({ accountEnabled: 'False' })).toBe(true);
    expect(isDisabledInSource({ accountEnabled: false })).toBe(true);
    expect(isDisabledInSource({ active: 'no' })).toBe(true);
    expect(isDisabledInSource({ accountEnabled: 'True' })).toBe(false);
    expect(isDisabledInSource({})).toBe(false);
    expect(isDisabledInSource({ Enabled: '0' }, 'enabled')).toBe(true);
  });
});
