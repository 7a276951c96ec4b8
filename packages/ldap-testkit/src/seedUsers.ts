import { escapeDnValue, type LdifEntry, toLdif } from './ldif.ts';
import { TestkitError } from './TestkitError.ts';

/** Options of {@link seedUsers} and {@link seedLdif}. */
export interface SeedOptions {
  /** How many users (1-based numbering: `user00001` … ). */
  readonly users: number;
  /** The OU the users live in, directly below the suffix (default `people`). */
  readonly ou?: string;
  /** The suffix (default `dc=example,dc=org`). */
  readonly baseDn?: string;
}

const GIVEN = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Niklaus'];
const FAMILY = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
];

/** The fixed maximum of {@link SeedOptions.users}; enough for every benchmark, small enough for a disk. */
export const MAX_SEED_USERS = 1_000_000;

/**
 * The uid of the n-th seed user: `user` and the number, zero-padded to at least 5 digits.
 * @param n 1-based index
 */
export function seedUid(n: number): string {
  return `user${String(n).padStart(5, '0')}`;
}

/**
 * The n-th generated user: inetOrgPerson + posixAccount with uid, cn, sn, givenName, displayName, mail,
 * employeeNumber, uidNumber (10000 + n), gidNumber 10000, homeDirectory and loginShell. Deterministic,
 * so benchmarks and tests can reproduce exactly what a seeded directory holds.
 * @param n 1-based index
 * @param options where the user lives (`ou`, `baseDn`)
 * @example
 * seedUser(1).dn // 'uid=user00001,ou=people,dc=example,dc=org'
 */
export function seedUser(n: number, options: Omit<SeedOptions, 'users'> = {}): LdifEntry {
  const uid = seedUid(n);
  const given = GIVEN[n % GIVEN.length] ?? 'Ada';
  const family = FAMILY[(n * 7) % FAMILY.length] ?? 'Lovelace';
  const baseDn = options.baseDn ?? 'dc=example,dc=org';
  const ou = options.ou ?? 'people';
  return {
    dn: `uid=${escapeDnValue(uid)},ou=${escapeDnValue(ou)},${baseDn}`,
    attributes: {
      objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson', 'posixAccount'],
      uid: [uid],
      cn: [`${given} ${family} ${n}`],
      sn: [family],
      givenName: [given],
      displayName: [`${given} ${family}`],
      mail: [`${uid}@example.org`],
      employeeNumber: [String(n)],
      uidNumber: [String(10_000 + n)],
      gidNumber: ['10000'],
      homeDirectory: [`/home/${uid}`],
      loginShell: ['/bin/bash'],
    },
  };
}

/**
 * All seed users in order, lazily (100,000 users are never held in memory at once).
 * @param options how many and where
 * @example
 * for (const user of seedUsers({ users: 3 })) console.log(user.dn);
 */
export function* seedUsers(options: SeedOptions): Generator<LdifEntry> {
  checkSeedCount(options.users);
  for (let n = 1; n <= options.users; n++) yield seedUser(n, options);
}

/**
 * The seed users as LDIF text chunks (one entry each), for `ldapadd -f`, slapadd or a file.
 * @param options how many and where
 */
export function* seedLdif(options: SeedOptions): Generator<string> {
  for (const user of seedUsers(options)) yield toLdif(user);
}

/** Throws unless `users` is a whole number in range. */
export function checkSeedCount(users: number): void {
  if (!Number.isInteger(users) || users < 0 || users > MAX_SEED_USERS) {
    throw new TestkitError(
      'INVALID_OPTION',
      `seed.users must be an integer from 0 to ${MAX_SEED_USERS}, got ${users}`,
    );
  }
}
