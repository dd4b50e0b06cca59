import * as v from 'valibot';
import { ASPECT_KEYS } from '../model/constants.ts';
import {
  CountSchema,
  EntityIdSchema,
  LIMITS,
  LanguageTagSchema,
  ProductIdSchema,
  RatingSchema,
  ShareSchema,
  StoreIdSchema,
  TimestampSchema,
} from '../model/primitives.ts';
import { IncentiveSchema, MODERATION_STATUSES, ReviewSchema } from '../model/review.ts';
import { TestimonialSchema } from '../model/testimonial.ts';
import { ReferralProgrammeSchema } from '../model/referral.ts';

/** Reasons a merchant may hide or flag a review: a fixed list, never "it was negative". */
export const MODERATION_REASONS = [
  'off-topic',
  'unlawful',
  'obscene',
  'personal-data',
  'spam',
  'not-a-customer',
] as const;
export const MODERATION_ACTIONS = ['approve', 'hide', 'flag'] as const;
export const BULK_ACTIONS = [...MODERATION_ACTIONS, 'remove-reply'] as const;
export const MODERATION_MODES = ['publish-first', 'moderate-first'] as const;

const CursorSchema = v.pipe(v.string(), v.maxLength(512));
const BooleanParam = v.picklist(['true', 'false']);
const LimitParam = v.pipe(
  v.string(),
  v.regex(/^\d{1,3}$/),
  v.transform(Number),
  v.minValue(1),
  v.maxValue(100),
);

/** Inbox filters, as query parameters. */
export const InboxQuerySchema = v.strictObject({
  /** Comma-separated star ratings, e.g. `1,2`. */
  rating: v.optional(v.pipe(v.string(), v.regex(/^[1-5](,[1-5]){0,4}$/))),
  product: v.optional(ProductIdSchema),
  status: v.optional(v.picklist(MODERATION_STATUSES)),
  photos: v.optional(BooleanParam),
  unanswered: v.optional(BooleanParam),
  cursor: v.optional(CursorSchema),
  limit: v.optional(LimitParam),
});

/** A review as the merchant sees it: with the reviewer's address and when it was first answered. */
export const InboxItemSchema = v.object({
  ...ReviewSchema.entries,
  email: v.nullable(v.pipe(v.string(), v.maxLength(254))),
  firstReplyAt: v.nullable(TimestampSchema),
});

export const InboxPageSchema = v.object({
  items: v.pipe(v.array(InboxItemSchema), v.maxLength(100)),
  nextCursor: v.nullable(CursorSchema),
});

export const ModerationRequestSchema = v.strictObject({
  action: v.picklist(MODERATION_ACTIONS),
  /** Required to hide or flag. */
  reason: v.optional(v.picklist(MODERATION_REASONS)),
});

export const ModerationResultSchema = v.object({
  reviewId: EntityIdSchema,
  status: v.picklist(MODERATION_STATUSES),
});

export const ReplyRequestSchema = v.strictObject({
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.replyBody)),
});

export const ReplyResultSchema = v.object({
  reviewId: EntityIdSchema,
  reply: v.object({
    body: v.string(),
    createdAt: TimestampSchema,
    updatedAt: v.optional(TimestampSchema),
  }),
});

export const IncentiveResultSchema = v.object({
  reviewId: EntityIdSchema,
  incentive: IncentiveSchema,
});

export const BulkActionSchema = v.strictObject({
  reviewIds: v.pipe(v.array(EntityIdSchema), v.minLength(1), v.maxLength(100)),
  action: v.picklist(BULK_ACTIONS),
  reason: v.optional(v.picklist(MODERATION_REASONS)),
});

export const BulkResultSchema = v.object({
  /** Reviews changed; ids of other stores or unknown ids are listed in `missing`. */
  done: v.array(EntityIdSchema),
  missing: v.array(EntityIdSchema),
});

export const AuditQuerySchema = v.strictObject({
  review: v.optional(EntityIdSchema),
  cursor: v.optional(CursorSchema),
  limit: v.optional(LimitParam),
});

