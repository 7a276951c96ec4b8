import { type DirectoryKind, type RunningDirectory, startDirectory } from '@scim2ldap/ldap-testkit';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { connectorFor, posixConnectorSettings } from './connectorConfig.ts';
import { entraClient } from './entraClient.ts';
import { walkEntraSequence } from './entraSequence.ts';
import { type HostProcess, startHostProcess } from './startHostProcess.ts';

/**
 * Declares a suite that starts one directory of `kind` and a real `scim2ldap serve` process with the seed's
 * POSIX connector (lock-profile disable flow), then walks Entra's whole sequence against it.
 * @param kind the testkit directory to start
 * @param title the directory's name in the suite title
 * @param lockAttribute the attribute the directory's lock profile sets, checked by the walk
 */
export function describeEntraSequence(kind: DirectoryKind, title: string, lockAttribute: string): void {
  const token = `${kind}-test-token-0123456789`;

  describe(`scim2ldap serve against ${title}`, () => {
    let dir: RunningDirectory;
    let host: HostProcess;

    beforeAll(async () => {
      dir = await startDirectory({ kind });
      host = await startHostProcess(
        {
          server: { tls: { mode: 'off' } },
          connectors: [connectorFor(dir, posixConnectorSettings)],
        },
        { env: { TEST_TOKEN: token, TEST_BIND_PASSWORD: dir.adminPassword } },
      );
    });

    afterAll(async () => {
      await host?.stop();
      await dir?.stop();
    });

    it(`walks the whole Entra sequence (lock = ${lockAttribute})`, async () => {
      await walkEntraSequence(dir, entraClient(host.baseUrl, 'LDAP', token), lockAttribute);
    });
  });
}
