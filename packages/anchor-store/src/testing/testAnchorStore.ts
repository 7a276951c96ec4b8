import { afterEach, describe } from 'vitest';
import type { AnchorStore, AnchorStoreOptions } from '../AnchorStore.ts';
import { entryContract } from './entryContract.ts';
import { lookupContract } from './lookupContract.ts';
import { runContract } from './runContract.ts';

/** How the contract suite opens a fresh, empty store of the driver under test. */
export type CreateAnchorStore = (options: AnchorStoreOptions) => AnchorStore | Promise<AnchorStore>;

/** Options of `testAnchorStore`. */
export interface TestAnchorStoreOptions {
  /** Suite title; defaults to `anchor-store contract`. */
  readonly name?: string;
  /** Opens a fresh, empty store with the given options; called once or more per test. */
  readonly create: CreateAnchorStore;
  /** Driver-specific tests, registered inside the same `describe` with the same tracked `open`. */
  readonly additionalTests?: (context: ContractContext) => void;
}

/** What each contract test uses: `open` creates a store that is closed after the test. */
export interface ContractContext {
  open(options?: AnchorStoreOptions): Promise<AnchorStore>;
}

/**
 * The behaviour every `AnchorStore` driver must show, as one vitest suite: each driver's test file calls it
 * with a factory (the unstorage driver-test pattern), so memory, SQLite and a later networked driver are
 * held to the same contract.
 * @param options the driver factory and optional driver-specific tests
 * @example
 * import { createMemoryStore } from '@scim2ldap/anchor-store';
 * import { testAnchorStore } from '@scim2ldap/anchor-store/testing';
 * testAnchorStore({ name: 'memory driver', create: (options) => createMemoryStore(options) });
 */
export function testAnchorStore(options: TestAnchorStoreOptions): void {
  describe(options.name ?? 'anchor-store contract', () => {
    const opened: AnchorStore[] = [];
    const context: ContractContext = {
      async open(storeOptions = {}) {
        const store = await options.create(storeOptions);
        opened.push(store);
        return store;
      },
    };
    afterEach(async () => {
      // Close quietly: a test may have closed its store already, which must not fail the next one.
      for (const store of opened.splice(0)) await store.close().catch(() => undefined);
    });
    entryContract(context);
    lookupContract(context);
    runContract(context);
    options.additionalTests?.(context);
  });
}
