import { exportSuite } from './exportSuite.ts';

// ApacheDS ships with access control off and no account-lock attribute in its default schema, so the access
// and lock-profile cases run on OpenLDAP and 389 DS only.
exportSuite({
  kind: 'apacheds',
  lockProfiles: [],
  accessControl: false,
  subtreeDelete: 'tree-delete control refused, so recursive',
  posix: true,
  namesSyntaxFault: false,
});
