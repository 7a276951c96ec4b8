import { hash } from 'node:crypto';

/** An entry's attributes in canonical order, with the stored body and content hash built from them. @internal */
export interface CanonicalEntry {
  /** Non-empty attributes sorted by lower-case name: the names as given… */
  readonly names: readonly string[];
  /** …the same names lower-cased… */
  readonly lowerNames: readonly string[];
  /** …and their values as given. */
  readonly values: readonly (readonly string[])[];
  /** The first attribute name given twice (names compare case-insensitively), if any. */
  readonly duplicate: string | undefined;
  /** The stored snapshot (read back with `_parseBody`; its forms are described there). */
  readonly body: string;
  /** 22 characters of base64url: 128 bits of SHA-256 over the canonical form (computed when read). */
  readonly hash: string;
  /** What the hash is computed from (`_hashOf`): strings only, so it can be kept without the entry. */
  readonly hashInput: HashInput;
  /**
   * Set when the hash is `_contentHash(dn, hashPrefix, body)`: the body is compact and its values text is
   * also the hashed one (no multi-valued attribute out of order), so a thread holding the DN and the body
   * needs only this prefix to hash the entry. Undefined otherwise.
   */
  readonly hashPrefix: string | undefined;
}

/**
 * Puts an entry's attributes in canonical order (sorted by lower-case name, empty ones dropped) and builds,
 * in one pass, the stored body and the content hash. The text of the values is built once and serves both:
 * the hash input is the DN (length-prefixed), the lower-cased sorted object classes and the lower-cased
 * names (JSON texts, each self-delimiting), then the values text tagged with its form — so the encoding is
 * injective. The values text is the compact form (`_parseBody`): values joined with U+001F, attributes with
 * U+001E, about three times cheaper to build than JSON; when a value itself holds one of those two
 * characters, JSON instead. Only a multi-valued attribute whose values are not already sorted makes the
 * hash need a second, sorted text. Expects types already checked.
 * @internal
 */
export function _canonicalEntry(
  dn: string,
  objectClasses: readonly string[],
  attributes: Readonly<Record<string, readonly string[]>>,
): CanonicalEntry {
  const given: string[] = [];
  for (const name in attributes) if (attributes[name]!.length > 0) given.push(name);
  const shape = shapeOf(given);
  const { names } = shape;
  const values: (readonly string[])[] = new Array(names.length);
  let valuesSorted = true;
  for (let i = 0; i < names.length; i++) {
    const v = attributes[names[i]!]!;
    values[i] = v;
    if (valuesSorted && v.length > 1 && !isSorted(v)) valuesSorted = false;
  }
  const classes = classesOf(objectClasses);
  const compact = compactValues(values);
  let body: string;
  let hashedValues: string;
  if (compact !== undefined) {
    body = `[${classes.json},${shape.namesJson}]${HEADER_END}${compact}`;
    hashedValues = `c${valuesSorted ? compact : compactValues(sortedValues(values))}`;
  } else {
    const valuesJson = JSON.stringify(values);
    body = `[${classes.json},${shape.namesJson},${valuesJson}]`;
    hashedValues = `j${valuesSorted ? valuesJson : JSON.stringify(sortedValues(values))}`;
  }
  const prefix = `${classes.canonicalJson}${shape.lowerNamesJson}`;
  const hashPrefix = compact !== undefined && valuesSorted ? prefix : undefined;
  return new Canonical(names, shape.lowerNames, values, shape.duplicate, body, hashPrefix, [
    dn,
    prefix,
    hashedValues,
  ]);
}

/** The DN, the prefix (object classes and names) and the tagged values text an entry's hash covers. */
export type HashInput = readonly [dn: string, prefix: string, hashedValues: string];

/** A canonical entry; its hash is computed when read (a load may leave that to its writer thread). */
class Canonical implements CanonicalEntry {
  readonly names: readonly string[];
  readonly lowerNames: readonly string[];
  readonly values: readonly (readonly string[])[];
  readonly duplicate: string | undefined;
  readonly body: string;
  readonly hashPrefix: string | undefined;
  readonly hashInput: HashInput;

  constructor(
    names: readonly string[],
    lowerNames: readonly string[],
    values: readonly (readonly string[])[],
    duplicate: string | undefined,
    body: string,
    hashPrefix: string | undefined,
    hashInput: HashInput,
  ) {
    this.names = names;
    this.lowerNames = lowerNames;
    this.values = values;
    this.duplicate = duplicate;
    this.body = body;
    this.hashPrefix = hashPrefix;
    this.hashInput = hashInput;
  }

  get hash(): string {
    return _hashOf(this.hashInput);
  }
}

/**
 * The content hash of a canonical form: SHA-256 over the DN (length-prefixed), the prefix and the tagged
 * values text.
 * @internal
 */
export function _hashOf([dn, prefix, hashedValues]: HashInput): string {
  return hash('sha256', `${dn.length}:${dn}${prefix}${hashedValues}`, 'base64url').slice(0, 22);
}

/**
 * The content hash of an entry whose `_canonicalEntry(…).hashPrefix` is `prefix`, from its DN and stored
 * body — what the load writer thread computes (its program, `WRITER_THREAD_SOURCE`, repeats these lines;
 * a test checks both give `hashEntry`'s value).
 * @internal
 */
export function _contentHash(dn: string, prefix: string, body: string): string {
  return _hashOf([dn, prefix, `c${body.slice(body.indexOf(HEADER_END) + 1)}`]);
}

