import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileExpression, ExpressionError, formatForLog } from '@scim2ldap/expression-engine';
import { paint } from '../CliIo.ts';
import { type Command, ExitCode, UsageError } from '../Command.ts';

/** `scim2ldap expr '<expression>' --user u.json`: the Entra portal's expression builder, on the terminal. */
export const exprCommand: Command = {
  name: 'expr',
  summary: "evaluate a mapping expression against a sample user (the portal's expression builder)",
  help: `Usage: scim2ldap expr '<expression>' [--user <file.json>] [--now <ISO date>]

Evaluates an expression in Entra's attribute-mapping language against a sample user and prints the
result as JSON (Redact() results print as [Redact]). The user file is a JSON object of source
attributes, e.g. {"userPrincipalName": "bsimon@contoso.com", "surname": "Simon"}.

Example:
  scim2ldap expr 'Join("", "CN=", Word([userPrincipalName], 1, "@"), ",DC=Contoso,DC=lab")' --user u.json
  → "CN=bsimon,DC=Contoso,DC=lab"

Options:
  -u, --user <file>   JSON object with the source attributes (default: no attributes)
      --now <date>    the time Now() returns (default: the system clock)
  -h, --help          show this help

Exit codes: 0 evaluated, 1 evaluation error, 2 usage or syntax error (with a caret under the problem).`,
  options: { user: { type: 'string', short: 'u' }, now: { type: 'string' } },
  positionals: true,
  async run(values, positionals, io) {
    const p = paint(io);
    const text = positionals[0];
    if (text === undefined || positionals.length > 1) {
      throw new UsageError(
        "give exactly one expression, quoted: scim2ldap expr 'ToLower([mail])' --user u.json",
      );
    }
    let user: Record<string, unknown> = {};
    if (values.user !== undefined) {
      const file = resolve(io.cwd, values.user as string);
      try {
        user = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new UsageError(`--user ${file}: ${(error as Error).message}`);
      }
      if (typeof user !== 'object' || user === null || Array.isArray(user)) {
        throw new UsageError(`--user ${file}: expected a JSON object of attributes`);
      }
    }
    const now = values.now === undefined ? undefined : new Date(values.now as string);
    if (now !== undefined && Number.isNaN(now.getTime()))
      throw new UsageError(`--now: "${values.now}" is not a date`);
    let compiled: ReturnType<typeof compileExpression>;
    try {
      compiled = compileExpression(text);
    } catch (error) {
      if (error instanceof ExpressionError) {
        const caret = (error as { caret?: string }).caret;
        const withCaret =
          caret && !error.message.includes(caret) ? `${error.message}\n${caret}` : error.message;
        io.err(`${p.red('error:')} ${withCaret}\n`);
        return ExitCode.usage;
      }
      throw error;
    }
    try {
      const result = await compiled.evaluate(user as never, now === undefined ? {} : { clock: () => now });
      io.out(`${formatForLog(result)}\n`);
      return ExitCode.ok;
    } catch (error) {
      io.err(`${p.red('error:')} ${(error as Error).message}\n`);
      return ExitCode.failure;
    }
  },
};
