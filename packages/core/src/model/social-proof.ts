import * as v from 'valibot';
import { CountSchema, ProductIdSchema, UrlSchema } from './primitives.ts';

/** A friend who consented to be named; everyone else only counts. */
export const NamedFriendSchema = v.object({
  displayName: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  avatarUrl: v.optional(UrlSchema),
});

export const RECENT_ACTIVITY_KINDS = ['purchased', 'reviewed', 'recommended'] as const;

export const RecentActivitySchema = v.object({
  kind: v.picklist(RECENT_ACTIVITY_KINDS),
  count: CountSchema,
  windowDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)),
});

export const SocialProofSchema = v.object({
  product: ProductIdSchema,
  /** Below this count nothing is shown: small numbers reveal individuals and persuade nobody. */
  minimumCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  friends: v.object({
    count: CountSchema,
    named: v.pipe(v.array(NamedFriendSchema), v.maxLength(5)),
  }),
  recent: v.array(RecentActivitySchema),
});

export type NamedFriend = v.InferOutput<typeof NamedFriendSchema>;
export type RecentActivity = v.InferOutput<typeof RecentActivitySchema>;
export type SocialProof = v.InferOutput<typeof SocialProofSchema>;
