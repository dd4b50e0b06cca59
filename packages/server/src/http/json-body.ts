import { validate } from '@koubei/core';
import type { Context } from 'hono';
import type * as v from 'valibot';
import { ProblemError } from './problem.ts';

/** The request's JSON body held to `schema`: 400 when it is not JSON, 422 naming the bad fields. */
export async function readJsonBody<T extends v.GenericSchema>(
  c: Context,
  schema: T,
): Promise<v.InferOutput<T>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ProblemError(400, 'The body is not valid JSON');
  }
  const result = validate(schema, raw);
  if (!result.ok) throw new ProblemError(422, result.message, result.issues);
  return result.value;
}
