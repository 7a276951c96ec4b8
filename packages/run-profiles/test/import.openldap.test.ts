import { importSuite } from './importSuite.ts';

importSuite('openldap', 'accesslog');
