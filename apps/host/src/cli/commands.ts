import type { Command } from './Command.ts';
import { configCheck } from './commands/configCheck.ts';
import { detectCommand } from './commands/detect.ts';
import { importCommand } from './commands/import.ts';
import { initCommand } from './commands/init.ts';
import { exprCommand } from './commands/expr.ts';
import { serveCommand } from './commands/serve.ts';
import { testConnection } from './commands/testConnection.ts';
import { usersExportCommand } from './commands/usersExport.ts';
import { usersMatchCommand } from './commands/usersMatch.ts';
import { usersCheckRequiredCommand } from './commands/usersCheckRequired.ts';
import { provisionCommand } from './commands/provision.ts';

/**
 * Every `scim2ldap` command, in the order `--help` lists them. A new command is a file under `commands/`
 * plus one line here.
 */
export const commands: readonly Command[] = [
  serveCommand,
  detectCommand,
  importCommand,
  testConnection,
  exprCommand,
  initCommand,
  configCheck,
  usersExportCommand,
  usersMatchCommand,
  usersCheckRequiredCommand,
  provisionCommand,
];
