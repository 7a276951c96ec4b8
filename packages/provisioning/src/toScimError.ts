import { ScimError } from '@scim2ldap/scim-core';
import { parentDn } from './parseDn.ts';

/** What provisioning reads of a directory error: run-profiles' `LdapOperationError` fits by shape. */
interface TargetErrorShape {
  readonly kind?: unknown;
  readonly code?: unknown;
  readonly attribute?: unknown;
  readonly diagnostic?: unknown;
  readonly message: string;
}

/** The directory operation an error came from, so the SCIM error can say what failed. */
export interface ErrorContext {
  readonly operation:
    | 'add'
    | 'modify'
    | 'rename'
    | 'delete'
    | 'setPassword'
    | 'setDisabled'
    | 'read'
    | 'search';
  readonly dn?: string;
  /** For rename: the new DN. */
  readonly newDn?: string;
}

/**
 * Turns a directory failure into the SCIM error a client can act on: conflict → 409 `uniqueness`; schema
 * violation → 400 `invalidValue` naming the attribute or objectClass; missing parent on add/rename → 400 naming
 * the parent DN; entry gone → 404; not permitted → 403; directory unreachable, busy or timing out → 503 (the
 * host adds Retry-After). Anything unrecognised is rethrown as is (a 500), never reported as success.
 * @param error what the target threw
 * @param context the operation and DN
 */
export function toScimError(error: unknown, context: ErrorContext): unknown {
  if (error instanceof ScimError || !(error instanceof Error)) return error;
  const shape = error as TargetErrorShape;
  const kind = typeof shape.kind === 'string' ? shape.kind : undefined;
  const code = typeof shape.code === 'string' ? shape.code : undefined;
  const where = context.dn ? ` (${context.operation} ${context.dn})` : ` (${context.operation})`;
  const reason = shape.message;
  switch (kind) {
    case 'conflict':
      if (context.operation === 'delete') {
        return new ScimError(409, `The entry has child entries and cannot be deleted${where}: ${reason}`, {
          cause: error,
        });
      }
      return new ScimError(
        409,
        `An entry already exists at ${context.newDn ?? context.dn ?? 'that DN'}: ${reason}`,
        {
          scimType: 'uniqueness',
          cause: error,
        },
      );
    case 'schema':
    case 'invalid': {
      const attribute = typeof shape.attribute === 'string' ? ` Attribute at fault: ${shape.attribute}.` : '';
      const what =
        kind === 'schema'
          ? "The directory's schema rejected the entry"
          : 'The directory cannot take these values';
      return new ScimError(400, `${what}${where}: ${reason}.${attribute}`, {
        scimType: 'invalidValue',
        cause: error,
      });
    }
    case 'noSuchObject': {
      const dn =
        context.operation === 'rename' ? context.newDn : context.operation === 'add' ? context.dn : undefined;
      if (dn !== undefined) {
        return new ScimError(
          400,
          `The parent entry "${safeParent(dn)}" does not exist; create it in the directory or change the DN rule (${context.operation} ${dn})`,
          { scimType: 'invalidValue', cause: error },
        );
      }
      return new ScimError(404, `The entry no longer exists in the directory${where}`, { cause: error });
    }
    case 'access':
      return new ScimError(403, `The connector's bind account may not do this${where}: ${reason}`, {
        cause: error,
      });
    case 'retryable':
    case 'network':
    case 'timeout':
    case 'bind':
    case 'tls':
      return new ScimError(503, `The directory is unavailable${where}: ${reason}. Retry later`, {
        cause: error,
      });
    default:
      return code === undefined
        ? error
        : new ScimError(502, `The directory refused the operation${where}: ${reason}`, { cause: error });
  }
}

function safeParent(dn: string): string {
  try {
    return parentDn(dn);
  } catch {
    return dn;
  }
}
