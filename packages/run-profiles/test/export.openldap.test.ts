import { lockProfiles } from '../src/index.ts';
import { exportSuite } from './exportSuite.ts';

exportSuite({
  kind: 'openldap',
  lockProfiles: [{ name: 'OpenLDAP ppolicy', profile: lockProfiles.openldapPpolicy }],
  accessControl: true,
  subtreeDelete: 'recursive',
  posix: true,
  namesSyntaxFault: true,
});
