/** An attribute the directory requires of a new entry, with its aliases and why it is required. */
export interface RequiredAttribute {
  /** The primary name (`sn`). */
  readonly name: string;
  /** Every name the attribute answers to (`sn`, `surname`). */
  readonly names: readonly string[];
  /** Why: `MUST of inetOrgPerson (via person)`, `input of the DN rule`. */
  readonly reason: string;
}

/** The parts of a resolved directory schema {@link requiredAttributes} reads (ldap-schema-detect's shape). */
export interface RequiredSchemaView {
  readonly objectClasses: Readonly<
    Record<
      string,
      { readonly name: string; readonly effectiveMust: readonly string[]; readonly kind?: string }
    >
  >;
  readonly attributeTypes: Readonly<
    Record<string, { readonly name: string; readonly names: readonly string[] }>
  >;
  readonly index: {
    readonly objectClasses: Readonly<Record<string, string>>;
    readonly attributeTypes: Readonly<Record<string, string>>;
  };
}

/**
 * The attributes a new entry of these object classes must carry: MUST of each class and its superclasses
 * (structural and auxiliary), without `objectClass` itself. Classes missing from the schema are returned in
 * `unknownClasses` so the caller can say so.
 * @param classes the entry's object classes
 * @param schema the directory's resolved schema
 */
export function requiredAttributes(
  classes: readonly string[],
  schema: RequiredSchemaView,
): { readonly required: readonly RequiredAttribute[]; readonly unknownClasses: readonly string[] } {
  const byName = new Map<string, RequiredAttribute>();
  const unknownClasses: string[] = [];
  for (const cls of classes) {
    const key = schema.index.objectClasses[cls.toLowerCase()];
    const oc = key === undefined ? undefined : schema.objectClasses[key];
    if (!oc) {
      unknownClasses.push(cls);
      continue;
    }
    for (const must of oc.effectiveMust) {
      if (must.toLowerCase() === 'objectclass' || byName.has(must.toLowerCase())) continue;
      const typeKey = schema.index.attributeTypes[must.toLowerCase()];
      const type = typeKey === undefined ? undefined : schema.attributeTypes[typeKey];
      byName.set(must.toLowerCase(), {
        name: type?.name ?? must,
        names: type?.names ?? [must],
        reason: `MUST of ${oc.name}${oc.kind ? ` (${oc.kind})` : ''}`,
      });
    }
  }
  return { required: [...byName.values()], unknownClasses };
}

/** What the connector's mapping makes of one source user (see the host's `users check-required`). */
export interface PlannedUser {
  /** How the user is named in the report (`userPrincipalName`, else the row position). */
  readonly user: string;
  readonly position: number;
  /** The DN the mapping builds; `undefined` when the DN rule yields none. */
  readonly dn: string | undefined;
  /** Why the DN rule could not build a DN (an input is missing, the result is no DN), when it could not. */
  readonly dnError?: string;
  /** Directory attributes the mapping sets (`null`: the rule yields nothing). */
  readonly attributes: Readonly<Record<string, readonly string[] | null>>;
  /** The mapping failed for this user (message names the attribute). */
  readonly error?: string;
}

/** One value a source user lacks. */
export interface MissingValue {
  readonly user: string;
  readonly position: number;
  /** The directory attribute (or `-dn-` for the DN rule). */
  readonly attribute: string;
  readonly reason: string;
}

/**
 * Which required attributes a mapped user lacks: every required attribute without a non-empty value after
 * the mapping (values of the DN's RDN count, as provisioning adds them to the entry), the DN when the DN rule
 * failed or produced none (naming the rule's inputs), and mapping failures.
 * @param user the mapped user
 * @param required the required attributes (see {@link requiredAttributes})
 * @param dnInputs the source attributes the DN rule reads, for the message
 * @example
 * const missing = checkRequired(planned, requiredAttributes(['inetOrgPerson'], schema).required, ['userName']);
 */
export function checkRequired(
  user: PlannedUser,
  required: readonly RequiredAttribute[],
  dnInputs: readonly string[] = [],
): MissingValue[] {
  const at = { user: user.user, position: user.position };
  if (user.error !== undefined) return [{ ...at, attribute: '(mapping)', reason: user.error }];
  const present = new Set<string>();
  for (const [name, values] of Object.entries(user.attributes))
    if (values?.some((v) => v.trim() !== '')) present.add(name.toLowerCase());
  // Provisioning adds the RDN's values to a new entry (RFC 4512 §2.3), so the DN supplies them.
  if (user.dn) for (const type of rdnTypesWithValues(user.dn)) present.add(type.toLowerCase());
  const missing: MissingValue[] = [];
  const reads = dnInputs.length ? `; it reads ${dnInputs.join(', ')}` : '';
  if (user.dnError !== undefined) {
    missing.push({ ...at, attribute: '-dn-', reason: `${user.dnError}${reads}` });
  } else if (user.dn === undefined || user.dn === '') {
    missing.push({ ...at, attribute: '-dn-', reason: `the DN rule yields no DN${reads}` });
  } else if (emptyRdnValue(user.dn)) {
    missing.push({
      ...at,
      attribute: '-dn-',
      reason: `the DN rule yields "${user.dn}", whose RDN has no value${reads}`,
    });
  }
  for (const r of required) {
    if (r.names.some((n) => present.has(n.toLowerCase()))) continue;
    missing.push({ ...at, attribute: r.name, reason: r.reason });
  }
  return missing;
}

/** The attribute types of the first RDN that carry a non-empty value (`cn=Ada+uid=ada,…` → cn, uid). */
function rdnTypesWithValues(dn: string): string[] {
  const types: string[] = [];
  let start = 0;
  for (let i = 0; i <= dn.length; i++) {
    const c = dn[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === undefined || c === '+' || c === ',') {
      const ava = dn.slice(start, i);
      const eq = ava.indexOf('=');
      if (eq > 0 && ava.slice(eq + 1).trim() !== '') types.push(ava.slice(0, eq).trim());
      if (c !== '+') break;
      start = i + 1;
    }
  }
  return types;
}

/** True when the first RDN of a DN has an empty value (`CN=,ou=people,…`): a DN rule input was empty. */
function emptyRdnValue(dn: string): boolean {
  let end = dn.length;
  for (let i = 0; i < dn.length; i++) {
    if (dn[i] === '\\') i++;
    else if (dn[i] === ',' || dn[i] === '+') {
      end = i;
      break;
    }
  }
  const rdn = dn.slice(0, end);
  const eq = rdn.indexOf('=');
  return eq < 0 || rdn.slice(eq + 1).trim() === '';
}

/**
 * The attribute references (`[userName]`, `[name.familyName]`) of an expression, in order, without repeats —
 * the source attributes a DN rule needs.
 * @param expression an Entra mapping expression
 */
export function expressionInputs(expression: string): string[] {
  const found: string[] = [];
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '"') {
      if (quoted && expression[i + 1] === '"') i++;
      else quoted = !quoted;
    } else if (!quoted && c === '[') {
      const end = expression.indexOf(']', i);
      if (end < 0) break;
      const name = expression.slice(i + 1, end);
      if (!found.includes(name)) found.push(name);
      i = end;
    }
  }
  return found;
}
