import { AppRoleList, type RuntimeValue, ScimRoleList, roleValue, toList } from '../RuntimeValue.ts';
import type { AppRoleAssignment, ScimRole } from '../Value.ts';
import type { CompiledArguments, FunctionDefinition } from './FunctionDefinition.ts';

/** The SCIM role `type` Entra sends for app role assignments. */
export const ROLE_TYPE = 'WindowsAzureActiveDirectoryRole';

function assignments(value: RuntimeValue): readonly AppRoleAssignment[] {
  if (value instanceof AppRoleList) return value.items;
  return toList(value).map((text) => ({ value: text, displayName: text }));
}

const toScimRoles = ([source]: CompiledArguments) => {
  const read = source!.evaluate;
  return (scope: Parameters<typeof read>[0]): RuntimeValue => {
    const value = read(scope);
    if (value === null) return null;
    const roles: ScimRole[] = assignments(value).map((role) => ({
      primary: false,
      type: ROLE_TYPE,
      display: role.displayName ?? role.value ?? '',
      value: roleValue(role),
    }));
    return roles.length === 0 ? null : new ScimRoleList(roles);
  };
};

const appRoleAssignments = [
  {
    name: 'appRoleAssignments',
    description: 'The [appRoleAssignments] attribute: assignments with value and displayName.',
  },
];
const input = {
  appRoleAssignments: [
    { value: 'Admin', displayName: 'Administrator' },
    { value: 'Reader', displayName: 'Reader' },
  ],
};

/**
 * AppRoleAssignmentsComplex([appRoleAssignments]): every assigned role as a SCIM `roles` entry
 * `{ primary: false, type: "WindowsAzureActiveDirectoryRole", display, value }`. Entra PATCHes these with
 * `add` only (never removing roles); the caller applies that update rule.
 */
export const AppRoleAssignmentsComplex: FunctionDefinition = {
  name: 'AppRoleAssignmentsComplex',
  description:
    'Turns all assigned app roles into SCIM roles objects ({ primary: false, type, display, value }); Entra only adds them.',
  parameters: appRoleAssignments,
  examples: [
    {
      expression: 'AppRoleAssignmentsComplex([appRoleAssignments])',
      input,
      output: [
        { primary: false, type: ROLE_TYPE, display: 'Administrator', value: 'Admin' },
        { primary: false, type: ROLE_TYPE, display: 'Reader', value: 'Reader' },
      ],
    },
  ],
  compile: toScimRoles,
};

/**
 * AssertiveAppRoleAssignmentsComplex([appRoleAssignments]): the same roles as AppRoleAssignmentsComplex;
 * Entra replaces the whole `roles` collection with them (removing unassigned roles) — the caller applies that.
 */
export const AssertiveAppRoleAssignmentsComplex: FunctionDefinition = {
  name: 'AssertiveAppRoleAssignmentsComplex',
  description:
    'Like AppRoleAssignmentsComplex, but the roles replace the whole collection, so unassigned roles are removed.',
  parameters: appRoleAssignments,
  examples: [
    {
      expression: 'AssertiveAppRoleAssignmentsComplex([appRoleAssignments])',
      input: { appRoleAssignments: [{ value: 'Admin', displayName: 'Administrator' }] },
      output: [{ primary: false, type: ROLE_TYPE, display: 'Administrator', value: 'Admin' }],
    },
  ],
  compile: toScimRoles,
};

/**
 * SingleAppRoleAssignment([appRoleAssignments]): one role value as text. Entra leaves undefined which role
 * is chosen when several are assigned; here it is the first in the given order (UNCONFIRMED), so results are
 * stable. No roles give null.
 */
export const SingleAppRoleAssignment: FunctionDefinition = {
  name: 'SingleAppRoleAssignment',
  description:
    'Returns the value of one assigned app role (the first, when several are assigned); null when none.',
  parameters: appRoleAssignments,
  examples: [{ expression: 'SingleAppRoleAssignment([appRoleAssignments])', input, output: 'Admin' }],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => {
      const first = assignments(read(scope))[0];
      return first === undefined ? null : roleValue(first);
    };
  },
};

/**
 * AppRoleAssignments(source): Graph lists it without documentation (UNCONFIRMED); here the values of all
 * assigned roles as a multi-valued value.
 */
export const AppRoleAssignments: FunctionDefinition = {
  name: 'AppRoleAssignments',
  description:
    'Returns the values of all assigned app roles as a multi-valued value (undocumented in Entra, listed by Graph).',
  parameters: appRoleAssignments,
  examples: [{ expression: 'AppRoleAssignments([appRoleAssignments])', input, output: ['Admin', 'Reader'] }],
  compile: ([source]) => {
    const read = source!.evaluate;
    return (scope) => {
      const values = assignments(read(scope)).map(roleValue);
      return values.length === 0 ? null : values;
    };
  },
};
