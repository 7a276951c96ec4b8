import type { FunctionDefinition } from './FunctionDefinition.ts';

/**
 * Now(): the current time in UTC, rendered `M/d/yyyy h:mm:ss tt`. Reads `context.clock` when given, so tests
 * and previews are repeatable; otherwise the system clock.
 */
export const Now: FunctionDefinition = {
  name: 'Now',
  description: 'Returns the current UTC date and time (M/d/yyyy h:mm:ss tt); the clock is injectable.',
  parameters: [],
  examples: [{ expression: 'Now()', note: 'e.g. "7/2/2021 3:33:38 PM"' }],
  pure: false,
  compile: () => (scope) => {
    const now = scope.context.clock ? scope.context.clock() : new Date();
    return new Date(now.getTime());
  },
};
