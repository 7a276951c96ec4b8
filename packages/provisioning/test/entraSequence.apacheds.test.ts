import { entraSequence } from './entraSequence.ts';

// ApacheDS has no account-lock attribute run-profiles knows; the disable flow sets a flag attribute instead.
entraSequence({ kind: 'apacheds', anchor: 'entryUUID', lockAttribute: 'employeeType' });
