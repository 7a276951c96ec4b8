import { execFileSync } from 'node:child_process';
import type { RunningDirectory } from '@scim2ldap/ldap-testkit';

/** Runs an OpenLDAP CLI tool (ldapadd, ldapmodify, ldapdelete) against a test directory as its admin. */
export function ldapCli(
  dir: RunningDirectory,
  tool: 'ldapadd' | 'ldapmodify' | 'ldapdelete',
  input: string,
): void {
  execFileSync(tool, ['-x', '-H', dir.ldapUrl, '-D', dir.adminDn, '-w', dir.adminPassword], {
    input,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

/** LDIF `attr:: base64` line, for values with leading/trailing spaces. */
export function b64(attribute: string, value: string): string {
  return `${attribute}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
}
