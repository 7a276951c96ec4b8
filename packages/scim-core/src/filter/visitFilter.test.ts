import { describe, expect, it } from 'vitest';
import { type FilterVisitor, parseFilter, ScimError, unsupportedFilter, visitFilter } from '../index.ts';

// A toy LDAP translator: equality and presence only, the way a directory target would start.
const escapeValue = (value: string): string =>
  value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const ldap: FilterVisitor<string> = {
  compare: (node) => {
    if (node.op !== 'eq') throw unsupportedFilter(node, `operator "${node.op}" is not supported`);
    return `(${node.attribute.name}=${escapeValue(String(node.value))})`;
  },
  present: (node) => `(${node.attribute.name}=*)`,
  and: (_node, left, right) => `(&${left}${right})`,
  or: (_node, left, right) => `(|${left}${right})`,
};

describe('visitFilter', () => {
  it('combines results bottom-up', () => {
    expect(visitFilter(parseFilter('uid eq "a*b" and (mail pr or cn eq "x")'), ldap)).toBe(
      '(&(uid=a\\2ab)(|(mail=*)(cn=x)))',
    );
  });

  it('turns a construct without a visitor method into 400 invalidFilter naming it, with a caret', () => {
    const source = 'uid eq "a" and not (cn pr)';
    try {
      visitFilter(parseFilter(source), ldap, source);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScimError);
      const scim = error as ScimError;
      expect(scim.status).toBe(400);
      expect(scim.scimType).toBe('invalidFilter');
      expect(scim.detail).toMatch(/Unsupported filter "not" at offset 15/);
      expect(scim.detail).toContain(`${source}\n${' '.repeat(15)}^`);
    }
  });

  it('lets a visitor reject an operator it cannot express', () => {
    expect(() => visitFilter(parseFilter('uid co "a"'), ldap)).toThrow(
      /Unsupported filter "uid co" at offset 0: operator "co"/,
    );
  });

  it('hands value paths to the visitor whole, without descending into relative paths', () => {
    const seen: string[] = [];
    visitFilter(parseFilter('emails[type eq "work"].value eq "a@b"'), {
      valuePath: (node) => {
        seen.push(`${node.attribute.name}:${node.filter.kind}`);
        return '';
      },
    });
    expect(seen).toEqual(['emails:and']);
  });
});
