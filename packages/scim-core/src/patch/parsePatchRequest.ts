import type { PatchPath } from '../filter/ast.ts';
import { parsePath } from '../filter/parsePath.ts';
import { getKey, isObject } from '../resource/getKey.ts';
import { badRequest } from '../ScimError.ts';
import type { PatchOp } from './applyOperation.ts';

/** URN of the PATCH request message (RFC 7644 §3.5.2). */
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

// Entra sends the same few paths in every PATCH; parsed paths are immutable, so a small cache is safe.
const PATH_CACHE_SIZE = 256;
const pathCache = new Map<string, PatchPath>();

function cachedPath(text: string): PatchPath {
  let path = pathCache.get(text);
  if (path) return path;
  path = parsePath(text);
  if (pathCache.size >= PATH_CACHE_SIZE) pathCache.delete(pathCache.keys().next().value as string);
  pathCache.set(text, path);
  return path;
}

/** One validated PATCH operation. */
export interface PatchOperation {
  readonly op: PatchOp;
  readonly path?: PatchPath;
  readonly value?: unknown;
  /** Position in `Operations`, for error messages. */
  readonly index: number;
}

/**
 * Validates a PATCH body (RFC 7644 §3.5.2): the PatchOp schema, a non-empty `Operations` list, `op` in any case
 * (Entra sends `Add`/`Replace`/`Remove`), parsed paths, and a `value` where add/replace need one. Member names
 * are matched case-insensitively, as Entra asks of "structural elements".
 *
 * @param body the parsed JSON body
 * @param maxOperations most operations accepted
 */
export function parsePatchRequest(body: unknown, maxOperations = 1000): PatchOperation[] {
  if (!isObject(body))
    throw badRequest('invalidSyntax', 'PATCH body must be a JSON object with "schemas" and "Operations"');
  const schemas = getKey(body, 'schemas');
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP_SCHEMA.toLowerCase())
  ) {
    throw badRequest('invalidSyntax', `PATCH body must list "${PATCH_OP_SCHEMA}" in "schemas"`);
  }
  const operations = getKey(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw badRequest('invalidSyntax', 'PATCH body needs a non-empty "Operations" array');
  }
  if (operations.length > maxOperations) {
    throw badRequest(
      'invalidSyntax',
      `PATCH body has ${operations.length} operations; at most ${maxOperations} are accepted`,
    );
  }
  return operations.map((operation: unknown, index) => {
    const where = `Operations[${index}]`;
    if (!isObject(operation)) throw badRequest('invalidSyntax', `${where} must be an object with "op"`);
    const rawOp = getKey(operation, 'op');
    const op = typeof rawOp === 'string' ? rawOp.toLowerCase() : undefined;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw badRequest(
        'invalidSyntax',
        `${where}.op must be "add", "replace" or "remove" (any case), got ${JSON.stringify(rawOp) ?? 'nothing'}`,
      );
    }
    const rawPath = getKey(operation, 'path');
    const value = getKey(operation, 'value');
    let path: PatchPath | undefined;
    if (rawPath !== undefined && rawPath !== null && rawPath !== '') {
      if (typeof rawPath !== 'string') throw badRequest('invalidPath', `${where}.path must be a string`);
      try {
        path = cachedPath(rawPath);
      } catch (error) {
        throw badRequest('invalidPath', `${where}: ${(error as Error).message}`, { cause: error });
      }
    }
    if (op === 'remove' && !path) {
      throw badRequest('noTarget', `${where}: "remove" needs a "path" (RFC 7644 §3.5.2.2)`);
    }
    if (op !== 'remove' && value === undefined) {
      throw badRequest('invalidSyntax', `${where}: "${op}" needs a "value"`);
    }
    const parsed: { -readonly [K in keyof PatchOperation]: PatchOperation[K] } = { op, index };
    if (path) parsed.path = path;
    if (value !== undefined) parsed.value = value;
    return parsed;
  });
}
