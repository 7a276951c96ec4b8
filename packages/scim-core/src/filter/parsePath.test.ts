import { describe, expect, it } from 'vitest';
import { showFilter } from '../../test/fixtures/showFilter.ts';
import { parsePath, ScimError, safeParsePath } from '../index.ts';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('parsePath', () => {
  it('reads simple, sub-attribute and URN-qualified paths (RFC 7644 §3.5.2 examples)', () => {
    expect(parsePath('displayName')).toMatchObject({ attribute: { name: 'displayName' } });
    expect(parsePath('name.familyName')).toMatchObject({
      attribute: { name: 'name' },
      subAttribute: 'familyName',
    });
    expect(parsePath(`${ENTERPRISE}:manager`)).toMatchObject({
      attribute: { uri: ENTERPRISE, name: 'manager' },
    });
    expect(parsePath(`${ENTERPRISE}:manager.value`)).toMatchObject({
      attribute: { uri: ENTERPRISE, name: 'manager' },
      subAttribute: 'value',
    });
  });

  it('keeps the sub-attribute out of the attribute so consumers read one field', () => {
    expect(parsePath('name.familyName').attribute.subAttribute).toBeUndefined();
  });

  it('reads value paths with and without a trailing sub-attribute', () => {
    const members = parsePath('members[value eq "2819c223-7f76-453a-919d-413861904646"]');
    expect(members.attribute.name).toBe('members');
    expect(members.filter && showFilter(members.filter)).toBe(
      'value eq "2819c223-7f76-453a-919d-413861904646"',
    );
    expect(members.subAttribute).toBeUndefined();

    const work = parsePath('emails[type eq "work" and primary eq true].value');
    expect(work.filter && showFilter(work.filter)).toBe('(type eq "work" and primary eq true)');
    expect(work.subAttribute).toBe('value');

    const addresses = parsePath('addresses[type eq "work"].streetAddress');
    expect(addresses.subAttribute).toBe('streetAddress');
  });

  it('keeps the source text for error messages', () => {
    expect(parsePath('emails[type eq "work"].value').text).toBe('emails[type eq "work"].value');
  });

  const bad: [string, number, RegExp][] = [
    ['', 0, /attribute path/],
    ['emails[type eq "work"', 21, /"\]"/],
    ['emails[type eq "work"]value', 22, /Invalid sub-attribute after "\]"/],
    ['emails[type eq "work"].value extra', 29, /end of path/],
    ['name.familyName[type eq "x"]', 0, /must follow the attribute/],
    ['emails[type eq "work"].', 22, /Invalid sub-attribute/],
    ['a b', 2, /end of path/],
  ];
  it.each(bad)('rejects %j at offset %i', (source, offset, message) => {
    const result = safeParsePath(source);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]?.offset).toBe(offset);
    expect(result.issues[0]?.message).toMatch(message);
  });

  it('throws 400 invalidPath with the caret line', () => {
    try {
      parsePath('emails[type eq "work"');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScimError);
      expect((error as ScimError).scimType).toBe('invalidPath');
      expect((error as ScimError).detail).toContain(`emails[type eq "work"\n${' '.repeat(21)}^`);
    }
  });
});
