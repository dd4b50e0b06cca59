import type { FieldIssue } from '@koubei/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error that becomes an RFC 9457 problem response; nothing internal is echoed. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly errors: readonly FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

export function problem(c: Context, error: ProblemError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  c.header('content-type', 'application/problem+json');
  return c.body(
    JSON.stringify({
      title: error.title,
      status: error.status,
      ...(error.errors.length ? { errors: error.errors } : {}),
    }),
    error.status,
  );
}
