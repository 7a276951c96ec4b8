/** The attribute or objectClass value a schema diagnostic points at, and a readable description of it. */
export interface SchemaFault {
  /** The attribute name (`mail`) or, for a bad object class, `objectClass`. */
  readonly attribute: string;
  /** The offending value when the diagnostic identifies one (e.g. the unknown objectClass name). */
  readonly value?: string;
  /** The attribute is required by an object class but was not given. */
  readonly missing?: boolean;
}

// OpenLDAP: "object class 'x' requires attribute 'sn'"; 389 DS: 'missing attribute "sn" required by object
// class "x"'; ApacheDS: "Required attributes [sn] not found".
const requiredPatterns = [
  /requires attribute ['"]([\w;-]+)['"]/i,
  /missing attribute ['"]([\w;-]+)['"]/i,
  /required attributes? \[?([\w;-]+)/i,
];

const valueNumber = /^\s*([A-Za-z][\w;-]*): value #(\d+) invalid per syntax/i;
const quoted = /['"]([A-Za-z][\w;.-]*)['"]/g;
const leadingName = /^\s*([A-Za-z][\w;-]*)\s*:/;

/**
 * Finds the attribute (or objectClass value) a server's schema diagnostic names, looking only for names that
 * were part of the request so a guess never points at something the caller did not send. Knows OpenLDAP's
 * "mail: value #0 invalid per syntax", 389 DS's `attribute "x" not allowed` and quoted names in general.
 * @param diagnostic the server's diagnostic message
 * @param attributes the attributes of the failed request (objectClass included)
 */
export function findFaultyAttribute(
  diagnostic: string,
  attributes: Readonly<Record<string, readonly string[]>>,
): SchemaFault | undefined {
  const byLower = new Map<string, [string, readonly string[]]>();
  for (const [name, values] of Object.entries(attributes)) byLower.set(name.toLowerCase(), [name, values]);
  const objectClasses = byLower.get('objectclass')?.[1] ?? [];

  for (const pattern of requiredPatterns) {
    const name = pattern.exec(diagnostic)?.[1];
    if (name !== undefined) return { attribute: byLower.get(name.toLowerCase())?.[0] ?? name, missing: true };
  }
  const numbered = valueNumber.exec(diagnostic);
  if (numbered?.[1] !== undefined && numbered[2] !== undefined) {
    const found = byLower.get(numbered[1].toLowerCase());
    const name = found?.[0] ?? numbered[1];
    const value = found?.[1][Number(numbered[2])];
    return value === undefined ? { attribute: name } : { attribute: name, value };
  }
  const candidates: string[] = [];
  for (const match of diagnostic.matchAll(quoted)) if (match[1] !== undefined) candidates.push(match[1]);
  const lead = leadingName.exec(diagnostic)?.[1];
  if (lead !== undefined) candidates.push(lead);
  // Unknown object class first: "unknown object class "x"" names a value, not an attribute.
  for (const candidate of candidates) {
    const oc = objectClasses.find((v) => v.toLowerCase() === candidate.toLowerCase());
    if (oc !== undefined && /object ?class/i.test(diagnostic) && !byLower.has(candidate.toLowerCase())) {
      return { attribute: 'objectClass', value: oc };
    }
  }
  for (const candidate of candidates) {
    const found = byLower.get(candidate.toLowerCase());
    if (found !== undefined && found[0].toLowerCase() !== 'objectclass') return { attribute: found[0] };
  }
  // Bare names (ApacheDS: "ERR_277 Attribute foo not declared in objectClasses").
  for (const [lower, [name]] of byLower) {
    if (lower === 'objectclass') continue;
    if (new RegExp(`(^|[^\\w-])${escapeRegExp(lower)}([^\\w=-]|$)`, 'i').test(diagnostic))
      return { attribute: name };
  }
  for (const oc of objectClasses) {
    if (new RegExp(`(^|[^\\w-])${escapeRegExp(oc)}([^\\w=-]|$)`, 'i').test(diagnostic)) {
      return { attribute: 'objectClass', value: oc };
    }
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
