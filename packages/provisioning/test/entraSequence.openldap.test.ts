import { lockProfiles } from '@scim2ldap/run-profiles';
import { entraSequence } from './entraSequence.ts';

entraSequence({
  kind: 'openldap',
  anchor: 'entryUUID',
  lockProfile: lockProfiles.openldapPpolicy,
  lockAttribute: 'pwdAccountLockedTime',
});
