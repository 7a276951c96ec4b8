/** One problem in the configuration file: where, what was found (never a secret), and how to fix it. */
export interface ConfigIssue {
  /** Key path, for example `connectors[0].connectivity.security`. */
  readonly path: string;
  readonly message: string;
  /** The offending value, rendered for humans; `(hidden)` for secrets; absent when missing. */
  readonly received?: string;
}

/** The configuration could not be loaded; `issues` lists every problem found. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly issues: readonly ConfigIssue[];

  /**
   * @param file the configuration file
   * @param issues every problem found
   * @param options the underlying cause, if any
   */
  constructor(file: string, issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    super(
      `${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the configuration\n${issues
        .map(
          (i) =>
            `  - ${i.path || '(top level)'}: ${i.message}${i.received === undefined ? '' : ` (found ${i.received})`}`,
        )
        .join('\n')}`,
      options,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}
