import { fieldOf, textOf } from './SourceRow.ts';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/**
 * Whether a record already is a SCIM User (it names `schemas` or `userName`) rather than an Entra / Graph user.
 * @param fields the record
 */
export function isScimUser(fields: Readonly<Record<string, unknown>>): boolean {
  return Array.isArray(fields.schemas) || typeof fields.userName === 'string';
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(false|0|no)$/i.test(value.trim()));
}

/**
 * The SCIM User Entra ID would send for an Entra user (a Graph `user` object or a row of the admin center's
 * user download), by Entra's default attribute mappings for SCIM apps: userPrincipalName → userName,
 * mail → work email, mailNickname → externalId, givenName / surname → name, jobTitle → title, displayName,
 * department and employeeId → enterprise extension, phones, work address, accountEnabled → active. A record
 * that already is a SCIM User is returned unchanged.
 * @param fields the source record
 * @example
 * toScimUser({ userPrincipalName: 'bsimon@contoso.com', surname: 'Simon', accountEnabled: 'True' });
 */
export function toScimUser(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (isScimUser(fields)) return { ...fields };
  const get = (name: string): string | undefined => textOf(fieldOf(fields, name));
  const user: Record<string, unknown> = { schemas: [CORE] };
  const set = (key: string, value: string | undefined): void => {
    if (value !== undefined) user[key] = value;
  };
  set('userName', get('userPrincipalName'));
  set('externalId', get('mailNickname'));
  set('displayName', get('displayName'));
  set('title', get('jobTitle'));
  const name: Record<string, string> = {};
  const given = get('givenName');
  const family = get('surname');
  if (given !== undefined) name.givenName = given;
  if (family !== undefined) name.familyName = family;
  if (Object.keys(name).length > 0) user.name = name;
  const mail = get('mail');
  if (mail !== undefined) user.emails = [{ type: 'work', value: mail, primary: true }];
  const phones: { type: string; value: string }[] = [];
  for (const [property, type] of [
    ['telephoneNumber', 'work'],
    ['mobile', 'mobile'],
    ['mobilePhone', 'mobile'],
    ['facsimileTelephoneNumber', 'fax'],
  ] as const) {
    const v = get(property);
    if (v !== undefined && !phones.some((p) => p.type === type)) phones.push({ type, value: v });
  }
  if (phones.length > 0) user.phoneNumbers = phones;
  const work: Record<string, string> = { type: 'work' };
  for (const [property, key] of [
    ['streetAddress', 'streetAddress'],
    ['city', 'locality'],
    ['state', 'region'],
    ['postalCode', 'postalCode'],
    ['country', 'country'],
  ] as const) {
    const v = get(property);
    if (v !== undefined) work[key] = v;
  }
  const addresses: Record<string, string>[] = [];
  if (Object.keys(work).length > 1) addresses.push(work);
  const office = get('physicalDeliveryOfficeName') ?? get('officeLocation');
  if (office !== undefined) addresses.push({ type: 'other', formatted: office });
  if (addresses.length > 0) user.addresses = addresses;
  const enterprise: Record<string, string> = {};
  const department = get('department');
  const employeeId = get('employeeId');
  if (department !== undefined) enterprise.department = department;
  if (employeeId !== undefined) enterprise.employeeNumber = employeeId;
  if (Object.keys(enterprise).length > 0) {
    user.schemas = [CORE, ENTERPRISE];
    user[ENTERPRISE] = enterprise;
  }
  const enabled = fieldOf(fields, 'accountEnabled');
  if (enabled !== undefined && enabled !== '') user.active = !isFalse(enabled);
  return user;
}
