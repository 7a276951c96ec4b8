import type { EvaluationResult } from './Value.ts';

/**
 * Renders an evaluation result for logs and previews: `[Redact]` for secret results (expressions using
 * Redact), a note for "not sent", `null`, or the value as JSON.
 * @param result what `evaluate`/`evaluateSync` returned
 * @example
 * formatForLog(compileExpression('Redact([pwd])').evaluateSync({ pwd: 'x' })); // '[Redact]'
 */
export function formatForLog(result: EvaluationResult): string {
  if (result.secret) return '[Redact]';
  if (result.kind === 'ignore') return '(not sent: IgnoreFlowIfNullOrEmpty)';
  const text = JSON.stringify(result.value);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
