import { createHmac, timingSafeEqual } from 'node:crypto';

/** An HMAC tag over `value`, so clients cannot forge cursors or form tokens. */
export function sign(value: string, secret: string): string {
  return `${value}.${createHmac('sha256', secret).update(value).digest('base64url').slice(0, 22)}`;
}

/** The signed value, or `null` if the tag does not match (tampered, or another secret). */
export function verify(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(sign(value, secret));
  const actual = Buffer.from(signed);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? value : null;
}
