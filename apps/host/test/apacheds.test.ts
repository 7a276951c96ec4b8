import { describeEntraSequence } from './support/describeEntraSequence.ts';

describeEntraSequence('apacheds', 'ApacheDS', 'pwdAccountLockedTime');