/** Each attribute's values sorted (a copy where more than one). */
function sortedValues(values: readonly (readonly string[])[]): (readonly string[])[] {
  return values.map((v) => (v.length > 1 ? [...v].sort() : v));
}

/** Ends the JSON header of a compact body; JSON text never holds it unescaped. */
const HEADER_END = '\u001d';
/** Between the values of one attribute in a compact body. */
const VALUE_SEPARATOR = '\u001f';
/** Between attributes in a compact body. */
const ATTRIBUTE_SEPARATOR = '\u001e';

/**
 * The compact text of the values (each attribute's values joined with U+001F, the attributes with U+001E),
 * or undefined when a value holds either character. Checked by counting the separators in the text: there
 * are exactly as many as the joins put in only if no value brought its own.
 */
function compactValues(values: readonly (readonly string[])[]): string | undefined {
  const parts = new Array<string>(values.length);
  let joins = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.length === 1) parts[i] = v[0]!;
    else {
      parts[i] = v.join(VALUE_SEPARATOR);
      joins += v.length - 1;
    }
  }
  const text = parts.join(ATTRIBUTE_SEPARATOR);
  return occursExactly(text, ATTRIBUTE_SEPARATOR, values.length - 1) &&
    occursExactly(text, VALUE_SEPARATOR, joins)
    ? text
    : undefined;
}

function occursExactly(text: string, char: string, expected: number): boolean {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) {
    if (++count > expected) return false;
  }
  return count === expected;
}

/** The canonical order of one list of attribute names, and its JSON. */
interface Shape {
  readonly given: readonly string[];
  readonly names: readonly string[];
  readonly lowerNames: readonly string[];
  readonly namesJson: string;
  readonly lowerNamesJson: string;
  readonly duplicate: string | undefined;
}

// Entries of one import mostly share a few attribute lists (same schema, same requested attributes), so the
// sorted order and its JSON are kept for the most recent lists and reused: sorting 15–20 names and encoding
// them cost about as much as the rest of the hash. Bounded, and only read and written synchronously.
const SHAPES_KEPT = 16;
const shapes: Shape[] = [];
let nextShape = 0;

function shapeOf(given: readonly string[]): Shape {
  for (const shape of shapes) if (sameNames(shape.given, given)) return shape;
  const lowered = given.map((name) => name.toLowerCase());
  const order = given.map((_, i) => i).sort((a, b) => compare(lowered[a]!, lowered[b]!));
  const names = order.map((i) => given[i]!);
  const lowerNames = order.map((i) => lowered[i]!);
  let duplicate: string | undefined;
  for (let i = 1; i < names.length && duplicate === undefined; i++) {
    if (lowerNames[i] === lowerNames[i - 1]) duplicate = names[i];
  }
  const shape: Shape = {
    given: [...given],
    names,
    lowerNames,
    namesJson: JSON.stringify(names),
    lowerNamesJson: JSON.stringify(lowerNames),
    duplicate,
  };
  shapes[nextShape] = shape;
  nextShape = (nextShape + 1) % SHAPES_KEPT;
  return shape;
}

/** Object classes as given (JSON) and lower-cased and sorted (JSON), for the most recent list. */
let lastClasses: { given: readonly string[]; json: string; canonicalJson: string } | undefined;

function classesOf(objectClasses: readonly string[]): { json: string; canonicalJson: string } {
  if (lastClasses !== undefined && sameNames(lastClasses.given, objectClasses)) return lastClasses;
  lastClasses = {
    given: [...objectClasses],
    json: JSON.stringify(objectClasses),
    canonicalJson: JSON.stringify(objectClasses.map((c) => c.toLowerCase()).sort()),
  };
  return lastClasses;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Reads a stored body back into object classes and an attributes object (a fresh copy). A body is one of
 * (grammar; `JSON(x)` is JSON text, `US` U+001F, `RS` U+001E, `GS` U+001D):
 *
 *     body    = compact / json / legacy
 *     compact = JSON([objectClasses, names]) GS values        ; what this version writes
 *     values  = [ attr *( RS attr ) ]                          ; one attr per name, none if no names
 *     attr    = value *( US value )                            ; no value holds US or RS
 *     json    = JSON([objectClasses, names, values])           ; when a value holds US or RS
 *     legacy  = JSON([objectClasses, attributes])              ; written before the canonical body
 *
 * JSON text holds no raw U+001D, so the first one ends a compact body's header.
 * @internal
 */
export function _parseBody(body: string): [string[], Record<string, string[]>] {
  const headerEnd = body.indexOf(HEADER_END);
  let objectClasses: string[];
  let names: string[];
  let values: string[][];
  if (headerEnd !== -1) {
    [objectClasses, names] = JSON.parse(body.slice(0, headerEnd)) as [string[], string[]];
    const text = body.slice(headerEnd + 1);
    values = names.length === 0 ? [] : text.split(ATTRIBUTE_SEPARATOR).map((v) => v.split(VALUE_SEPARATOR));
  } else {
    const parsed = JSON.parse(body) as
      | [string[], string[], string[][]]
      | [string[], Record<string, string[]>];
    if (parsed.length === 2) return parsed;
    [objectClasses, names, values] = parsed;
  }
  const attributes: Record<string, string[]> = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    // A plain assignment to "__proto__" would set the prototype instead of adding the attribute.
    if (name === '__proto__') Object.defineProperty(attributes, name, { value: values[i], enumerable: true });
    else attributes[name] = values[i]!;
  }
  return [objectClasses, attributes];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isSorted(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i - 1]! > values[i]!) return false;
  return true;
}
