import type { AnchorStore } from '@scim2ldap/anchor-store';
import {
  applyPatch,
  evaluateFilter,
  parseFilter,
  ScimError,
  type Filter,
  type ScimResource,
} from '@scim2ldap/scim-core';
import { applyEntryPlan, changedAttributes } from './applyEntryPlan.ts';
import type { UserSchemas } from './buildSchemas.ts';
import { compileMapping } from './compileMapping.ts';
import type { DirectoryEntry, DirectoryTarget } from './DirectoryTarget.ts';
import { applyDeleteFlow, applyDisableFlow } from './deprovision.ts';
import { findEntries, forget, type LookupContext, readByAnchor, remember } from './findEntries.ts';
import { canonicalPath, flattenResource } from './flattenResource.ts';
import type { MappingConfig } from './MappingConfig.ts';
import { mapEntryToUser } from './mapEntryToUser.ts';
import { mapUserToEntry } from './mapUserToEntry.ts';
import { planQuery } from './planQuery.ts';
import type { DisableFlow, ProvisioningPolicy } from './ProvisioningPolicy.ts';
import type {
  DirectoryOperationRecord,
  ProvisioningLogRecord,
  ProvisioningOperation,
} from './ProvisioningLogRecord.ts';
import { type RandomSource, randomPassword } from './randomPassword.ts';
import { recordingTarget } from './recordingTarget.ts';

/** Everything a provisioner needs; the host builds it from the connector's configuration. */
export interface ProvisionerOptions {
  /** The connector name, for log records. */
  readonly connector: string;
  readonly target: DirectoryTarget;
  /** The connector space; create it with indexes on the matching attributes for fast lookups. */
  readonly store: AnchorStore;
  readonly mapping: MappingConfig;
  readonly policy?: ProvisioningPolicy;
  /** The User resource model, from {@link buildSchemas}. */
  readonly schema: UserSchemas;
  /** Clock for durations in log records (default `() => new Date()`). */
  readonly clock?: () => Date;
  /** Randomness for initial passwords (default a CSPRNG). */
  readonly random?: RandomSource;
  /** Receives one record per request, success or failure; records hold no secrets. */
  readonly logger?: (record: ProvisioningLogRecord) => void;
}

/** Per-request options. */
export interface RequestOptions {
  /** The host's request id, copied into the log record. */
  readonly requestId?: string;
}

/** A user query: a SCIM filter (text or parsed) and 1-based paging. */
export interface UserQuery {
  readonly filter?: string | Filter;
  readonly startIndex?: number;
  readonly count?: number;
}

/** A SCIM ListResponse (RFC 7644 §3.4.2). */
export interface UserList {
  readonly schemas: readonly ['urn:ietf:params:scim:api:messages:2.0:ListResponse'];
  readonly totalResults: number;
  readonly startIndex: number;
  readonly itemsPerPage: number;
  readonly Resources: readonly ScimResource[];
}

/** The SCIM User operations of one connector, each answered from what the directory holds. */
export interface Provisioner {
  readonly schema: UserSchemas;
  createUser(body: unknown, options?: RequestOptions): Promise<ScimResource>;
  getUser(id: string, options?: RequestOptions): Promise<ScimResource>;
  queryUsers(query: UserQuery, options?: RequestOptions): Promise<UserList>;
  patchUser(id: string, patch: unknown, options?: RequestOptions): Promise<ScimResource>;
  replaceUser(id: string, body: unknown, options?: RequestOptions): Promise<ScimResource>;
  deleteUser(id: string, options?: RequestOptions): Promise<void>;
}

/** What one request's operations work with: the recording target, the cache, the log record under way. */
interface RequestScope extends LookupContext {
  scimId?: string;
  dn?: string;
}

const DEFAULT_PAGE = 100;

/**
 * Creates the SCIM ⇄ directory translation of one connector: users are created, read, matched, updated,
 * renamed, disabled and deleted through the `DirectoryTarget`, the anchor-store cache is kept current, and
 * every response is built from the entry as read back. Failures are `ScimError`s with the right status
 * (409 uniqueness, 404, 400 naming the attribute / objectClass / parent DN, 503 when the directory is down).
 * @param options target, store, mapping, policy, resource model, clock, randomness, logger
 * @example
 * const provisioner = createProvisioner({ connector: 'LDAP', target, store, mapping, schema: buildSchemas(selected, profile.schema) });
 * const user = await provisioner.createUser({ userName: 'bsimon@contoso.com', name: { familyName: 'Simon' } });
 */
