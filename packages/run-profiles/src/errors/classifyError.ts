import { findFaultyAttribute } from './findFaultyAttribute.ts';
import { type LdapErrorKind, LdapOperationError } from './LdapOperationError.ts';
import { resultCodeName } from './resultCodes.ts';

/** What was being attempted when an error happened; used to word the message. */
export interface ErrorContext {
  readonly operation: string;
  /** Server URL, for connection-level messages. */
  readonly url?: string;
  readonly dn?: string;
  /** The request's attributes, to name the one a schema error is about. */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
  /** Bind DN, named in bind failures (never the password). */
  readonly bindDn?: string;
  /** Strings that must never appear in a message (passwords); replaced by `***`. */
  readonly secrets?: readonly string[];
}

const kindByCode: Readonly<Record<number, LdapErrorKind>> = {
  3: 'timeout',
  7: 'bind',
  8: 'access',
  12: 'unsupported',
  13: 'access',
  16: 'conflict',
  17: 'schema',
  18: 'schema',
  19: 'schema',
  20: 'conflict',
  21: 'schema',
  32: 'noSuchObject',
  34: 'schema',
  48: 'bind',
  49: 'bind',
  50: 'access',
  51: 'retryable',
  52: 'retryable',
  53: 'access',
  64: 'schema',
  65: 'schema',
  66: 'conflict',
  67: 'schema',
  68: 'conflict',
  69: 'schema',
  80: 'other',
};

const tlsCodes = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|EPROTO$|ERR_OSSL)/;
const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const lostCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * Turns whatever ldapts or Node threw into an {@link LdapOperationError} with a result-code name, a kind and
 * a message that says what to check. Already-classified errors pass through unchanged.
 * @param error the thrown value
 * @param context the operation, DN and request, for the message
 */
export function classifyError(error: unknown, context: ErrorContext): LdapOperationError {
  if (error instanceof LdapOperationError) return error;
  const numeric = resultCodeOf(error);
  const built =
    numeric === undefined ? classifyTransport(error, context) : classifyResult(numeric, error, context);
  return redactError(built, context.secrets ?? []);
}

function resultCodeOf(error: unknown): number | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'number') return undefined;
  // ldapts' ResultCodeError carries the numeric LDAP result code; Node system errors carry strings.
  return error.code;
}

function diagnosticOf(error: Error): string {
  const text = error.message.replace(/\s*Code: 0x[0-9a-f]+$/i, '').trim();
  if (!text.includes('\n')) return text;
  // ApacheDS appends a dump of the whole request (values included) to its diagnostic; keep only the first
  // line and its ERR_ lines, which carry the reason.
  const lines = text.split('\n');
  const reasons = lines.filter((line) => /ERR_\d+/.test(line)).map((line) => line.replace(/^[\s:]+/, ''));
  return [lines[0]?.trim() ?? '', ...reasons].join(' — ');
}

const apacheSchemaSignal = /OBJECT_CLASS for OID|ATTRIBUTE_TYPE for OID|INVALID_VALUE_PER_SYNTAX|ERR_277 /;

function target(context: ErrorContext): string {
  return context.dn === undefined ? '' : ` ${context.dn}`;
}

function classifyResult(code: number, error: unknown, context: ErrorContext): LdapOperationError {
  const name = resultCodeName(code);
  const diagnostic = error instanceof Error ? diagnosticOf(error) : String(error);
  let kind: LdapErrorKind =
    context.operation === 'bind' && code === 53 ? 'bind' : (kindByCode[code] ?? 'other');
  // ApacheDS answers an unknown object class with loopDetect and an unknown attribute on add with
  // noSuchAttribute; its diagnostic says what it really is.
  if (apacheSchemaSignal.test(diagnostic) || (context.operation === 'add' && code === 16)) kind = 'schema';
  const base = {
    code: name,
    kind,
    operation: context.operation,
    ...(context.dn === undefined ? {} : { dn: context.dn }),
    diagnostic,
    cause: error,
  } as const;
  const said = diagnostic === '' ? '' : `, "${diagnostic}"`;
  const what = `${context.operation}${target(context)} failed: ${name} (${code})${said}.`;
  switch (kind) {
    case 'schema': {
      const fault =
        context.attributes === undefined
          ? undefined
          : findFaultyAttribute(
              context.dn === undefined ? diagnostic : diagnostic.split(context.dn).join(' '),
              context.attributes,
            );
      if (fault === undefined) {
        return new LdapOperationError(
          `${what} The directory's schema rejected the entry; check the object classes, required attributes and value syntax.`,
          base,
        );
      }
      if (fault.missing === true) {
        return new LdapOperationError(
          `${what} The required attribute "${fault.attribute}" is missing: map a value to it, or choose object classes that do not require it.`,
          { ...base, attribute: fault.attribute },
        );
      }
      const culprit =
        fault.attribute.toLowerCase() === 'objectclass' && fault.value !== undefined
          ? `objectClass value "${fault.value}"`
          : fault.value !== undefined && !/pass|pwd/i.test(fault.attribute)
            ? `attribute "${fault.attribute}" (value "${truncate(fault.value)}")`
            : `attribute "${fault.attribute}"`;
      const advice =
        fault.attribute.toLowerCase() === 'objectclass'
          ? 'check that this object class exists in the directory schema and is spelled as there'
          : 'check that the object classes allow it, that it is defined in the schema and that the value has the right syntax';
      return new LdapOperationError(`${what} The schema rejected the ${culprit}: ${advice}.`, {
        ...base,
        attribute: fault.attribute,
      });
    }
    case 'conflict':
      return new LdapOperationError(
        code === 68
          ? `${what} An entry with this DN already exists; choose another DN or match the existing entry.`
          : code === 66
            ? `${what} The entry has children; delete with the subtree option or remove them first.`
            : `${what} The entry changed concurrently; read it again and retry.`,
        base,
      );
    case 'noSuchObject':
      return new LdapOperationError(
        `${what} The entry does not exist${context.dn === undefined ? '' : ' (or is outside what the bind DN may see)'}.`,
        base,
      );
    case 'access':
      return new LdapOperationError(
        code === 8 || code === 13
          ? `${what} The server requires a protected connection; use LDAPS or StartTLS.`
          : `${what} The bind DN lacks the rights for this operation; check the directory's access controls.`,
        base,
      );
    case 'bind':
      return new LdapOperationError(
        `The directory refused the bind${context.bindDn === undefined ? '' : ` as "${context.bindDn}"`}: ${name} (${code})${said}. Check the bind DN and password, and that the account is not locked or disabled.`,
        base,
      );
    case 'retryable':
      return new LdapOperationError(
        `${what} The server is busy or unavailable; the operation can be retried later.`,
        base,
      );
    case 'timeout':
      return new LdapOperationError(`${what} The server's time limit was exceeded.`, base);
    case 'unsupported':
      return new LdapOperationError(
        `${what} The server does not support a control or extended operation this request needs.`,
        base,
      );
    default:
      return new LdapOperationError(what, base);
  }
}

