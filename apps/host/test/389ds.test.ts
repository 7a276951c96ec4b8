import { describeEntraSequence } from './support/describeEntraSequence.ts';

describeEntraSequence('389ds', '389 Directory Server', 'nsAccountLock');
