import type { AttributeAssertion, DirectoryTarget } from './DirectoryTarget.ts';
import type { DirectoryOperationRecord } from './ProvisioningLogRecord.ts';
import { type ErrorContext, toScimError } from './toScimError.ts';

/**
 * Wraps a target for one request: every call is recorded (operation, DN, attribute names, result) for the
 * provisioning log, and every failure is turned into the SCIM error for that operation (`toScimError`).
 * @param target the real target
 * @param records where the records go (mutated)
 */
export function recordingTarget(
  target: DirectoryTarget,
  records: DirectoryOperationRecord[],
): DirectoryTarget {
  async function run<T>(
    record: Omit<DirectoryOperationRecord, 'result'>,
    call: () => Promise<T>,
  ): Promise<T> {
    try {
      const result = await call();
      records.push({ ...record, result: 'success' });
      return result;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const kind = (error as { kind?: unknown }).kind;
      records.push({
        ...record,
        result: typeof code === 'string' ? code : typeof kind === 'string' ? kind : 'error',
      });
      const context: ErrorContext = {
        operation: record.operation,
        ...(record.dn === undefined ? {} : { dn: record.dn }),
        ...(record.newDn === undefined ? {} : { newDn: record.newDn }),
      };
      throw toScimError(error, context);
    }
  }
  return {
    add: (entry, options) =>
      run(
        { operation: 'add', dn: entry.dn, attributes: ['objectClass', ...Object.keys(entry.attributes)] },
        () => target.add(entry, options),
      ),
    modify: (dn, attributes) =>
      run({ operation: 'modify', dn, attributes: Object.keys(attributes) }, () =>
        target.modify(dn, attributes),
      ),
    rename: (dn, newDn) => run({ operation: 'rename', dn, newDn }, () => target.rename(dn, newDn)),
    delete: (dn, options) => run({ operation: 'delete', dn }, () => target.delete(dn, options)),
    setPassword: (dn, password) =>
      run({ operation: 'setPassword', dn }, () => target.setPassword(dn, password)),
    setDisabled: (dn, disabled) =>
      run({ operation: 'setDisabled', dn }, () => target.setDisabled(dn, disabled)),
    readByDn: (dn) => run({ operation: 'read', dn }, () => target.readByDn(dn)),
    readByAnchor: (anchor) => run({ operation: 'read' }, () => target.readByAnchor(anchor)),
    search: (attribute, value) =>
      run({ operation: 'search', attributes: [attribute] }, () => target.search(attribute, value)),
    ...(target.searchAny === undefined
      ? {}
      : {
          searchAny: (assertions: readonly AttributeAssertion[]) =>
            run({ operation: 'search', attributes: assertions.map((a) => a.attribute) }, () =>
              target.searchAny!(assertions),
            ),
        }),
  };
}
