import { createMemoryStore } from './index.ts';
import { testAnchorStore } from './testing/index.ts';

testAnchorStore({ name: 'memory driver', create: (options) => createMemoryStore(options) });
