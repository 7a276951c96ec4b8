import { applyPatch, ScimError, type ScimResource } from '@scim2ldap/scim-core';
import { applyEntryPlan, changedAttributes } from './applyEntryPlan.ts';
import { assertNoMatch } from './assertNoMatch.ts';
import { compileMapping } from './compileMapping.ts';
import { createCacheWriter } from './createCacheWriter.ts';
import type { DirectoryEntry } from './DirectoryTarget.ts';
import { applyDeleteFlow, applyDisableFlow } from './deprovision.ts';
import { forget, readByAnchor, remember, rememberLater } from './findEntries.ts';
import { keepRdnValues } from './keepRdnValues.ts';
import { type ListContext, listAll, listFiltered } from './listUsers.ts';
import { type EntryPlan, mapUserToEntry } from './mapUserToEntry.ts';
import { mapEntryToUser } from './mapEntryToUser.ts';
import type { Provisioner, ProvisionerOptions } from './Provisioner.ts';
import type { DisableFlow } from './ProvisioningPolicy.ts';
import { randomPassword } from './randomPassword.ts';
import { activeOf, asResource, changedPaths } from './readRequest.ts';
import { type RequestScope, runLogged } from './runLogged.ts';

const DEFAULT_PAGE = 100;
/** The 400 of a create that yields no DN, naming where the embedding application configures the DN rule. */
const noDn = (key: string): string =>
  `No DN for the new entry: send urn:ietf:params:scim:schemas:extension:ECMA2Host:2.0:User:-dn- or configure a DN rule (${key})`;
/** The 400 of a create that yields no object class, naming where the application configures them. */
const noClass = (key: string): string =>
  `No objectClass for the new entry: map objectClass or set ${key} (the structural class, e.g. inetOrgPerson)`;

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
  const duplicateCheck = policy.duplicateCheck ?? 'directory';
  const matching = mapping.config.matching ?? [];
  const initial = policy.password?.initialRandom;
  const initialLength = typeof initial === 'object' ? (initial.length ?? 16) : 16;
  const render = (entry: DirectoryEntry): Promise<ScimResource> =>
    mapEntryToUser(entry, { mapping, schemas, disableFlow });
  const settings = {
    connector: options.connector,
    target: options.target,
    store: options.store,
    cache: createCacheWriter(options.store),
    clock: options.clock ?? (() => new Date()),
    logger: options.logger,
  };

  async function existing(scope: RequestScope, id: string): Promise<DirectoryEntry> {
    const entry = await readByAnchor(scope, id);
    if (!entry) throw new ScimError(404, `User ${id} not found`);
    scope.dn = entry.dn;
    return entry;
  }

  async function create(scope: RequestScope, body: unknown): Promise<ScimResource> {
    const resource = asResource(body);
    const plan = await mapUserToEntry(resource, mapping, schemas, { kind: 'create' });
    if (plan.dn === undefined) {
      throw new ScimError(400, noDn(options.configKeys?.dnRule ?? 'mapping.dnRule'), {
        scimType: 'invalidValue',
      });
    }
    if (!plan.objectClasses?.length) {
      throw new ScimError(400, noClass(options.configKeys?.objectClasses ?? 'mapping.objectClasses'), {
        scimType: 'invalidValue',
      });
    }
    scope.dn = plan.dn;
    const attributes: Record<string, readonly string[]> = {};
    for (const [name, values] of Object.entries(keepRdnValues(plan.dn, plan.attributes, 'create'))) {
      if (values?.length) attributes[name] = values;
    }
    await assertNoMatch(scope, matching, duplicateCheck, attributes);
    const password = plan.password ?? (initial ? randomPassword(initialLength, options.random) : undefined);
    let entry = await scope.target.add(
      { dn: plan.dn, objectClasses: plan.objectClasses, attributes },
      password === undefined ? undefined : { password },
    );
    scope.scimId = entry.anchor;
    scope.dn = entry.dn;
    // A client may create a user disabled; Entra never does (it provisions active users only).
    if (
      activeOf(resource) === false &&
      (disableFlow.type === 'lock' || disableFlow.type === 'setAttribute')
    ) {
      await remember(scope, entry);
      entry = (await applyDisableFlow(scope.target, entry, false, disableFlow)).entry;
    }
    // The answer comes from the directory's own read-back; the cache commit joins the next group commit.
    rememberLater(scope, entry);
    return render(entry);
  }

  async function update(
    scope: RequestScope,
    entry: DirectoryEntry,
    plan: EntryPlan,
    active: boolean | undefined,
  ): Promise<ScimResource> {
    const kept = { ...plan, attributes: keepRdnValues(plan.dn ?? entry.dn, plan.attributes, 'update') };
    await assertNoMatch(scope, matching, duplicateCheck, changedAttributes(entry, kept), entry.anchor);
    const outcome = await applyEntryPlan(scope.target, entry, kept, active, disableFlow);
    scope.dn = outcome.entry.dn;
    if (outcome.kind === 'deleted') {
      await forget(scope, entry.anchor);
      return { ...(await render(outcome.entry)), active: false };
    }
    // With the DN as anchor a rename changes the anchor: the old one must not linger in the cache.
    if (outcome.entry.anchor !== entry.anchor) await forget(scope, entry.anchor);
    await remember(scope, outcome.entry);
    return render(outcome.entry);
  }

  return {
    schema: schemas,

    createUser: (body, request) =>
      runLogged(settings, 'createUser', request?.requestId, undefined, (scope) => create(scope, body)),

    getUser: (id, request) =>
      runLogged(settings, 'getUser', request?.requestId, id, async (scope) =>
        render(await existing(scope, id)),
      ),

    queryUsers: (query, request) =>
      runLogged(settings, 'queryUsers', request?.requestId, undefined, async (scope) => {
        const startIndex = Math.max(1, Math.trunc(query.startIndex ?? 1));
        const count = Math.max(0, Math.trunc(query.count ?? DEFAULT_PAGE));
        const context: ListContext = { ...scope, mapping, schemas, render };
        const page =
          query.filter === undefined
            ? await listAll(context, startIndex, count)
            : await listFiltered(context, query.filter, startIndex, count);
        return {
          schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'] as const,
          totalResults: page.total,
          startIndex,
          itemsPerPage: page.items.length,
          Resources: page.items,
        };
      }),

    patchUser: (id, patch, request) =>
      runLogged(settings, 'patchUser', request?.requestId, id, async (scope) => {
        const entry = await existing(scope, id);
        const current = await render(entry);
        const patched = applyPatch(current, patch, schemas.resourceSchemas).resource;
        const changed = changedPaths(current, patched);
        if (changed.size === 0) return current;
        const plan = await mapUserToEntry(patched, mapping, schemas, { kind: 'update', changed });
        return update(scope, entry, plan, changed.has('active') ? activeOf(patched) : undefined);
      }),

    replaceUser: (id, body, request) =>
      runLogged(settings, 'replaceUser', request?.requestId, id, async (scope) => {
        const entry = await existing(scope, id);
        const resource = asResource(body);
        const plan = await mapUserToEntry(resource, mapping, schemas, { kind: 'replace' });
        return update(scope, entry, plan, activeOf(resource));
      }),

    deleteUser: (id, request) =>
      runLogged(settings, 'deleteUser', request?.requestId, id, async (scope) => {
        const entry = await existing(scope, id);
        if (await applyDeleteFlow(scope.target, entry, policy.deleteFlow ?? 'delete'))
          await forget(scope, entry.anchor);
      }),

    settle: () => settings.cache.settle(),
  };
}
