import type { InvitationState, ReferralProgramme, Reward } from '../model/referral.ts';

// The referral programme's rules as pure functions: the server applies them
// when it records visits and conversions, the widgets when they show
// progress, so both always agree.

const STATE_ORDER: readonly InvitationState[] = [
  'invited',
  'visited',
  'signed-up',
  'purchased',
  'rewarded',
];

/**
 * An invitation only moves forward (a repeated or late "visited" after a
 * purchase changes nothing), so events arriving out of order or twice are
 * harmless.
 */
export function advanceInvitation(
  current: InvitationState,
  next: InvitationState,
): InvitationState {
  return STATE_ORDER.indexOf(next) > STATE_ORDER.indexOf(current) ? next : current;
}

/** How far an invitation got, 1 (invited) to 5 (rewarded), for "step 3 of 5". */
export function invitationStep(state: InvitationState): { step: number; total: number } {
  return { step: STATE_ORDER.indexOf(state) + 1, total: STATE_ORDER.length };
}

/** Whether `event` completes a referral under this programme (sign-up, or purchase). */
export function isConversion(
  programme: Pick<ReferralProgramme, 'conversion'>,
  event: 'signed-up' | 'purchased',
): boolean {
  return programme.conversion === 'sign-up'
    ? event === 'signed-up' || event === 'purchased'
    : event === 'purchased';
}

export function isProgrammeOpen(
  programme: Pick<ReferralProgramme, 'active' | 'expiresAt'>,
  now: number,
): boolean {
  if (!programme.active) return false;
  return programme.expiresAt === null || Date.parse(programme.expiresAt) > now;
}

/**
 * What the inviter earns for their `conversion`-th successful referral
 * (1-based): the base reward while under the cap, plus the tier reward
 * when this conversion reaches a tier. Rewards follow conversions only,
 * never shares or invitations.
 */
export function inviterRewardsFor(
  programme: Pick<ReferralProgramme, 'inviterReward' | 'tiers' | 'maxRewardsPerInviter'>,
  conversion: number,
): Reward[] {
  if (!Number.isInteger(conversion) || conversion < 1) return [];
  const underCap =
    programme.maxRewardsPerInviter === null || conversion <= programme.maxRewardsPerInviter;
  const tier = programme.tiers.find((t) => t.conversions === conversion);
  return [...(underCap ? [programme.inviterReward] : []), ...(tier ? [tier.inviterReward] : [])];
}

/** The next tier above `conversions` and how many more conversions reach it. */
export function nextTier(
  programme: Pick<ReferralProgramme, 'tiers'>,
  conversions: number,
): { conversionsNeeded: number; reward: Reward } | null {
  const next = [...programme.tiers]
    .filter((tier) => tier.conversions > conversions)
    .sort((a, b) => a.conversions - b.conversions)[0];
  return next
    ? { conversionsNeeded: next.conversions - conversions, reward: next.inviterReward }
    : null;
}

/** Someone inviting themselves: same customer, same email (case-insensitive), or same device. */
export function isSelfReferral(
  inviter: {
    readonly customerId: string;
    readonly email?: string | null;
    readonly deviceId?: string | null;
  },
  invitee: {
    readonly customerId?: string | null;
    readonly email?: string | null;
    readonly deviceId?: string | null;
  },
): boolean {
  const same = (a?: string | null, b?: string | null) =>
    !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
  return (
    same(inviter.customerId, invitee.customerId) ||
    same(inviter.email, invitee.email) ||
    same(inviter.deviceId, invitee.deviceId)
  );
}

// No 0/O, 1/I/L: codes get read aloud and typed from posters.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A personal invite code (8 characters of an unambiguous alphabet) from random bytes. */
export function createInviteCode(
  randomBytes: (length: number) => Uint8Array = (n) =>
    globalThis.crypto.getRandomValues(new Uint8Array(n)),
): string {
  // Rejection sampling keeps every character equally likely.
  let code = '';
  while (code.length < 8) {
    for (const byte of randomBytes(16)) {
      if (byte < 248 && code.length < 8) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/**
 * An invitee as the inviter may see them: `l***@qq.com`, `138****5678`,
 * `王*`, `J***`. Enough to recognise a friend, not enough to contact a stranger.
 */
export function maskIdentity(value: string): string {
  const text = value.trim();
  const at = text.lastIndexOf('@');
  if (at > 0) return `${Array.from(text)[0]}***${text.slice(at)}`;
  const digits = text.replace(/[\s()+-]/g, '');
  if (/^\d{7,15}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const characters = Array.from(text);
  if (characters.length === 0) return '***';
  // CJK names are short: keep the family name only.
  return `${characters[0]}${/\p{Script=Han}/u.test(characters[0] as string) ? '*' : '***'}`;
}
