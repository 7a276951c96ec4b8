import type { FinishRunInput, RunCounts } from '../AnchorStore.ts';
import { AnchorStoreError } from '../AnchorStoreError.ts';

/** Longest error summary kept in the run history. @internal */
export const MAX_ERROR_LENGTH = 2000;

/**
 * Checks a run profile name for `beginRun`.
 * @internal
 */
export function _checkProfile(profile: string): string {
  if (typeof profile !== 'string' || profile.trim().length === 0 || profile.length > 200) {
    throw new AnchorStoreError(
      'invalid-option',
      `beginRun: profile must be a non-empty name such as "full-import" (at most 200 characters); got ${JSON.stringify(profile)}`,
    );
  }
  return profile;
}

/**
 * Completes partial counts with zeros and rejects negative or fractional ones.
 * @internal
 */
export function _finishCounts(input: FinishRunInput | undefined): RunCounts {
  const counts: RunCounts = { added: 0, updated: 0, deleted: 0, failed: 0 };
  for (const key of ['added', 'updated', 'deleted', 'failed'] as const) {
    const value = input?.counts?.[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) {
      throw new AnchorStoreError(
        'invalid-option',
        `finishRun: counts.${key} must be a whole number ≥ 0; got ${value}`,
      );
    }
    counts[key] = value;
  }
  return counts;
}

/**
 * Caps an error summary so a huge message cannot bloat the history.
 * @internal
 */
export function _errorSummary(input: FinishRunInput | undefined): string | undefined {
  const error = input?.error;
  if (error === undefined) return undefined;
  const text = String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** The error for a run id that does not exist. @internal */
export function _unknownRun(operation: string, runId: number): AnchorStoreError {
  return new AnchorStoreError(
    'unknown-run',
    `${operation}: no run with id ${runId}; use the id beginRun returned`,
  );
}

/** The error for a run that already finished. @internal */
export function _runFinished(runId: number): AnchorStoreError {
  return new AnchorStoreError(
    'run-finished',
    `finishRun: run ${runId} has already finished; finish a run once`,
  );
}

/** Checks the `maxDeletes` guard before a sweep deletes anything. @internal */
export function _checkSweep(runId: number, unseen: number, maxDeletes: number | undefined): void {
  if (maxDeletes !== undefined && unseen > maxDeletes) {
    throw new AnchorStoreError(
      'sweep-threshold',
      `sweepUnseen: run ${runId} did not see ${unseen} entries, more than maxDeletes (${maxDeletes}); nothing was ` +
        'deleted. Check the import (base DN, filter, bind rights) or raise maxDeletes.',
    );
  }
}

/** The error for any call after `close()`. @internal */
export function _closed(operation: string): AnchorStoreError {
  return new AnchorStoreError('closed', `${operation}: the anchor store is closed; open a new one`);
}

/** Checks the `limit` of `listRuns`. @internal */
export function _checkLimit(limit: number | undefined): number {
  if (limit === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new AnchorStoreError('invalid-option', `listRuns: limit must be a positive integer; got ${limit}`);
  }
  return limit;
}
