import { lockProfiles } from '../src/index.ts';
import { exportSuite } from './exportSuite.ts';

exportSuite({
  kind: '389ds',
  lockProfiles: [
    { name: '389 DS nsAccountLock', profile: lockProfiles.ds389 },
    {
      name: 'boolean attribute TRUE/FALSE (AD LDS msDS-UserAccountDisabled style)',
      profile: {
        kind: 'attribute',
        attribute: 'nsAccountLock',
        disabledValue: 'TRUE',
        enabledValue: 'FALSE',
      },
    },
  ],
  accessControl: true,
  subtreeDelete: 'recursive',
  posix: true,
  namesSyntaxFault: true,
});