export function createProvisioner(options: ProvisionerOptions): Provisioner {
  const mapping = compileMapping(options.mapping, {
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  const schemas = options.schema;
  const policy = options.policy ?? {};
  const disableFlow: DisableFlow = policy.disableFlow ?? { type: 'none' };
  const clock = options.clock ?? (() => new Date());
  const initial = policy.password?.initialRandom;
  const initialLength = typeof initial === 'object' ? (initial.length ?? 16) : 16;
  const render = (entry: DirectoryEntry): Promise<ScimResource> =>
    mapEntryToUser(entry, { mapping, schemas, disableFlow });

  async function logged<T>(
    operation: ProvisioningOperation,
    request: RequestOptions | undefined,
    scimId: string | undefined,
    run: (scope: RequestScope) => Promise<T>,
  ): Promise<T> {
    const started = clock().getTime();
    const records: DirectoryOperationRecord[] = [];
    const warnings: string[] = [];
    const scope: RequestScope = {
      target: recordingTarget(options.target, records),
      store: options.store,
      onCacheError: (error) => warnings.push(error instanceof Error ? error.message : String(error)),
      ...(scimId === undefined ? {} : { scimId }),
    };
    const finish = (outcome: 'success' | 'failure', status: number, detail?: string): void => {
      options.logger?.({
        ...(request?.requestId === undefined ? {} : { requestId: request.requestId }),
        connector: options.connector,
        operation,
        ...(scope.scimId === undefined ? {} : { scimId: scope.scimId }),
        ...(scope.dn === undefined ? {} : { dn: scope.dn }),
        directoryOperations: records,
        outcome,
        status,
        ...(detail === undefined ? {} : { detail }),
        ...(warnings.length === 0 ? {} : { warnings }),
        durationMs: clock().getTime() - started,
      });
    };
    try {
      const result = await run(scope);
      finish('success', operation === 'createUser' ? 201 : operation === 'deleteUser' ? 204 : 200);
      return result;
    } catch (error) {
      if (error instanceof ScimError) finish('failure', error.status, error.detail);
      else finish('failure', 500, 'Internal error (see the host log for the cause)');
      throw error;
    }
  }

  async function existing(scope: RequestScope, id: string): Promise<DirectoryEntry> {
    const entry = await readByAnchor(scope, id);
    if (!entry) throw new ScimError(404, `User ${id} not found`);
    scope.dn = entry.dn;
    return entry;
  }

  /**
   * Refuses a write that would give a second entry the same value of a matching attribute (in precedence
   * order): Entra and other clients match users by these, so a duplicate would break the next match.
   */
  async function assertNoMatch(
    scope: RequestScope,
    attributes: Readonly<Record<string, readonly string[] | null>>,
    self?: string,
  ): Promise<void> {
    const matching = [...(mapping.config.matching ?? [])].sort((a, b) => a.precedence - b.precedence);
    for (const { attribute } of matching) {
      const value = Object.entries(attributes).find(
        ([name]) => name.toLowerCase() === attribute.toLowerCase(),
      )?.[1]?.[0];
      if (value === undefined) continue;
      const match = (await findEntries(scope, { kind: 'attribute', attribute, value })).find(
        (e) => e.anchor !== self,
      );
      if (match) {
        throw new ScimError(
          409,
          `A directory entry already has ${attribute}=${JSON.stringify(value)} (${match.dn}, id ${match.anchor}); update that user instead of creating a duplicate`,
          { scimType: 'uniqueness' },
        );
      }
    }
  }

  return {
    schema: schemas,

    createUser: (body, request) =>
      logged('createUser', request, undefined, async (scope) => {
        const resource = asResource(body);
        const plan = await mapUserToEntry(resource, mapping, schemas, { kind: 'create' });
        if (plan.dn === undefined) {
          throw new ScimError(
            400,
            'No DN for the new entry: send urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:-dn- or configure a DN rule (mapping.dnRule)',
            { scimType: 'invalidValue' },
          );
        }
        if (!plan.objectClasses || plan.objectClasses.length === 0) {
          throw new ScimError(
            400,
            'No objectClass for the new entry: map objectClass or set mapping.objectClasses (the structural class, e.g. inetOrgPerson)',
            { scimType: 'invalidValue' },
          );
        }
        scope.dn = plan.dn;
        const attributes: Record<string, readonly string[]> = {};
        for (const [name, values] of Object.entries(plan.attributes))
          if (values && values.length > 0) attributes[name] = values;
        await assertNoMatch(scope, attributes);
        const password =
          plan.password ?? (initial ? randomPassword(initialLength, options.random) : undefined);
        let entry = await scope.target.add(
          { dn: plan.dn, objectClasses: plan.objectClasses, attributes },
          password === undefined ? undefined : { password },
        );
        scope.scimId = entry.anchor;
        scope.dn = entry.dn;
        await remember(scope, entry);
        if (
          activeOf(resource) === false &&
          (disableFlow.type === 'lock' || disableFlow.type === 'setAttribute')
        ) {
          const outcome = await applyDisableFlow(scope.target, entry, false, disableFlow);
          entry = outcome.entry;
          await remember(scope, entry);
        }
        return render(entry);
      }),

    getUser: (id, request) =>
      logged('getUser', request, id, async (scope) => render(await existing(scope, id))),

    queryUsers: (query, request) =>
      logged('queryUsers', request, undefined, async (scope) => {
        const startIndex = Math.max(1, Math.trunc(query.startIndex ?? 1));
        const count = Math.max(0, Math.trunc(query.count ?? DEFAULT_PAGE));
        const resources =
          query.filter === undefined
            ? await listAll(scope, startIndex, count)
            : await filtered(scope, query.filter);
        const page =
          query.filter === undefined
            ? resources.items
            : resources.items.slice(startIndex - 1, startIndex - 1 + count);
        return {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'] as const,
          totalResults: resources.total,
          startIndex,
          itemsPerPage: page.length,
          Resources: page,
        };
      }),

    patchUser: (id, patch, request) =>
      logged('patchUser', request, id, async (scope) => {
        const entry = await existing(scope, id);
        const current = await render(entry);
        const patched = applyPatch(current, patch, schemas.resourceSchemas).resource;
        const changed = changedPaths(current, patched);
        if (changed.size === 0) return current;
        const plan = await mapUserToEntry(patched, mapping, schemas, { kind: 'update', changed });
        const active = changed.has('active') ? activeOf(patched) : undefined;
        return finishUpdate(scope, entry, plan, active);
      }),

    replaceUser: (id, body, request) =>
      logged('replaceUser', request, id, async (scope) => {
        const entry = await existing(scope, id);
        const resource = asResource(body);
        const plan = await mapUserToEntry(resource, mapping, schemas, { kind: 'replace' });
        return finishUpdate(scope, entry, plan, activeOf(resource));
      }),

    deleteUser: (id, request) =>
      logged('deleteUser', request, id, async (scope) => {
        const entry = await existing(scope, id);
        if (await applyDeleteFlow(scope.target, entry, policy.deleteFlow ?? 'delete'))
          await forget(scope, entry.anchor);
      }),
  };

  async function finishUpdate(
    scope: RequestScope,
    entry: DirectoryEntry,
    plan: Awaited<ReturnType<typeof mapUserToEntry>>,
    active: boolean | undefined,
  ): Promise<ScimResource> {
    await assertNoMatch(scope, changedAttributes(entry, plan), entry.anchor);
    const outcome = await applyEntryPlan(scope.target, entry, plan, active, disableFlow);
    scope.dn = outcome.entry.dn;
    if (outcome.kind === 'deleted') {
      await forget(scope, entry.anchor);
      return { ...(await render(outcome.entry)), active: false };
    }
    await remember(scope, outcome.entry);
    return render(outcome.entry);
  }

  async function filtered(
    scope: RequestScope,
    filter: string | Filter,
  ): Promise<{ items: ScimResource[]; total: number }> {
    const parsed = typeof filter === 'string' ? parseFilter(filter) : filter;
    const plan = planQuery(parsed, mapping, typeof filter === 'string' ? filter : undefined);
    const seen = new Set<string>();
    const items: ScimResource[] = [];
    for (const lookup of plan.lookups) {
      for (const entry of await findEntries(scope, lookup)) {
        if (seen.has(entry.anchor)) continue;
        seen.add(entry.anchor);
        const resource = await render(entry);
        if (!plan.recheck || evaluateFilter(parsed, resource, schemas.resourceSchemas)) items.push(resource);
      }
    }
    return { items, total: items.length };
  }

  async function listAll(
    scope: RequestScope,
    startIndex: number,
    count: number,
  ): Promise<{ items: ScimResource[]; total: number }> {
    const total = await options.store.count();
    const items: ScimResource[] = [];
    let index = 0;
    for await (const cached of options.store.iterate()) {
      index++;
      if (index < startIndex) continue;
      if (items.length >= count) break;
      const entry = await readByAnchor(scope, cached.anchor);
      if (entry) items.push(await render(entry));
    }
    return { items, total };
  }
}

function asResource(body: unknown): Readonly<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ScimError(400, 'The request body must be a JSON object (a SCIM User)', {
      scimType: 'invalidSyntax',
    });
  }
  return body as Record<string, unknown>;
}

/** `active` as a boolean: Entra sends `false` or the string `"False"`. */
function activeOf(resource: Readonly<Record<string, unknown>>): boolean | undefined {
  const value = Object.entries(resource).find(([key]) => key.toLowerCase() === 'active')?.[1];
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
}

/** Canonical SCIM paths whose values differ between two resources (the PATCH's attribute-level changes). */
function changedPaths(before: ScimResource, after: ScimResource): Set<string> {
  const a = flattenResource(before);
  const b = flattenResource(after);
  const changed = new Set<string>();
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key] ?? []) !== JSON.stringify(b[key] ?? [])) changed.add(canonicalPath(key));
  }
  return changed;
}
