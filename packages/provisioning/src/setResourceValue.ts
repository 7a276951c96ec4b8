/**
 * Writes values at a SCIM attribute path of a resource being built from a directory entry (the inverse of a
 * mapping): `userName`, `name.givenName`, `emails[type eq "work"].value` (the element is created with its
 * `type`; a `value` of emails/phoneNumbers is marked primary when it is the first element),
 * `urn:…:enterprise:2.0:User:department`, `urn:…:enterprise:2.0:User:manager.value`. A single-valued path takes
 * the first value; `multiValued` keeps them all.
 * @param resource the resource under construction (mutated)
 * @param path the SCIM attribute path
 * @param values the values (strings, numbers or booleans)
 * @param multiValued whether the path holds several values
 */
export function setResourceValue(
  resource: Record<string, unknown>,
  path: string,
  values: readonly unknown[],
  multiValued = false,
): void {
  if (values.length === 0) return;
  let holder = resource;
  let rest = path;
  if (path.toLowerCase().startsWith('urn:')) {
    const colon = path.lastIndexOf(':');
    const uri = path.slice(0, colon);
    rest = path.slice(colon + 1);
    holder = child(resource, uri);
  }
  const filtered = /^([^[.]+)\[\s*type\s+eq\s+"([^"]*)"\s*\](?:\.(.+))?$/i.exec(rest);
  if (filtered) {
    const [, name, type, sub] = filtered as unknown as [string, string, string, string | undefined];
    if (!Array.isArray(holder[name])) holder[name] = [];
    const list = holder[name] as Record<string, unknown>[];
    let element = list.find((e) => e.type === type);
    if (!element) {
      element = { type, ...(list.length === 0 ? { primary: true } : {}) };
      list.push(element);
    }
    element[sub ?? 'value'] = values[0];
    return;
  }
  const dot = rest.indexOf('.');
  if (dot === -1) {
    holder[rest] = multiValued ? [...values] : values[0];
    return;
  }
  child(holder, rest.slice(0, dot))[rest.slice(dot + 1)] = multiValued ? [...values] : values[0];
}

function child(holder: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = holder[key];
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) {
    return existing as Record<string, unknown>;
  }
  const created: Record<string, unknown> = {};
  holder[key] = created;
  return created;
}
