import type { KeptInvite, KoubeiClient } from '@koubei/core';
import {
  STORE_ID_PATTERN,
  detectStorage,
  inviteCookie,
  inviteExpiry,
  isHttpError,
  parseKeptInvite,
  readInviteCookie,
  readInviteParam,
  safeHttpUrl,
  visitorCookie,
} from '@koubei/core';
import type { LoaderConfig } from './runtime-types.ts';

// Keeps the invite code a friend arrived with, first-party only: in the
// shop's localStorage and in a `koubei_invite` cookie on the shop's own
// host, which its backend reads at checkout, beside `koubei_visitor`: the
// visitor id the visit was recorded under, to report as the friend's device.
// Nothing is written anywhere else, and each store is tried on its own: with
// storage or cookies blocked the code still lives for this page view.

const STORAGE_KEY = 'koubei:invite';

/** This page view's copy, for when storage and cookies are both blocked. */
let memory: KeptInvite | null = null;
/** Codes whose banner was closed on this page, when there is nowhere to remember it. */
const dismissedHere = new Set<string>();

const storage = () => detectStorage(() => window.localStorage);

function readKept(now: number): KeptInvite | null {
  if (memory && memory.expiresAt > now) return memory;
  try {
    memory = parseKeptInvite(storage()?.getItem(STORAGE_KEY) ?? null, now);
  } catch {
    memory = null;
  }
  return memory;
}

/**
 * Writes `kept` everywhere it can (or deletes it everywhere for `null`).
 * `visitor`, once known, goes into its own cookie with the same lifetime.
 */
function keep(kept: KeptInvite | null, now: number, visitor?: string): void {
  memory = kept;
  try {
    const store = storage();
    if (kept) store?.setItem(STORAGE_KEY, JSON.stringify(kept));
    else store?.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked or full: the cookie and this page's copy remain.
  }
  try {
    const secure = location.protocol === 'https:';
    const expiresAt = kept?.expiresAt ?? now;
    document.cookie = inviteCookie(kept?.code ?? null, expiresAt, now, secure);
    if (!kept || visitor)
      document.cookie = visitorCookie(kept ? (visitor ?? null) : null, expiresAt, now, secure);
  } catch {
    // Cookies blocked (sandboxed frame): storage and this page's copy remain.
  }
}

/** The kept invite code (storage, then the cookie), or `null`. Never throws. */
export function keptInviteCode(now = Date.now()): string | null {
  const kept = readKept(now);
  if (kept) return kept.code;
  try {
    return readInviteCookie(document.cookie);
  } catch {
    return null;
  }
}

/** Whether the visitor closed the landing banner for `code`. */
export function isInviteDismissed(code: string, now = Date.now()): boolean {
  const kept = readKept(now);
  return dismissedHere.has(code) || (kept?.code === code && kept.dismissed);
}

export function dismissInvite(code: string, now = Date.now()): void {
  dismissedHere.add(code);
  const kept = readKept(now);
  if (kept?.code === code) keep({ ...kept, dismissed: true }, now);
}

export interface CaptureOptions {
  readonly config: LoaderConfig;
  readonly pageUrl: string;
  readonly now?: () => number;
  /** The client and visitor id; the script tag's own by default. */
  readonly connect?: () => Promise<{ client: KoubeiClient; visitor: string }>;
}

/**
 * Runs on a page opened through an invite link: keeps the code at once,
 * then records the visit once per code (the server's answer sets how long
 * the code is kept, up to the programme's end). An unknown or ended code is
 * dropped and any earlier code stands; a server that cannot be reached
 * leaves the code kept, to be recorded on the next visit with the link.
 * The page hears `koubei:invite` with `{ code, recorded }` once the code
 * is kept. Resolves to the kept code (or `null`); never rejects.
 */
export async function captureInvite(options: CaptureOptions): Promise<string | null> {
  const now = options.now ?? Date.now;
  const code = readInviteParam(options.pageUrl);
  if (!code) return null;
  const previous = readKept(now());
  const same = previous?.code === code ? previous : null;
  const announce = (recorded: boolean) =>
    document.dispatchEvent(new CustomEvent('koubei:invite', { detail: { code, recorded } }));
  if (same?.recorded) {
    announce(true);
    return code;
  }
  keep(
    { code, expiresAt: inviteExpiry(null, now()), recorded: false, dismissed: !!same?.dismissed },
    now(),
  );
  const { config } = options;
  const apiBase = safeHttpUrl(config.api, { allowHttpLoopback: true })?.replace(/\/+$/, '');
  // A static export has no server to record visits; the code is still kept for checkout.
  if (!apiBase || !STORE_ID_PATTERN.test(config.store ?? '') || config.static !== undefined) {
    announce(false);
    return code;
  }
  const connect =
    options.connect ??
    (() =>
      import('./client-chunk.ts').then((m) => ({
        client: m.createClient({ apiBase, store: config.store as string, staticSite: false }),
        visitor: m.visitorId(),
      })));
  let visitor: string | undefined;
  try {
    const connected = await connect();
    visitor = connected.visitor;
    const landing = await connected.client.recordReferralVisit(code, visitor);
    keep(
      {
        code,
        expiresAt: inviteExpiry(landing.expiresAt, now()),
        recorded: true,
        dismissed: readKept(now())?.dismissed ?? false,
      },
      now(),
      visitor,
    );
    announce(true);
    return code;
  } catch (error) {
    if (isHttpError(error) && (error.status === 404 || error.status === 410)) {
      // Unknown code or ended programme: the earlier code (if any) stands.
      keep(previous && previous.code !== code ? previous : null, now());
      return previous && previous.code !== code ? previous.code : null;
    }
    const kept = readKept(now());
    if (kept && visitor) keep(kept, now(), visitor);
    announce(false);
    return code;
  }
}
