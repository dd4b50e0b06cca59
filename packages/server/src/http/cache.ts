import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/**
 * JSON for public reads: an ETag over the exact bytes (304 when the client
 * has them) and caching a CDN can use — fresh for a minute, then served stale
 * while it revalidates, and stale for a day if we are down. The body does not
 * depend on Origin or language, so no Vary is needed for correctness.
 */
export function cachedJson(c: Context, body: unknown): Response {
  return cachedText(c, JSON.stringify(body));
}

/** The same, for JSON already serialised (from the read cache). */
export function cachedText(c: Context, text: string): Response {
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  c.header('etag', etag);
  c.header('cache-control', 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400');
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
    return c.body(null, 304);
  c.header('content-type', 'application/json; charset=utf-8');
  return c.body(text, 200);
}
