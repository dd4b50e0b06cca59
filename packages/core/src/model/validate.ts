import * as v from 'valibot';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `items.3.rating`; empty for the whole value. */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly issues: readonly FieldIssue[] };

/** Turns valibot issues into messages that name the field, for people and logs. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
}

export function formatIssues(issues: readonly FieldIssue[], limit = 5): string {
  const shown = issues
    .slice(0, limit)
    .map(({ path, message }) => (path ? `${path}: ${message}` : message));
  const more = issues.length > limit ? ` (+${issues.length - limit} more)` : '';
  return shown.join('; ') + more;
}

/** Validates without throwing; the failure message names every offending field. */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): ValidationResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issues = describeIssues(result.issues);
  return { ok: false, message: formatIssues(issues), issues };
}
