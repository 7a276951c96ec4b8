import { ScimError, type ScimResource } from '@scim2ldap/scim-core';
import { canonicalPath, flattenResource } from './flattenResource.ts';

/**
 * The request body as a SCIM resource object, or a 400 `invalidSyntax`.
 * @param body the parsed JSON body
 */
export function asResource(body: unknown): Readonly<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ScimError(400, 'The request body must be a JSON object (a SCIM User)', {
      scimType: 'invalidSyntax',
    });
  }
  return body as Record<string, unknown>;
}

/**
 * `active` as a boolean: Entra sends `false` or the string `"False"` (without its PATCH feature flag).
 * @param resource the resource
 */
export function activeOf(resource: Readonly<Record<string, unknown>>): boolean | undefined {
  const value = Object.entries(resource).find(([key]) => key.toLowerCase() === 'active')?.[1];
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

/**
 * Canonical SCIM paths whose values differ between two resources: the attribute-level changes of a PATCH,
 * in the form mapping rules name their sources.
 * @param before the resource before the PATCH
 * @param after the patched resource
 */
export function changedPaths(before: ScimResource, after: ScimResource): Set<string> {
  const a = flattenResource(before);
  const b = flattenResource(after);
  const changed = new Set<string>();
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key] ?? []) !== JSON.stringify(b[key] ?? [])) changed.add(canonicalPath(key));
  }
  return changed;
}
