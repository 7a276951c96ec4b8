import { importSuite } from './importSuite.ts';

importSuite('389ds', 'changelog');
