import * as v from 'valibot';
import type { MessageKey } from './messages-en.ts';
import type { MessageOverrides } from './create-translator.ts';

const MessageSchema = v.union([
  v.pipe(v.string(), v.maxLength(500)),
  v.pipe(
    v.strictObject({
      zero: v.optional(v.string()),
      one: v.optional(v.string()),
      two: v.optional(v.string()),
      few: v.optional(v.string()),
      many: v.optional(v.string()),
      other: v.string(),
    }),
  ),
]);

/**
 * Keeps only well-formed overrides for known keys. Host pages supply these
 * (often from a `data-*` attribute), so anything else is dropped rather than
 * trusted; the second value lists what was dropped, for a console warning.
 */
export function sanitizeMessageOverrides(
  input: unknown,
  knownKeys: readonly string[],
): [MessageOverrides, string[]] {
  const overrides: MessageOverrides = {};
  const rejected: string[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [overrides, rejected];
  for (const [key, value] of Object.entries(input)) {
    if (!knownKeys.includes(key) || !v.is(MessageSchema, value)) {
      rejected.push(key);
      continue;
    }
    overrides[key as MessageKey] = value;
  }
  return [overrides, rejected];
}
