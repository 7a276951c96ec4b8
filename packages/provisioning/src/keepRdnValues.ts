import { parseDn } from './parseDn.ts';

/**
 * Makes attribute values agree with the entry's RDN, as LDAP requires (RFC 4512 §2.3: the RDN's values are
 * values of the entry): on create every RDN value is added to its attribute (`CN=BSimon` with a mapped
 * `cn: Brian Simon` sends `cn: Brian Simon, BSimon`); on update an attribute the plan changes keeps its RDN
 * value (replacing it would be `notAllowedOnRDN`), and a removal of an RDN attribute keeps the RDN value.
 * @param dn the entry's DN (after any rename)
 * @param attributes the attributes about to be written; `null` removes
 * @param mode `create` adds RDN values to absent attributes too; `update` only touches attributes being written
 */
export function keepRdnValues(
  dn: string,
  attributes: Readonly<Record<string, readonly string[] | null>>,
  mode: 'create' | 'update',
): Record<string, readonly string[] | null> {
  const out: Record<string, readonly string[] | null> = { ...attributes };
  const names = Object.keys(out);
  for (const { type, value } of parseDn(dn)[0] ?? []) {
    const key = names.find((name) => name.toLowerCase() === type.toLowerCase());
    if (key === undefined) {
      if (mode === 'create') out[type] = [value];
      continue;
    }
    const values = out[key] ?? [];
    if (!values.some((v) => v.toLowerCase() === value.toLowerCase())) out[key] = [...values, value];
  }
  return out;
}
