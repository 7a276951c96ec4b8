import { describe, expect, it } from 'vitest';
import { isScimUser, toScimUser } from './index.ts';

describe('toScimUser', () => {
  it("maps an Entra user by Entra's default SCIM mappings", () => {
    expect(
      toScimUser({
        userPrincipalName: 'bsimon@contoso.com',
        mailNickname: 'bsimon',
        displayName: 'Britta Simon',
        givenName: 'Britta',
        surname: 'Simon',
        mail: 'britta@contoso.com',
        jobTitle: 'Engineer',
        department: 'R&D',
        employeeId: '42',
        mobilePhone: '+1 555',
        city: 'Redmond',
        accountEnabled: 'False',
        objectId: 'ignored',
      }),
    ).toEqual({
      schemas: [
        'urn:ietf:params:scim:schemas:core:2.0:User',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      ],
      userName: 'bsimon@contoso.com',
      externalId: 'bsimon',
      displayName: 'Britta Simon',
      title: 'Engineer',
      name: { givenName: 'Britta', familyName: 'Simon' },
      emails: [{ type: 'work', value: 'britta@contoso.com', primary: true }],
      phoneNumbers: [{ type: 'mobile', value: '+1 555' }],
      addresses: [{ type: 'work', locality: 'Redmond' }],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
        department: 'R&D',
        employeeNumber: '42',
      },
      active: false,
    });
  });

  it('leaves a SCIM User as it is', () => {
    const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'x', active: true };
    expect(isScimUser(user)).toBe(true);
    expect(toScimUser(user)).toEqual(user);
    expect(isScimUser({ userPrincipalName: 'x' })).toBe(false);
  });
});
