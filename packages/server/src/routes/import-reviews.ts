import { ImportedReviewSchema, normalizeUserText, validate } from '@koubei/core';
import type { FieldIssue, ImportedReview } from '@koubei/core';
import { parse } from 'csv-parse/sync';

const MAX_ROWS = 10_000;

function cleanRecord(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const input = record as Record<string, unknown>;
  const clean = (key: string, multiline: boolean) =>
    typeof input[key] === 'string'
      ? { [key]: normalizeUserText(input[key] as string, { multiline }) }
      : {};
  return { ...input, ...clean('title', false), ...clean('body', true), ...clean('author', false) };
}

/**
 * Reads an import file: a JSON array, or CSV with a header row (product,
 * rating, title, body, author, language, date, email, verified). Every row
 * is validated; text is cleaned like a review typed into the form. Returns
 * the good rows and the problems of the bad ones (row number and field), so
 * a merchant can fix the file; nothing is stored if any row is bad.
 */
export function readImport(
  text: string,
  format: 'json' | 'csv',
): { rows: ImportedReview[]; problems: FieldIssue[] } {
  let records: unknown[];
  try {
    records =
      format === 'json'
        ? (JSON.parse(text) as unknown[])
        : (parse(text, { columns: true, skip_empty_lines: true, trim: true }) as unknown[]);
  } catch {
    return {
      rows: [],
      problems: [{ path: '', message: `The file is not valid ${format.toUpperCase()}` }],
    };
  }
  if (!Array.isArray(records))
    return { rows: [], problems: [{ path: '', message: 'Expected a list of reviews' }] };
  if (records.length > MAX_ROWS)
    return {
      rows: [],
      problems: [{ path: '', message: `At most ${MAX_ROWS} reviews per import` }],
    };
  const rows: ImportedReview[] = [];
  const problems: FieldIssue[] = [];
  records.forEach((record, index) => {
    // Cleaned first, then held to the limits, as for reviews typed into the form.
    const result = validate(ImportedReviewSchema, cleanRecord(record));
    if (!result.ok) {
      for (const issue of result.issues)
        problems.push({ path: `${index + 1}.${issue.path}`, message: issue.message });
      return;
    }
    rows.push(result.value);
  });
  return { rows, problems };
}
