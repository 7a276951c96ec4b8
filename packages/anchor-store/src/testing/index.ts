export {
  type ContractContext,
  type CreateAnchorStore,
  type TestAnchorStoreOptions,
  testAnchorStore,
} from './testAnchorStore.ts';
