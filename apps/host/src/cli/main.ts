import { processIo } from './CliIo.ts';
import { runCli } from './runCli.ts';

// The CLI entry: bin/scim2ldap.mjs runs this file (from src through tsx in the workspace, from dist when built).
process.exitCode = await runCli(process.argv.slice(2), processIo());
