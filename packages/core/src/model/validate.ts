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

export interface LenientListResult {
  /** The response with only the valid items kept (and at most `maxItems`). */
  readonly value: unknown;
  readonly dropped: number;
  /** The first problem found, for logs. */
  readonly message: string;
}

/**
 * Validates a response whose `itemsKey` property is a list item by item, so
 * one malformed review drops that review instead of the whole page. Returns
 * `null` when the envelope itself is wrong (not an object, missing fields).
 */
export function validateListLeniently(
  schema: v.GenericSchema,
  itemsKey: string,
  maxItems: number,
  json: unknown,
): LenientListResult | null {
  if (typeof json !== 'object' || json === null) return null;
  const items: unknown = (json as Record<string, unknown>)[itemsKey];
  if (!Array.isArray(items)) return null;
  // An object schema keeps its entries; a piped array schema keeps its `item`.
  const entries = (schema as unknown as { entries?: Record<string, { item?: v.GenericSchema }> })
    .entries;
  const itemSchema = entries?.[itemsKey]?.item;
  if (!itemSchema) return null;
  const envelope = validate(schema, { ...json, [itemsKey]: [] });
  if (!envelope.ok) return null;
  const kept: unknown[] = [];
  let message = '';
  for (const item of items.slice(0, maxItems)) {
    const result = validate(itemSchema, item);
    if (result.ok) kept.push(result.value);
    else message ||= result.message;
  }
  if (items.length > maxItems) message ||= `${itemsKey}: more than ${maxItems} items`;
  return {
    value: { ...(envelope.value as object), [itemsKey]: kept },
    dropped: items.length - kept.length,
    message,
  };
}
