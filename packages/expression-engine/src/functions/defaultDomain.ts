import { fail } from '../RuntimeValue.ts';
import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * DefaultDomain(): the tenant's default domain, taken from `context.defaultDomain` (Graph lists the function
 * without documentation; UNCONFIRMED). Without that context value the evaluation fails with `missing-context`.
 */
export const DefaultDomain: FunctionDefinition = {
  name: 'DefaultDomain',
  description: "Returns the tenant's default domain (from the evaluation context's defaultDomain).",
  parameters: [],
  examples: [
    {
      expression: 'Join("@", [mailNickname], DefaultDomain())',
      note: 'with context { defaultDomain: "contoso.com" }: "jdoe@contoso.com"',
    },
  ],
  pure: false,
  compile: (_args, call) => (scope) => {
    const domain = scope.context.defaultDomain;
    return domain === undefined ? fail(call, 'missing-context', 'needs context.defaultDomain') : domain;
  },
};
