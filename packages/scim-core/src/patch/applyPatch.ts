import type { PatchPath } from '../filter/ast.ts';
import { parsePath } from '../filter/parsePath.ts';
import type { CoerceOptions } from '../resource/coerceValue.ts';
import { isObject } from '../resource/getKey.ts';
import { badRequest, ScimError } from '../ScimError.ts';
import { indexSchemas, type SchemaIndex } from '../schema/indexSchemas.ts';
import type { ResourceSchemas, ScimResource } from '../schema/types.ts';
import { type PatchOp, removeExtension, removeTarget, writeTarget } from './applyOperation.ts';
import { collectChanges } from './collectChanges.ts';
import { type PatchOperation, parsePatchRequest } from './parsePatchRequest.ts';
import { PatchState } from './PatchState.ts';
import { resolveTarget } from './resolveTarget.ts';
import type { ApplyPatchOptions, PatchResult } from './types.ts';

/**
 * Expands a no-path add/replace value into (path, value) pairs. Keys may be plain (`displayName`), dotted
 * (`name.givenName`, Entra with aadOptscim062020), URN-qualified (`urn:…:enterprise:2.0:User:employeeNumber`)
 * or a schema URN whose value is an object of that schema's attributes (RFC 7644 §3.5.2.1).
 */
function expandNoPath(
  index: SchemaIndex,
  value: unknown,
  uri: string | undefined,
  out: [PatchPath, unknown][],
): void {
  if (!isObject(value)) {
    throw badRequest(
      'invalidValue',
      'An add/replace without "path" needs an object of attributes as "value"',
    );
  }
  for (const key in value) {
    const lower = key.toLowerCase();
    if (uri === undefined && lower === 'schemas') continue;
    const schema = uri === undefined ? index.byId.get(lower) : undefined;
    if (schema) {
      expandNoPath(index, value[key], schema.schema.id, out);
      continue;
    }
    out.push([parsePath(uri === undefined ? key : `${uri}:${key}`), value[key]]);
  }
}

function applyAt(
  state: PatchState,
  op: PatchOp,
  path: PatchPath,
  value: unknown,
  options: ApplyPatchOptions,
  coerce: CoerceOptions,
): undefined {
  const target = resolveTarget(state.index, path, options.unknownAttributes === 'ignore');
  if (!target) return;
  if (target.kind === 'extension') {
    if (op !== 'remove')
      throw badRequest(
        'invalidPath',
        `Path "${path.text}" names a whole schema; ${op} needs an attribute path or no path`,
      );
    return removeExtension(state, target);
  }
  if (op === 'remove') removeTarget(state, target, value, coerce);
  else writeTarget(state, op, target, value, coerce);
}

function applyOne(
  state: PatchState,
  operation: PatchOperation,
  options: ApplyPatchOptions,
  coerce: CoerceOptions,
): undefined {
  const { op, path, value } = operation;
  if (path) return applyAt(state, op, path, value, options, coerce);
  const pairs: [PatchPath, unknown][] = [];
  expandNoPath(state.index, value, undefined, pairs);
  for (const [pairPath, pairValue] of pairs) applyAt(state, op, pairPath, pairValue, options, coerce);
}

/**
 * Applies a SCIM PATCH request (RFC 7644 §3.5.2) to a resource, accepting every shape Entra ID sends (with and
 * without `aadOptscim062020`), and returns the new resource plus the attribute-level changes that really
 * happened, so a directory can be sent a minimal modify. The input resource is not modified; on any error
 * nothing is applied.
 *
 * @param resource the current resource (extension attributes under their schema URN)
 * @param request the parsed PATCH body
 * @param schemas the resource's schemas
 * @param options unknown-attribute policy and operation cap
 * @example
 * const { resource, changes } = applyPatch(user, {
 *   schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
 *   Operations: [{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'new@example.com' }],
 * }, { core: userSchema, extensions: [enterpriseUserSchema] });
 */
export function applyPatch(
  resource: ScimResource,
  request: unknown,
  schemas: ResourceSchemas,
  options: ApplyPatchOptions = {},
): PatchResult {
  const operations = parsePatchRequest(request, options.maxOperations);
  const state = new PatchState(resource, indexSchemas(schemas));
  const coerce: CoerceOptions = { unknownAttributes: options.unknownAttributes ?? 'error' };
  for (const operation of operations) {
    try {
      applyOne(state, operation, options, coerce);
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      throw new ScimError(error.status, `Operations[${operation.index}] (${operation.op}): ${error.detail}`, {
        ...(error.scimType ? { scimType: error.scimType } : {}),
        cause: error,
      });
    }
  }
  return { resource: state.root, changes: collectChanges(state) };
}
