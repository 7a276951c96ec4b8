import type { Options } from 'tsup';

/**
 * The one tsup configuration every package builds with; a package names only its entries.
 * @param entry the package's entry files, relative to the package folder
 */
export function packageBuild(entry: Record<string, string>): Options {
  return {
    entry,
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: true,
  };
}
