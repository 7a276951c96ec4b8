import { lockProfiles } from '@scim2ldap/run-profiles';
import { entraSequence } from './entraSequence.ts';

entraSequence({
  kind: '389ds',
  anchor: 'nsUniqueId',
  lockProfile: lockProfiles.ds389,
  lockAttribute: 'nsAccountLock',
});
