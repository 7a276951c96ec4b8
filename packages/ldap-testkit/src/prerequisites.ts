import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { TestkitError } from './TestkitError.ts';
import type { DirectoryKind } from './types.ts';

interface Requirement {
  /** A program on PATH (or in /usr/sbin), or an absolute file path. */
  readonly need: string;
  /** The Debian package that provides it. */
  readonly apt: string;
}

const COMMON: readonly Requirement[] = [
  { need: 'openssl', apt: 'openssl' },
  { need: 'ldapsearch', apt: 'ldap-utils' },
];

const BY_KIND: Record<DirectoryKind, readonly Requirement[]> = {
  openldap: [
    { need: 'slapd', apt: 'slapd' },
    { need: 'slapadd', apt: 'slapd' },
    { need: 'slappasswd', apt: 'slapd' },
  ],
  '389ds': [
    { need: 'dscreate', apt: '389-ds-base' },
    { need: 'ns-slapd', apt: '389-ds-base' },
    { need: 'pk12util', apt: 'libnss3-tools' },
    { need: 'certutil', apt: 'libnss3-tools' },
    { need: 'python3', apt: 'python3' },
  ],
  apacheds: [
    { need: 'java', apt: 'default-jre-headless' },
    { need: '/etc/apacheds/config.ldif', apt: 'apacheds' },
    { need: '/usr/share/java/apache-directory-api-all.jar', apt: 'libapache-directory-api-java' },
    { need: '/usr/share/java/mina2-core.jar', apt: 'libmina2-java' },
    { need: '/usr/share/java/caffeine.jar', apt: 'libcaffeine-java' },
    { need: '/usr/share/java/mavibot.jar', apt: 'libmavibot-java' },
    { need: '/usr/share/java/apacheds-jdbm1.jar', apt: 'libapache-directory-jdbm-java' },
    { need: '/usr/share/java/bcprov.jar', apt: 'libbcprov-java' },
    { need: '/usr/share/java/dom4j.jar', apt: 'libdom4j-java' },
    { need: '/usr/share/java/xpp3.jar', apt: 'libxpp3-java' },
    { need: '/usr/share/java/commons-pool.jar', apt: 'libcommons-pool-java' },
    { need: '/usr/share/java/commons-lang.jar', apt: 'libcommons-lang-java' },
  ],
};

function isPresent(need: string): boolean {
  return need.startsWith('/') ? existsSync(need) : onPath(need);
}

function onPath(program: string): boolean {
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  return dirs.some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Throws one `MISSING_PREREQUISITE` error naming every missing program or file of `kind` and the Debian
 * packages that provide them, instead of a stack trace from deep inside a start script.
 * @param kind the server about to start
 * @param present how to tell whether a program or file exists (replaceable in tests)
 */
export function checkPrerequisites(
  kind: DirectoryKind,
  present: (need: string) => boolean = isPresent,
): void {
  const missing = [...COMMON, ...BY_KIND[kind]].filter((r) => !present(r.need));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((r) => r.apt))].join(' ');
  throw new TestkitError(
    'MISSING_PREREQUISITE',
    `startDirectory({ kind: '${kind}' }) needs ${missing.map((r) => r.need).join(', ')}. ` +
      `Run 'bash scripts/setup.sh' (as root) or 'apt-get install -y ${packages}'.`,
  );
}
