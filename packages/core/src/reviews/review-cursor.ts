import type { ReviewSort } from './rank-reviews.ts';

/** One sort key: compared element by element, numbers numerically, strings by code unit. */
export type SortKey = readonly (number | string)[];

export function compareSortKeys(a: SortKey, b: SortKey): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

interface CursorPayload {
  readonly sort: ReviewSort;
  readonly photosFirst: boolean;
  readonly key: SortKey;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * An opaque keyset cursor: the sort key of the last review on a page.
 * Keyset (not offset) paging means a review posted while someone pages
 * never pushes another review onto the next page twice.
 */
export function encodeReviewCursor(payload: CursorPayload): string {
  return toBase64Url(JSON.stringify([payload.sort, payload.photosFirst ? 1 : 0, payload.key]));
}

/** The cursor's key, or `null` if it is malformed or was made for another ordering. */
export function decodeReviewCursor(
  cursor: string,
  expected: { readonly sort: ReviewSort; readonly photosFirst: boolean },
): SortKey | null {
  if (cursor.length > 512) return null;
  const text = fromBase64Url(cursor);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [sort, photosFirst, key] = parsed as unknown[];
  if (sort !== expected.sort || photosFirst !== (expected.photosFirst ? 1 : 0)) return null;
  if (!Array.isArray(key) || key.length === 0 || key.length > 8) return null;
  const valid = key.every(
    (part) =>
      (typeof part === 'number' && Number.isFinite(part)) ||
      (typeof part === 'string' && part.length <= 128),
  );
  return valid ? (key as SortKey) : null;
}