export const AuditEntrySchema = v.object({
  id: v.string(),
  at: TimestampSchema,
  actor: v.string(),
  action: v.string(),
  reviewId: v.nullable(v.string()),
  reason: v.nullable(v.string()),
  /** What the entry is about when it is not a review: a testimonial id, `settings`. */
  target: v.nullable(v.string()),
});

export const AuditPageSchema = v.object({
  items: v.array(AuditEntrySchema),
  nextCursor: v.nullable(CursorSchema),
});

export const StatsQuerySchema = v.strictObject({
  /** How many ISO weeks the rating trend covers, ending with the current one (default 12). */
  weeks: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,2}$/), v.transform(Number), v.minValue(1), v.maxValue(52)),
  ),
});

const ProductStatSchema = v.object({
  product: ProductIdSchema,
  name: v.string(),
  count: CountSchema,
  mean: v.number(),
});

/**
 * The dashboard. Review figures count published reviews (what shoppers
 * see); a reply counts while it stands, the first reply's time stays even if
 * it is later removed. The referral funnel counts each invitation at the
 * furthest step it reached, so later steps are never larger than earlier ones.
 */
export const DashboardStatsSchema = v.object({
  generatedAt: TimestampSchema,
  reviews: CountSchema,
  mean: v.nullable(v.number()),
  /** Reviews per star, 1 to 5. */
  histogram: v.pipe(v.array(CountSchema), v.length(5)),
  /** One entry per ISO week (Monday, UTC), oldest first; weeks without reviews have count 0 and mean null. */
  trend: v.array(
    v.object({
      week: v.pipe(v.string(), v.regex(/^\d{4}-W\d{2}$/)),
      start: TimestampSchema,
      count: CountSchema,
      mean: v.nullable(v.number()),
    }),
  ),
  replies: v.object({
    answered: CountSchema,
    rate: v.nullable(ShareSchema),
    /** Median time from a review to its first reply, in milliseconds. */
    medianFirstReplyMs: v.nullable(v.number()),
    negative: CountSchema,
    negativeAnswered: CountSchema,
    negativeAnsweredShare: v.nullable(ShareSchema),
  }),
  photos: v.object({ withPhotos: CountSchema, share: v.nullable(ShareSchema) }),
  pending: CountSchema,
  topProducts: v.object({
    byRating: v.array(ProductStatSchema),
    byVolume: v.array(ProductStatSchema),
  }),
  referrals: v.object({
    invites: CountSchema,
    visits: CountSchema,
    signUps: CountSchema,
    purchases: CountSchema,
    rewards: CountSchema,
    topInviters: v.array(
      v.object({
        code: v.string(),
        name: v.string(),
        converted: CountSchema,
        rewarded: CountSchema,
      }),
    ),
  }),
  widgets: v.object({
    impressions: CountSchema,
    interactions: CountSchema,
    submissions: CountSchema,
  }),
});

export const TopicsQuerySchema = v.strictObject({ product: v.optional(ProductIdSchema) });

export const TopicsResponseSchema = v.object({
  reviewsRead: CountSchema,
  topics: v.array(
    v.object({
      aspect: v.picklist(ASPECT_KEYS),
      positive: CountSchema,
      negative: CountSchema,
      examples: v.array(
        v.object({
          reviewId: EntityIdSchema,
          polarity: v.picklist(['positive', 'negative']),
          snippet: v.string(),
        }),
      ),
    }),
  ),
});

export const MerchantTestimonialSchema = v.object({
  ...TestimonialSchema.entries,
  position: v.number(),
});

export const MerchantTestimonialListSchema = v.object({
  items: v.array(MerchantTestimonialSchema),
});

/** Promote a published review (its words, or a quote cut from them), or add a quote from elsewhere. */
export const NewTestimonialSchema = v.union([
  v.strictObject({
    reviewId: EntityIdSchema,
    quote: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.testimonialQuote))),
    featured: v.optional(v.boolean()),
  }),
  v.strictObject({
    quote: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.testimonialQuote)),
    authorName: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.authorName)),
    authorRole: v.optional(v.pipe(v.string(), v.maxLength(80))),
    authorCompany: v.optional(v.pipe(v.string(), v.maxLength(80))),
    rating: v.optional(RatingSchema),
    language: LanguageTagSchema,
    source: v.picklist(['survey', 'social']),
    sourceUrl: v.optional(v.pipe(v.string(), v.url(), v.maxLength(LIMITS.url))),
    featured: v.optional(v.boolean()),
  }),
]);

