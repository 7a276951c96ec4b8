import { describe, expect, it } from 'vitest';
import { parseChangelogEntry, parseLdifChanges } from '../index.ts';

describe('changelog records (draft-good-ldap-changelog, 389 DS retro changelog)', () => {
  it('parses a modify LDIF fragment, base64 values decoded and whitespace kept', () => {
    const changes = [
      'replace: description',
      `description:: ${Buffer.from('  padded  ').toString('base64')}`,
      '-',
      'add: mail',
      'mail: a@x',
      'mail: b@x',
      '-',
      'delete: title',
      '-',
      'replace: modifiersname',
      'modifiersname: cn=directory manager',
      '-',
      '',
    ].join('\n');
    expect(parseLdifChanges(changes, 'modify')).toEqual([
      { operation: 'replace', attribute: 'description', values: ['  padded  '] },
      { operation: 'add', attribute: 'mail', values: ['a@x', 'b@x'] },
      { operation: 'delete', attribute: 'title', values: [] },
      { operation: 'replace', attribute: 'modifiersname', values: ['cn=directory manager'] },
    ]);
  });

  it('parses an add fragment with folded lines', () => {
    expect(
      parseLdifChanges('objectClass: top\nobjectClass: person\ncn: A very long\n  name\nsn: B\n', 'add'),
    ).toEqual([
      { operation: 'add', attribute: 'objectClass', values: ['top', 'person'] },
      { operation: 'add', attribute: 'cn', values: ['A very long name'] },
      { operation: 'add', attribute: 'sn', values: ['B'] },
    ]);
  });

  it('turns entries into records with targetUniqueId as anchor, modrdn with its new DN', () => {
    const at = (attributes: Record<string, string[]>) => ({ dn: 'changenumber=7,cn=changelog', attributes });
    expect(
      parseChangelogEntry(
        at({
          changenumber: ['7'],
          targetdn: ['uid=a,ou=people,dc=x'],
          changetype: ['modify'],
          changes: ['replace: title\ntitle: T\n-\n'],
          targetuniqueid: ['u-1'],
        }),
      ),
    ).toEqual({
      kind: 'modify',
      position: '7',
      dn: 'uid=a,ou=people,dc=x',
      anchor: 'u-1',
      changes: [{ operation: 'replace', attribute: 'title', values: ['T'] }],
    });
    expect(
      parseChangelogEntry(
        at({
          changeNumber: ['8'],
          targetDn: ['uid=a,ou=people,dc=x'],
          changeType: ['modrdn'],
          newRdn: ['uid=b'],
          deleteOldRdn: ['TRUE'],
          newSuperior: ['ou=groups,dc=x'],
        }),
      ),
    ).toMatchObject({ kind: 'modrdn', newDn: 'uid=b,ou=groups,dc=x', deleteOldRdn: true });
    expect(
      parseChangelogEntry(at({ changeNumber: ['9'], targetDn: ['uid=a,dc=x'], changeType: ['delete'] })),
    ).toEqual({
      kind: 'delete',
      position: '9',
      dn: 'uid=a,dc=x',
    });
    expect(() => parseChangelogEntry(at({ changeType: ['add'] }))).toThrow(
      /lacks changeNumber, targetDN or changeType/,
    );
  });
});
