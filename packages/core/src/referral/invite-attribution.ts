// How a storefront keeps the invite code a friend arrived with, first-party:
// read from the link, kept in the shop's own storage and in a cookie the
// shop's backend reads at checkout. Pure functions; the script tag supplies
// the URL, the clock and the storage.

/** The query parameter an invite link carries (`?koubei_invite=CODE`). */
export const INVITE_PARAM = 'koubei_invite';
/** The first-party cookie holding the kept code, for the shop's backend at checkout. */
export const INVITE_COOKIE = 'koubei_invite';
/** The first-party cookie with the visitor id of the recorded visit (see visitorCookie). */
export const VISITOR_COOKIE = 'koubei_visitor';
/** How long a code is kept when the programme has no end (or sooner, when it ends sooner). */
export const INVITE_KEEP_MS = 30 * 24 * 3600 * 1000;

const CODE = /^[A-Z0-9]{4,16}$/;

/** A code kept for this visitor: until when, and whether the visit reached the server. */
export interface KeptInvite {
  readonly code: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly recorded: boolean;
  /** The visitor closed the landing banner for this code. */
  readonly dismissed: boolean;
}

/** The invite code in a page URL, normalised to capitals; `null` when absent or malformed. */
export function readInviteParam(url: string): string | null {
  let value: string | null;
  try {
    value = new URL(url).searchParams.get(INVITE_PARAM);
  } catch {
    return null;
  }
  const code = value?.trim().toUpperCase() ?? '';
  return CODE.test(code) ? code : null;
}

/**
 * When a code kept now stops counting: the attribution window, cut short by
 * the programme's end. An unreadable end date counts as no end.
 */
export function inviteExpiry(programmeEndsAt: string | null, now: number): number {
  const window = now + INVITE_KEEP_MS;
  const ends = programmeEndsAt === null ? Number.NaN : Date.parse(programmeEndsAt);
  return Number.isFinite(ends) ? Math.min(window, ends) : window;
}

/**
 * The `document.cookie` assignment that keeps `value` under `name` until
 * `expiresAt`: host-only, whole site, `SameSite=Lax` (sent on the shop's own
 * navigations and form posts), `Secure` on https. No value, or an expiry in
 * the past, deletes it (`Max-Age=0`).
 */
function attributionCookie(
  name: string,
  value: string | null,
  expiresAt: number,
  now: number,
  secure: boolean,
): string {
  const maxAge = value ? Math.max(0, Math.floor((expiresAt - now) / 1000)) : 0;
  return `${name}=${value ?? ''}; Max-Age=${maxAge}; Path=/; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The cookie that keeps the invite `code` for the shop's checkout (see attributionCookie). */
export function inviteCookie(
  code: string | null,
  expiresAt: number,
  now: number,
  secure: boolean,
): string {
  return attributionCookie(INVITE_COOKIE, code, expiresAt, now, secure);
}

/**
 * The cookie beside it with the visitor id the visit was recorded under: the
 * store's backend reports it as the friend's `deviceId` with the conversion,
 * so the visit and the purchase count as one invitation. Kept exactly as
 * long as the code, and only while a code is kept.
 */
export function visitorCookie(
  visitor: string | null,
  expiresAt: number,
  now: number,
  secure: boolean,
): string {
  return attributionCookie(VISITOR_COOKIE, visitor, expiresAt, now, secure);
}

/** The kept code in a `Cookie` header or `document.cookie` string, or `null`. */
export function readInviteCookie(cookies: string): string | null {
  for (const part of cookies.split(';')) {
    const [name, value = ''] = part.split('=');
    if (name?.trim() === INVITE_COOKIE && CODE.test(value.trim())) return value.trim();
  }
  return null;
}

/** A kept invite read back from storage: `null` when missing, malformed or expired. */
export function parseKeptInvite(json: string | null, now: number): KeptInvite | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { code, expiresAt, recorded, dismissed } = value as Record<string, unknown>;
  if (typeof code !== 'string' || !CODE.test(code)) return null;
  if (typeof expiresAt !== 'number' || !(expiresAt > now)) return null;
  return { code, expiresAt, recorded: recorded === true, dismissed: dismissed === true };
}