export const TestimonialChangeSchema = v.strictObject({ featured: v.boolean() });

export const TestimonialOrderSchema = v.strictObject({
  /** Every testimonial id of the store, in the wall's order. */
  ids: v.pipe(v.array(EntityIdSchema), v.maxLength(1000)),
});

/** CSS custom property names without the `--koubei-` prefix, and plain values (the widgets check them again). */
export const ThemeTokensSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,48}$/)),
    v.pipe(
      v.string(),
      v.regex(
        /^(?!.*(?:url|expression|image-set|@import)\s*\()[\w\s#%(),.'"/+-]{1,120}$/i,
        'A theme value is one plain CSS value',
      ),
    ),
  ),
  v.check((tokens) => Object.keys(tokens).length <= 40, 'At most 40 theme tokens'),
);

const OriginSchema = v.pipe(
  v.string(),
  v.regex(
    /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/,
    'An origin is scheme, host and optional port, e.g. https://shop.example',
  ),
);

export const StoreSettingsSchema = v.object({
  store: StoreIdSchema,
  name: v.string(),
  origins: v.array(OriginSchema),
  moderation: v.picklist(MODERATION_MODES),
  theme: ThemeTokensSchema,
});

export const StoreSettingsChangeSchema = v.strictObject({
  origins: v.optional(v.pipe(v.array(OriginSchema), v.maxLength(20))),
  moderation: v.optional(v.picklist(MODERATION_MODES)),
  theme: v.optional(ThemeTokensSchema),
});

/** The referral programme's rules as the merchant sets them (the server assigns the id). */
export const ReferralProgrammeInputSchema = v.strictObject({
  ...v.omit(ReferralProgrammeSchema, ['id']).entries,
});

export interface MerchantRouteDefinition {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly query?: v.GenericSchema;
  readonly body?: v.GenericSchema;
  /** `null` for 204 without a body. */
  readonly response: v.GenericSchema | null;
  readonly successStatus: 200 | 201 | 204;
}

/**
 * The merchant API the console uses: every route needs the store's API key
 * as a bearer token and works on that store only. Every change is written
 * to the audit log.
 */
