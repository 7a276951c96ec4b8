import { defineConfig } from 'vitest/config';

// One project per package for unit tests (`<name>`), one more for its live-directory suites in `test/`
// (`<name>:int`), so `pnpm test:fast` can skip everything that starts a real directory.
const folders = [
  'packages/expression-engine',
  'packages/scim-core',
  'packages/ldap-schema-detect',
  'packages/anchor-store',
  'packages/run-profiles',
  'packages/provisioning',
  'packages/existing-users',
  'packages/ldap-testkit',
  'apps/host',
];

const conditions = ['@scim2ldap/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: folders.flatMap((root) => {
      const name = root.split('/')[1] ?? root;
      return [
        {
          extends: true,
          test: { name, root, include: ['src/**/*.test.ts'], testTimeout: 20_000 },
        },
        {
          extends: true,
          test: {
            name: `${name}:int`,
            root,
            include: ['test/**/*.test.ts'],
            testTimeout: 180_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ];
    }),
  },
});