function classifyTransport(error: unknown, context: ErrorContext): LdapOperationError {
  const message = error instanceof Error ? error.message : String(error);
  const sysCode =
    error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const where = context.url === undefined ? 'the directory' : context.url;
  const base = {
    operation: context.operation,
    ...(context.dn === undefined ? {} : { dn: context.dn }),
    diagnostic: message,
    cause: error,
  } as const;
  if ((sysCode !== undefined && tlsCodes.test(sysCode)) || /certificate|tls|ssl|handshake/i.test(message)) {
    return new LdapOperationError(
      `TLS with ${where} failed (${sysCode ?? 'tls'}): ${message}. Check that the CA certificate (tls.ca) is the one that issued the server certificate, that the host name or IP is in its subjectAltName, and that the port speaks ${where.startsWith('ldaps:') ? 'LDAPS' : 'StartTLS'}.`,
      { ...base, code: 'connectError', kind: 'tls' },
    );
  }
  if (sysCode !== undefined && networkCodes.has(sysCode)) {
    return new LdapOperationError(
      `Cannot reach ${where} (${sysCode}). Check the host name and port, that the server is running, and that no firewall blocks the connection.`,
      { ...base, code: 'connectError', kind: 'network' },
    );
  }
  if (/Connection timeout/i.test(message)) {
    return new LdapOperationError(
      `Connecting to ${where} timed out. Check the host and port, and that the server accepts connections.`,
      { ...base, code: 'timeout', kind: 'timeout' },
    );
  }
  if (/timed out/i.test(message) || sysCode === 'ETIMEDOUT') {
    return new LdapOperationError(
      `${context.operation}${target(context)} timed out waiting for ${where}. The server may be overloaded; the connection was closed and will be reopened.`,
      { ...base, code: 'timeout', kind: 'timeout' },
    );
  }
  if (
    (sysCode !== undefined && lostCodes.has(sysCode)) ||
    /Connection closed|Socket error|socket connection not established|socket hang up/i.test(message)
  ) {
    return new LdapOperationError(
      `${context.operation}${target(context)}: the connection to ${where} was lost (${sysCode ?? 'serverDown'}). It is reopened on the next operation; retry.`,
      { ...base, code: 'serverDown', kind: 'retryable' },
    );
  }
  return new LdapOperationError(`${context.operation}${target(context)} failed: ${message}`, {
    ...base,
    code: 'other',
    kind: 'other',
  });
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Returns the error with every occurrence of the secrets replaced by `***` in its message and diagnostic
 * (servers such as ApacheDS echo request values, passwords included, in diagnostics).
 * @param error a classified error
 * @param secrets passwords and other values that must not be shown
 */
export function redactError(error: LdapOperationError, secrets: readonly string[]): LdapOperationError {
  const live = secrets.filter((s) => s.length > 0);
  if (live.length === 0) return error;
  const clean = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : live.reduce((acc, secret) => acc.split(secret).join('***'), text);
  const message = clean(error.message) ?? '';
  if (message === error.message && clean(error.diagnostic) === error.diagnostic) return error;
  return new LdapOperationError(message, {
    code: error.code,
    kind: error.kind,
    ...(error.operation === undefined ? {} : { operation: error.operation }),
    ...(error.dn === undefined ? {} : { dn: error.dn }),
    ...(error.attribute === undefined ? {} : { attribute: error.attribute }),
    ...(error.diagnostic === undefined ? {} : { diagnostic: clean(error.diagnostic) ?? '' }),
  });
}
