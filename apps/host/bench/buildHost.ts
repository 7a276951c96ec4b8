// Builds the host CLI the way tsup builds dist (esbuild, ESM, target node20, no keepNames) from the current
// sources, so a benchmark measures the code an admin runs rather than the TypeScript sources compiled on the
// fly by tsx (whose keepNames helper and loader hooks cost the host CPU per request). The workspace packages
// are bundled from their sources (the `@scim2ldap/source` condition: their dist folders may be stale), every
// other import stays external, by absolute path, and `import.meta.url` keeps each source file's own URL (a
// package resolving a file next to itself still finds it).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const hostRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Minimal view of the esbuild API used here (esbuild comes with tsup, the repository's build tool). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[] }>;
}

/**
 * Bundles `src/cli/main.ts` into `apps/host/.tmp/bench-host/cli.mjs` and returns its path.
 */
export async function buildHost(): Promise<string> {
  const require = createRequire(import.meta.url);
  const esbuild = (await import(
    pathToFileURL(createRequire(require.resolve('tsup')).resolve('esbuild')).href
  )) as Esbuild;
  const outfile = join(hostRoot, '.tmp', 'bench-host', 'cli.mjs');
  await esbuild.build({
    entryPoints: [join(hostRoot, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['@scim2ldap/source'],
    logLevel: 'error',
    plugins: [
      {
        name: 'external-by-path',
        setup(build: {
          onResolve: (
            o: { filter: RegExp },
            f: (a: { path: string; resolveDir: string; kind: string; pluginData?: unknown }) => unknown,
          ) => void;
          onLoad: (o: { filter: RegExp }, f: (a: { path: string }) => unknown) => void;
          resolve: (
            path: string,
            o: { resolveDir: string; kind: string; pluginData: unknown },
          ) => Promise<{ path: string; errors: unknown[] }>;
        }) {
          build.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith('@scim2ldap/') || args.path.startsWith('node:')) return undefined;
            if (args.kind === 'entry-point' || args.pluginData === 'skip') return undefined;
            const resolved = await build.resolve(args.path, {
              resolveDir: args.resolveDir,
              kind: args.kind,
              pluginData: 'skip',
            });
            if (resolved.errors.length > 0 || resolved.path === '') return undefined;
            return { path: resolved.path, external: true };
          });
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            const source = await readFile(args.path, 'utf8');
            return {
              contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: 'ts',
            };
          });
        },
      },
    ],
  });
  return outfile;
}
