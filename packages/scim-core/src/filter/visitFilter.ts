import { badRequest, type ScimError } from '../ScimError.ts';
import type {
  CompareFilter,
  Filter,
  LogicalFilter,
  NotFilter,
  PresentFilter,
  ValuePathFilter,
} from './ast.ts';
import { caretLine } from './caretLine.ts';

/**
 * Callbacks that translate a filter AST into something else (an LDAP filter, a SQL clause). Every method is
 * optional: a node whose method is missing becomes a 400 `invalidFilter` naming the construct, so a target
 * that cannot express e.g. `co` rejects the request instead of silently returning nothing.
 */
export interface FilterVisitor<T> {
  compare?(node: CompareFilter): T;
  present?(node: PresentFilter): T;
  and?(node: LogicalFilter, left: T, right: T): T;
  or?(node: LogicalFilter, left: T, right: T): T;
  not?(node: NotFilter, inner: T): T;
  /** Value paths are not descended into: their inner paths are relative to the element. */
  valuePath?(node: ValuePathFilter): T;
}

function describeNode(node: Filter): string {
  switch (node.kind) {
    case 'compare':
      return `"${node.attribute.text} ${node.op}"`;
    case 'present':
      return `"${node.attribute.text} pr"`;
    case 'and':
    case 'or':
      return `"${node.kind}"`;
    case 'not':
      return '"not"';
    case 'valuePath':
      return `the value filter "${node.attribute.text}[…]"`;
  }
}

/**
 * The error a translator throws for a construct it cannot express: 400 `invalidFilter`, naming the
 * construct, the reason and (with `source`) a caret under it.
 *
 * @param node the node that cannot be translated
 * @param reason why, e.g. 'the directory has no substring index for this attribute'
 * @param source the original filter text, for the caret line
 */
export function unsupportedFilter(node: Filter, reason: string, source?: string): ScimError {
  const where = source === undefined ? '' : `\n${caretLine(source, node.offset)}`;
  return badRequest(
    'invalidFilter',
    `Unsupported filter ${describeNode(node)} at offset ${node.offset}: ${reason}${where}`,
    {
      offset: node.offset,
    },
  );
}

/**
 * Walks a filter bottom-up and combines the visitor's results; a missing visitor method throws
 * {@link unsupportedFilter}.
 *
 * @param filter the parsed filter
 * @param visitor the translation callbacks
 * @param source the original filter text, for caret lines in errors
 * @example
 * const ldap = visitFilter(parseFilter('userName eq "bjensen"'), {
 *   compare: (node) => `(uid=${escapeFilterValue(String(node.value))})`,
 *   and: (_node, left, right) => `(&${left}${right})`,
 * });
 */
export function visitFilter<T>(filter: Filter, visitor: FilterVisitor<T>, source?: string): T {
  const missing = (): never => {
    throw unsupportedFilter(filter, 'this server cannot evaluate this construct', source);
  };
  switch (filter.kind) {
    case 'compare':
      return visitor.compare ? visitor.compare(filter) : missing();
    case 'present':
      return visitor.present ? visitor.present(filter) : missing();
    case 'and':
    case 'or': {
      const combine = filter.kind === 'and' ? visitor.and : visitor.or;
      if (!combine) return missing();
      const left = visitFilter(filter.left, visitor, source);
      const right = visitFilter(filter.right, visitor, source);
      return combine.call(visitor, filter, left, right);
    }
    case 'not':
      return visitor.not ? visitor.not(filter, visitFilter(filter.filter, visitor, source)) : missing();
    case 'valuePath':
      return visitor.valuePath ? visitor.valuePath(filter) : missing();
  }
}
