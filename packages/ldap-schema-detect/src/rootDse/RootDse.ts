/**
 * The Root DSE as read: attribute names lower-cased (servers differ in case, and 389 echoes the case the
 * client asked for), values as strings in server order. JSON-serialisable.
 */
export type RootDse = Readonly<Record<string, readonly string[]>>;

/**
 * Builds a {@link RootDse} from any attribute map (an ldapts entry, a parsed LDIF record, a JSON fixture):
 * keys are lower-cased, single values become one-element arrays, Buffers are decoded as UTF-8, `dn` is dropped.
 * @param attributes attribute name → value(s)
 */
export function normalizeRootDse(attributes: Readonly<Record<string, unknown>>): RootDse {
  const out: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(attributes)) {
    if (name.toLowerCase() === 'dn') continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v: unknown) =>
      Buffer.isBuffer(v) ? v.toString('utf8') : String(v),
    );
    const key = name.toLowerCase();
    out[key] = [...(out[key] ?? []), ...values];
  }
  return out;
}

/**
 * All values of a Root DSE attribute (case-insensitive name), or an empty array.
 * @param rootDse a normalised Root DSE
 * @param name attribute name
 */
export function rootDseValues(rootDse: RootDse, name: string): readonly string[] {
  return rootDse[name.toLowerCase()] ?? [];
}

/**
 * The first value of a Root DSE attribute, or null.
 * @param rootDse a normalised Root DSE
 * @param name attribute name
 */
export function rootDseValue(rootDse: RootDse, name: string): string | null {
  return rootDseValues(rootDse, name)[0] ?? null;
}
