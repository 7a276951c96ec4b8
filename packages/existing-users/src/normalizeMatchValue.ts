/**
 * The comparison key of a value under an LDAP equality rule (RFC 4518 in short): Unicode NFKC, leading and
 * trailing spaces dropped, inner runs of spaces as one, and case folded when the rule ignores case
 * (`caseIgnoreMatch`, `caseIgnoreIA5Match`). Two values match when their keys are equal.
 * @param value the value
 * @param caseInsensitive whether the attribute's equality rule ignores case
 */
export function normalizeMatchValue(value: string, caseInsensitive: boolean): string {
  const spaced = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return caseInsensitive ? spaced.toLowerCase() : spaced;
}