export const MERCHANT_ROUTES = {
  inbox: {
    method: 'GET',
    path: '/v1/merchant/inbox',
    summary: 'Reviews newest first, filtered by rating, product, status, photos or no reply',
    query: InboxQuerySchema,
    response: InboxPageSchema,
    successStatus: 200,
  },
  moderate: {
    method: 'POST',
    path: '/v1/merchant/reviews/{review}/moderation',
    summary: 'Approve, hide or flag a review (hide and flag need a reason)',
    body: ModerationRequestSchema,
    response: ModerationResultSchema,
    successStatus: 200,
  },
  reply: {
    method: 'PUT',
    path: '/v1/merchant/reviews/{review}/reply',
    summary: 'Write or edit the public reply to a review',
    body: ReplyRequestSchema,
    response: ReplyResultSchema,
    successStatus: 200,
  },
  removeReply: {
    method: 'DELETE',
    path: '/v1/merchant/reviews/{review}/reply',
    summary: 'Remove the public reply',
    response: null,
    successStatus: 204,
  },
  markIncentive: {
    method: 'PUT',
    path: '/v1/merchant/reviews/{review}/incentive',
    summary: 'Mark a review as incentivised (shown with a disclosure)',
    body: IncentiveSchema,
    response: IncentiveResultSchema,
    successStatus: 200,
  },
  bulk: {
    method: 'POST',
    path: '/v1/merchant/reviews/bulk',
    summary: 'One moderation action, or reply removal, on up to 100 reviews at once',
    body: BulkActionSchema,
    response: BulkResultSchema,
    successStatus: 200,
  },
  audit: {
    method: 'GET',
    path: '/v1/merchant/audit',
    summary: 'The audit log, newest first, optionally for one review',
    query: AuditQuerySchema,
    response: AuditPageSchema,
    successStatus: 200,
  },
  stats: {
    method: 'GET',
    path: '/v1/merchant/stats',
    summary: 'Dashboard figures: ratings, replies, photos, products, referrals and widgets',
    query: StatsQuerySchema,
    response: DashboardStatsSchema,
    successStatus: 200,
  },
  topics: {
    method: 'GET',
    path: '/v1/merchant/topics',
    summary: 'What published reviews talk about, per aspect, with examples',
    query: TopicsQuerySchema,
    response: TopicsResponseSchema,
    successStatus: 200,
  },
  testimonials: {
    method: 'GET',
    path: '/v1/merchant/testimonials',
    summary: 'All testimonials in the wall’s order',
    response: MerchantTestimonialListSchema,
    successStatus: 200,
  },
  addTestimonial: {
    method: 'POST',
    path: '/v1/merchant/testimonials',
    summary: 'Promote a review to the testimonial wall, or add a quote',
    body: NewTestimonialSchema,
    response: MerchantTestimonialSchema,
    successStatus: 201,
  },
  changeTestimonial: {
    method: 'PATCH',
    path: '/v1/merchant/testimonials/{testimonial}',
    summary: 'Feature or unfeature a testimonial',
    body: TestimonialChangeSchema,
    response: MerchantTestimonialSchema,
    successStatus: 200,
  },
  removeTestimonial: {
    method: 'DELETE',
    path: '/v1/merchant/testimonials/{testimonial}',
    summary: 'Take a testimonial off the wall',
    response: null,
    successStatus: 204,
  },
  orderTestimonials: {
    method: 'PUT',
    path: '/v1/merchant/testimonials/order',
    summary: 'Set the order of the wall',
    body: TestimonialOrderSchema,
    response: MerchantTestimonialListSchema,
    successStatus: 200,
  },
  settings: {
    method: 'GET',
    path: '/v1/merchant/settings',
    summary: 'Store settings: storefront origins, moderation mode, theme tokens',
    response: StoreSettingsSchema,
    successStatus: 200,
  },
  changeSettings: {
    method: 'PATCH',
    path: '/v1/merchant/settings',
    summary: 'Change store settings',
    body: StoreSettingsChangeSchema,
    response: StoreSettingsSchema,
    successStatus: 200,
  },
  referralProgramme: {
    method: 'GET',
    path: '/v1/merchant/referral-programme',
    summary: 'The referral programme’s rules (404 until one is set)',
    response: ReferralProgrammeSchema,
    successStatus: 200,
  },
  setReferralProgramme: {
    method: 'PUT',
    path: '/v1/merchant/referral-programme',
    summary: 'Set the referral programme’s rules: rewards, tiers, caps, expiry, what converts',
    body: ReferralProgrammeInputSchema,
    response: ReferralProgrammeSchema,
    successStatus: 200,
  },
} as const satisfies Record<string, MerchantRouteDefinition>;

export type InboxQuery = v.InferInput<typeof InboxQuerySchema>;
export type InboxItem = v.InferOutput<typeof InboxItemSchema>;
export type InboxPage = v.InferOutput<typeof InboxPageSchema>;
export type BulkAction = v.InferOutput<typeof BulkActionSchema>;
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;
export type AuditPage = v.InferOutput<typeof AuditPageSchema>;
export type DashboardStats = v.InferOutput<typeof DashboardStatsSchema>;
export type TopicsResponse = v.InferOutput<typeof TopicsResponseSchema>;
export type MerchantTestimonial = v.InferOutput<typeof MerchantTestimonialSchema>;
export type NewTestimonial = v.InferOutput<typeof NewTestimonialSchema>;
export type StoreSettings = v.InferOutput<typeof StoreSettingsSchema>;
export type StoreSettingsChange = v.InferOutput<typeof StoreSettingsChangeSchema>;
export type ReferralProgrammeInput = v.InferOutput<typeof ReferralProgrammeInputSchema>;
export type ModerationReason = (typeof MODERATION_REASONS)[number];
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
