import { type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { connectorFor, posixAttributes } from './support/connectorConfig.ts';
import { entraClient } from './support/entraClient.ts';
import { walkEntraSequence } from './support/entraSequence.ts';
import { type HostProcess, startHostProcess } from './support/startHostProcess.ts';

const token = '389ds-test-token-0123456789';

describe('scim2ldap serve against 389 Directory Server', () => {
  let dir: RunningDirectory;
  let host: HostProcess;

  beforeAll(async () => {
    dir = await startDirectory({ kind: '389ds' });
    host = await startHostProcess(
      {
        server: { tls: { mode: 'off' } },
        connectors: [
          connectorFor(dir, {
            auxiliaryClasses: ['posixAccount', 'shadowAccount'],
            attributes: posixAttributes,
            mapping: { preset: 'none' },
            matching: [{ attribute: 'mail', precedence: 1 }],
            deprovisioning: { disableFlow: { type: 'lock' }, deleteFlow: 'delete' },
          }),
        ],
      },
      { env: { TEST_TOKEN: token, TEST_BIND_PASSWORD: dir.adminPassword } },
    );
  });

  afterAll(async () => {
    await host?.stop();
    await dir?.stop();
  });

  it('walks the whole Entra sequence (lock = nsAccountLock)', async () => {
    await walkEntraSequence(dir, entraClient(host.baseUrl, 'LDAP', token), 'nsAccountLock');
  });
});
