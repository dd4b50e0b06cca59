import * as v from 'valibot';
import { CountSchema, EntityIdSchema, TimestampSchema, UrlSchema } from './primitives.ts';

const CurrencySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code'),
);

/** What one side of a referral receives. Granted on conversion, never for the share itself. */
export const RewardSchema = v.variant('kind', [
  v.object({
    kind: v.literal('coupon'),
    description: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
    /** Present only once the reward has been issued to a specific customer. */
    code: v.optional(v.pipe(v.string(), v.maxLength(64))),
  }),
  v.object({ kind: v.literal('points'), points: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  v.object({
    kind: v.literal('amount'),
    /** In the currency's minor unit (fen, cents) to avoid floating-point money. */
    amountMinor: v.pipe(v.number(), v.integer(), v.minValue(1)),
    currency: CurrencySchema,
  }),
  v.object({
    kind: v.literal('percent'),
    percent: v.pipe(v.number(), v.minValue(1), v.maxValue(100)),
  }),
]);

export const RewardTierSchema = v.object({
  /** Successful referrals needed to reach this tier. */
  conversions: v.pipe(v.number(), v.integer(), v.minValue(1)),
  inviterReward: RewardSchema,
});

export const CONVERSION_EVENTS = ['sign-up', 'purchase'] as const;

export const ReferralProgrammeSchema = v.object({
  id: EntityIdSchema,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(120)),
  active: v.boolean(),
  conversion: v.picklist(CONVERSION_EVENTS),
  inviterReward: RewardSchema,
  inviteeReward: RewardSchema,
  tiers: v.array(RewardTierSchema),
  /** Most rewards one inviter can earn; `null` for no cap. */
  maxRewardsPerInviter: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  maxInvitesPerDay: v.pipe(v.number(), v.integer(), v.minValue(1)),
  expiresAt: v.nullable(TimestampSchema),
});

export const InviteCodeSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z0-9]{4,16}$/, 'Expected an invite code of 4–16 capital letters and digits'),
);

export const InviteSchema = v.object({
  code: InviteCodeSchema,
  url: UrlSchema,
  programmeId: EntityIdSchema,
  createdAt: TimestampSchema,
});

export const INVITATION_STATES = [
  'invited',
  'visited',
  'signed-up',
  'purchased',
  'rewarded',
] as const;
export const InvitationStateSchema = v.picklist(INVITATION_STATES);

export const InvitationSchema = v.object({
  id: EntityIdSchema,
  /** Masked before it leaves the server, e.g. `l***@qq.com`. */
  inviteeMasked: v.pipe(v.string(), v.maxLength(80)),
  state: InvitationStateSchema,
  updatedAt: TimestampSchema,
});

/**
 * The programme as its inviter sees it: whether it still runs, what they and
 * their friends get, and when it ends. No caps or limits: those are the
 * store's business.
 */
export const InviterProgrammeSchema = v.object({
  open: v.boolean(),
  inviterReward: RewardSchema,
  tiers: v.array(RewardTierSchema),
  inviteeReward: RewardSchema,
  expiresAt: v.nullable(TimestampSchema),
});

export const InviterStatusSchema = v.object({
  invite: InviteSchema,
  programme: InviterProgrammeSchema,
  invitations: v.array(InvitationSchema),
  conversions: CountSchema,
  rewardsEarned: v.array(RewardSchema),
  /** The next tier and how many more conversions reach it; `null` at the top tier. */
  nextTier: v.nullable(
    v.object({
      conversionsNeeded: v.pipe(v.number(), v.integer(), v.minValue(1)),
      reward: RewardSchema,
    }),
  ),
});

/** What an invitee's landing banner shows. */
export const InviteLandingSchema = v.object({
  code: InviteCodeSchema,
  inviterFirstName: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  inviteeReward: RewardSchema,
  expiresAt: v.nullable(TimestampSchema),
});

/** A campaign's leaderboard: inviters who opted in, names masked, by rewarded referrals. */
export const ReferralLeaderboardSchema = v.object({
  items: v.pipe(
    v.array(
      v.object({
        rank: v.pipe(v.number(), v.integer(), v.minValue(1)),
        name: v.pipe(v.string(), v.maxLength(80)),
        conversions: CountSchema,
      }),
    ),
    v.maxLength(10),
  ),
});

export type Reward = v.InferOutput<typeof RewardSchema>;
export type RewardTier = v.InferOutput<typeof RewardTierSchema>;
export type ReferralProgramme = v.InferOutput<typeof ReferralProgrammeSchema>;
export type Invite = v.InferOutput<typeof InviteSchema>;
export type InvitationState = v.InferOutput<typeof InvitationStateSchema>;
export type Invitation = v.InferOutput<typeof InvitationSchema>;
export type InviterProgramme = v.InferOutput<typeof InviterProgrammeSchema>;
export type InviterStatus = v.InferOutput<typeof InviterStatusSchema>;
export type InviteLanding = v.InferOutput<typeof InviteLandingSchema>;
export type ReferralLeaderboard = v.InferOutput<typeof ReferralLeaderboardSchema>;
