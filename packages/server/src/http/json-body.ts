import { validate } from '@koubei/core';
import type { Context } from 'hono';
import type * as v from 'valibot';
import { ProblemError } from './problem.ts';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The request body as text, refused (400) unless it is valid UTF-8: a lenient
 * decoder would turn broken bytes into U+FFFD and store them in a review.
 */
export async function readUtf8Body(c: Context): Promise<string> {
  // Outside the try: a body over the size limit fails here with its own 413.
  const bytes = await c.req.arrayBuffer();
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new ProblemError(400, 'The body is not valid UTF-8');
  }
}

/** The request body parsed as JSON: 400 when it is not UTF-8 or not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await readUtf8Body(c);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError(400, 'The body is not valid JSON');
  }
}

/** The request's JSON body held to `schema`: 400 when it is not UTF-8 JSON, 422 naming the bad fields. */
export async function readJsonBody<T extends v.GenericSchema>(
  c: Context,
  schema: T,
): Promise<v.InferOutput<T>> {
  const raw = await readJson(c);
  const result = validate(schema, raw);
  if (!result.ok) throw new ProblemError(422, result.message, result.issues);
  return result.value;
}
