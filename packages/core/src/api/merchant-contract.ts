import * as v from 'valibot';
import { safeLinkUrl } from '../guards/safe-http-url.ts';
import { normalizeUserText } from '../guards/normalize-user-text.ts';
import { ASPECT_KEYS } from '../model/constants.ts';
import {
  CountSchema,
  EntityIdSchema,
  DeviceIdSchema,
  LanguageTagSchema,
  LIMITS,
  ProductIdSchema,
  RatingSchema,
  ShareSchema,
  StoreIdSchema,
  TimestampSchema,
  UrlSchema,
} from '../model/primitives.ts';
import {
  IncentiveSchema,
  MerchantReplySchema,
  ModerationStatusSchema,
  ReviewSchema,
} from '../model/review.ts';
import { TestimonialSchema } from '../model/testimonial.ts';
import {
  InvitationStateSchema,
  InviteCodeSchema,
  InviteSchema,
  InviterStatusSchema,
  ReferralProgrammeSchema,
  RewardSchema,
} from '../model/referral.ts';
import type { RouteDefinition } from './api-contract.ts';

// The merchant API: what a store's own backend calls with its API key
// (`Authorization: Bearer <key>`), and what the merchant console at /console
// calls with the same key (same origin, kept for the session only); never a
// storefront page. Same valibot schemas on the server, in the console and in
// the OpenAPI document.

/** A customer as the store knows them: its own id, opaque to Koubei. */
export const CustomerIdSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(128));
const EmailSchema = v.pipe(v.string(), v.trim(), v.email(), v.maxLength(254));

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

export const ModerationInputSchema = v.strictObject({
  action: v.picklist(MODERATION_ACTIONS),
  /** Required to hide or flag. */
  reason: v.optional(v.picklist(MODERATION_REASONS)),
});

/** The reply is cleaned (like a review) before the limits apply. */
export const ReplyInputSchema = v.strictObject({
  body: v.pipe(
    v.string(),
    v.transform((text) => normalizeUserText(text, { multiline: true })),
    v.minLength(1, 'The reply is empty'),
    v.maxLength(LIMITS.replyBody),
  ),
});

export const ErasureInputSchema = v.strictObject({
  email: v.pipe(v.string(), v.email(), v.maxLength(254)),
  /** The store's id for the same person, for a customer record that has no email. */
  customerId: v.optional(CustomerIdSchema),
});

/** A review as the merchant sees it: with the reviewer's address. */
export const MerchantReviewSchema = v.object({
  ...ReviewSchema.entries,
  email: v.nullable(v.pipe(v.string(), v.maxLength(254))),
});

export const MerchantReviewListSchema = v.object({
  items: v.array(MerchantReviewSchema),
});

export const MerchantReviewQuerySchema = v.object({
  status: v.optional(ModerationStatusSchema),
});

export const ModerationResultSchema = v.object({
  reviewId: EntityIdSchema,
  status: ModerationStatusSchema,
});

export const ReplyResultSchema = v.object({ reviewId: EntityIdSchema, reply: MerchantReplySchema });

export const IncentiveResultSchema = v.object({
  reviewId: EntityIdSchema,
  incentive: IncentiveSchema,
});

/** One review moved over from another platform (JSON object or CSV row). */
export const ImportedReviewSchema = v.object({
  product: ProductIdSchema,
  rating: v.pipe(
    v.union([v.number(), v.pipe(v.string(), v.regex(/^\d$/), v.transform(Number))]),
    RatingSchema,
  ),
  title: v.optional(v.pipe(v.string(), v.maxLength(150)), ''),
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(5000)),
  author: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  language: LanguageTagSchema,
  date: TimestampSchema,
  email: v.optional(v.pipe(v.string(), v.email(), v.maxLength(254))),
  verified: v.optional(
    v.union([
      v.boolean(),
      v.pipe(
        v.picklist(['true', 'false', 'yes', 'no', '1', '0', '']),
        v.transform((s) => ['true', 'yes', '1'].includes(s)),
      ),
    ]),
    false,
  ),
});

export const ImportResultSchema = v.object({ imported: CountSchema });

/** Everything the store has with us, as stored (rows of each table). */
export const StoreExportSchema = v.object({
  store: v.string(),
  exportedAt: TimestampSchema,
  reviews: v.array(v.record(v.string(), v.unknown())),
  photos: v.array(v.record(v.string(), v.unknown())),
  testimonials: v.array(v.record(v.string(), v.unknown())),
  auditLog: v.array(v.record(v.string(), v.unknown())),
});

export const ProgrammeInputSchema = v.strictObject({
  ...v.omit(ReferralProgrammeSchema, ['id']).entries,
});

export const InviteInputSchema = v.strictObject({
  customerId: CustomerIdSchema,
  email: v.optional(EmailSchema),
  deviceId: v.optional(DeviceIdSchema),
  /** Shown to friends on the landing banner ("Mei invited you"); first name only. */
  displayName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40))),
  /** Where the link lands (https; http only on loopback); defaults to the store’s first storefront origin. */
  landingUrl: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  leaderboardOptIn: v.optional(v.boolean()),
});

/** A signed customer token for the storefront widgets, and when it stops working. */
export const CustomerTokenSchema = v.object({
  customerToken: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  expiresAt: TimestampSchema,
});

export const IssuedInviteSchema = v.object({
  ...InviteSchema.entries,
  /** A customer token: hand it to the customer's browser for the status and friends widgets. */
  statusToken: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  statusTokenExpiresAt: TimestampSchema,
});

export const ConversionInputSchema = v.strictObject({
  code: InviteCodeSchema,
  event: v.picklist(['signed-up', 'purchased']),
  invitee: v.strictObject({
    customerId: CustomerIdSchema,
    email: v.optional(EmailSchema),
    deviceId: v.optional(DeviceIdSchema),
  }),
  /** For a purchase: what the friend bought, so "friends recommended" can count it. */
  products: v.optional(v.pipe(v.array(ProductIdSchema), v.maxLength(100))),
});

export const ConversionResultSchema = v.object({
  credited: v.boolean(),
  reason: v.nullable(
    v.picklist(['self-referral', 'already-referred', 'duplicate', 'not-yet', 'programme-closed']),
  ),
  state: v.optional(InvitationStateSchema),
  rewards: v.array(v.object({ side: v.picklist(['inviter', 'invitee']), reward: RewardSchema })),
});

export const CustomerProfileInputSchema = v.strictObject({
  /** Shown to the customer's friends only when `showIdentityToFriends` is true. */
  displayName: v.optional(
    v.nullable(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40))),
  ),
  avatarUrl: v.optional(
    v.nullable(
      v.pipe(
        UrlSchema,
        v.check((url) => safeLinkUrl(url) !== null, 'Expected an http(s) URL'),
      ),
    ),
  ),
  /** Links the customer to reviews written with this address. Never shown to anyone. */
  email: v.optional(v.nullable(EmailSchema)),
  /** The customer's consent to appear by name and face in their friends' badges. */
  showIdentityToFriends: v.boolean(),
});

export const CustomerProfileSchema = v.object({
  customerId: CustomerIdSchema,
  displayName: v.nullable(v.string()),
  avatarUrl: v.nullable(v.string()),
  hasEmail: v.boolean(),
  showIdentityToFriends: v.boolean(),
});

export const CustomerConnectionsInputSchema = v.strictObject({
  /** Everyone this customer knows (address book, follows); replaces the earlier list. */
  customers: v.pipe(v.array(CustomerIdSchema), v.maxLength(1000)),
});

export const CustomerConnectionsSchema = v.object({
  customerId: CustomerIdSchema,
  connections: CountSchema,
});

export const PurchaseReportSchema = v.strictObject({
  customerId: CustomerIdSchema,
  products: v.pipe(v.array(ProductIdSchema), v.minLength(1), v.maxLength(100)),
  /** When the order was placed; defaults to now. */
  purchasedAt: v.optional(TimestampSchema),
});

export const PurchaseReportResultSchema = v.object({ recorded: CountSchema });

// The console: inbox, bulk moderation, audit log, dashboard, topics,
// testimonial wall and store settings.

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
  status: v.optional(ModerationStatusSchema),
  photos: v.optional(BooleanParam),
  unanswered: v.optional(BooleanParam),
  cursor: v.optional(CursorSchema),
  limit: v.optional(LimitParam),
});

/** An inbox entry: the merchant's view of a review, and when it was first answered. */
export const InboxItemSchema = v.object({
  ...MerchantReviewSchema.entries,
  firstReplyAt: v.nullable(TimestampSchema),
});

export const InboxPageSchema = v.object({
  items: v.pipe(v.array(InboxItemSchema), v.maxLength(100)),
  nextCursor: v.nullable(CursorSchema),
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

/**
 * The merchant API contract. Paths are not store-scoped: the API key says
 * which store. Every route needs the `merchantApiKey` bearer scheme. Changes
 * to reviews, testimonials, settings and the referral programme's rules are
 * written to the audit log.
 */
export const MERCHANT_ROUTES = {
  merchantReviews: {
    method: 'GET',
    path: '/v1/merchant/reviews',
    summary: 'The newest 100 reviews in any status, with reviewers’ email addresses',
    query: MerchantReviewQuerySchema,
    response: MerchantReviewListSchema,
    successStatus: 200,
    cacheable: false,
  },
  moderateReview: {
    method: 'POST',
    path: '/v1/merchant/reviews/{review}/moderation',
    summary: 'Approve, hide or flag a review (hiding and flagging need a reason from the list)',
    body: ModerationInputSchema,
    response: ModerationResultSchema,
    successStatus: 200,
    cacheable: false,
  },
  replyToReview: {
    method: 'PUT',
    path: '/v1/merchant/reviews/{review}/reply',
    summary: 'Add or edit the store’s public reply to a review',
    body: ReplyInputSchema,
    response: ReplyResultSchema,
    successStatus: 200,
    cacheable: false,
  },
  removeReply: {
    method: 'DELETE',
    path: '/v1/merchant/reviews/{review}/reply',
    summary: 'Remove the store’s reply to a review',
    response: null,
    successStatus: 204,
    cacheable: false,
  },
  markIncentive: {
    method: 'PUT',
    path: '/v1/merchant/reviews/{review}/incentive',
    summary: 'Disclose that the reviewer received something for the review',
    body: IncentiveSchema,
    response: IncentiveResultSchema,
    successStatus: 200,
    cacheable: false,
  },
  importReviews: {
    method: 'POST',
    path: '/v1/merchant/import',
    summary: 'Import reviews from another platform (CSV with a header row, or a JSON array)',
    description:
      'All or nothing: when any row is bad, nothing is imported and the 422 problem names row and field. At most 10 000 rows.',
    body: 'review-import',
    response: ImportResultSchema,
    successStatus: 201,
    cacheable: false,
  },
  exportStore: {
    method: 'GET',
    path: '/v1/merchant/export',
    summary: 'Everything the store has here: reviews, photos, testimonials, audit log',
    response: StoreExportSchema,
    successStatus: 200,
    cacheable: false,
  },
  eraseReviewer: {
    method: 'POST',
    path: '/v1/merchant/erasure',
    summary:
      'Erase one person (GDPR, PIPL): reviews, photos, votes, customer record, connections, purchases; referral history kept without them',
    description:
      'By email, and the store’s customer id when given. Their referral invitations stay (they are the inviter’s and friends’ history) with email, device and customer id removed; their own invite loses email, name and leaderboard place. The same answer whether or not anything was found.',
    body: ErasureInputSchema,
    response: v.object({ accepted: v.literal(true) }),
    successStatus: 202,
    cacheable: false,
  },
  getReferralProgramme: {
    method: 'GET',
    path: '/v1/merchant/referral-programme',
    summary: 'The store’s referral programme (404 before it is set up)',
    response: ReferralProgrammeSchema,
    successStatus: 200,
    cacheable: false,
  },
  putReferralProgramme: {
    method: 'PUT',
    path: '/v1/merchant/referral-programme',
    summary: 'Create or change the referral programme: rewards, tiers, caps, expiry, what converts',
    body: ProgrammeInputSchema,
    response: ReferralProgrammeSchema,
    successStatus: 200,
    cacheable: false,
  },
  createInvite: {
    method: 'POST',
    path: '/v1/merchant/referral-invites',
    summary: 'A customer’s invite code and link (the same one again on repeat: 200 instead of 201)',
    body: InviteInputSchema,
    response: IssuedInviteSchema,
    successStatus: 201,
    cacheable: false,
  },
  getInvite: {
    method: 'GET',
    path: '/v1/merchant/referral-invites/{code}',
    summary: 'An inviter’s invitations (masked), rewards and next tier',
    response: InviterStatusSchema,
    successStatus: 200,
    cacheable: false,
  },
  reportConversion: {
    method: 'POST',
    path: '/v1/merchant/referral-conversions',
    summary: 'Report a friend’s sign-up or purchase; rewards are issued once',
    description:
      'Repeats are harmless (reason "duplicate"). Self-referral and friends already credited to another inviter earn nothing.',
    body: ConversionInputSchema,
    response: ConversionResultSchema,
    successStatus: 200,
    cacheable: false,
  },
  putCustomer: {
    method: 'PUT',
    path: '/v1/merchant/customers/{customer}',
    summary: 'A customer’s name, avatar, email and consent to be shown to friends',
    body: CustomerProfileInputSchema,
    response: CustomerProfileSchema,
    successStatus: 200,
    cacheable: false,
  },
  putCustomerConnections: {
    method: 'PUT',
    path: '/v1/merchant/customers/{customer}/connections',
    summary: 'Replace the people a customer is connected to (used for "friends recommended")',
    body: CustomerConnectionsInputSchema,
    response: CustomerConnectionsSchema,
    successStatus: 200,
    cacheable: false,
  },
  issueCustomerToken: {
    method: 'POST',
    path: '/v1/merchant/customers/{customer}/token',
    summary: 'A signed, expiring customer token for the storefront widgets',
    description:
      'Put it on the widgets of a signed-in customer (data-customer-token); it expires after the configured lifetime (30 days by default).',
    response: CustomerTokenSchema,
    successStatus: 201,
    cacheable: false,
  },
  reportPurchases: {
    method: 'POST',
    path: '/v1/merchant/purchases',
    summary: 'Report what a customer bought (a repeat of the same product is recorded once)',
    body: PurchaseReportSchema,
    response: PurchaseReportResultSchema,
    successStatus: 200,
    cacheable: false,
  },
  inbox: {
    method: 'GET',
    path: '/v1/merchant/inbox',
    summary: 'Reviews newest first, filtered by rating, product, status, photos or no reply',
    query: InboxQuerySchema,
    response: InboxPageSchema,
    successStatus: 200,
    cacheable: false,
  },
  bulk: {
    method: 'POST',
    path: '/v1/merchant/reviews/bulk',
    summary: 'One moderation action, or reply removal, on up to 100 reviews at once',
    body: BulkActionSchema,
    response: BulkResultSchema,
    successStatus: 200,
    cacheable: false,
  },
  audit: {
    method: 'GET',
    path: '/v1/merchant/audit',
    summary: 'The audit log, newest first, optionally for one review',
    query: AuditQuerySchema,
    response: AuditPageSchema,
    successStatus: 200,
    cacheable: false,
  },
  stats: {
    method: 'GET',
    path: '/v1/merchant/stats',
    summary: 'Dashboard figures: ratings, replies, photos, products, referrals and widgets',
    query: StatsQuerySchema,
    response: DashboardStatsSchema,
    successStatus: 200,
    cacheable: false,
  },
  topics: {
    method: 'GET',
    path: '/v1/merchant/topics',
    summary: 'What published reviews talk about, per aspect, with examples',
    query: TopicsQuerySchema,
    response: TopicsResponseSchema,
    successStatus: 200,
    cacheable: false,
  },
  merchantTestimonials: {
    method: 'GET',
    path: '/v1/merchant/testimonials',
    summary: 'All testimonials in the wall’s order',
    response: MerchantTestimonialListSchema,
    successStatus: 200,
    cacheable: false,
  },
  addTestimonial: {
    method: 'POST',
    path: '/v1/merchant/testimonials',
    summary: 'Promote a review to the testimonial wall, or add a quote',
    body: NewTestimonialSchema,
    response: MerchantTestimonialSchema,
    successStatus: 201,
    cacheable: false,
  },
  changeTestimonial: {
    method: 'PATCH',
    path: '/v1/merchant/testimonials/{testimonial}',
    summary: 'Feature or unfeature a testimonial',
    body: TestimonialChangeSchema,
    response: MerchantTestimonialSchema,
    successStatus: 200,
    cacheable: false,
  },
  removeTestimonial: {
    method: 'DELETE',
    path: '/v1/merchant/testimonials/{testimonial}',
    summary: 'Take a testimonial off the wall',
    response: null,
    successStatus: 204,
    cacheable: false,
  },
  orderTestimonials: {
    method: 'PUT',
    path: '/v1/merchant/testimonials/order',
    summary: 'Set the order of the wall',
    body: TestimonialOrderSchema,
    response: MerchantTestimonialListSchema,
    successStatus: 200,
    cacheable: false,
  },
  settings: {
    method: 'GET',
    path: '/v1/merchant/settings',
    summary: 'Store settings: storefront origins, moderation mode, theme tokens',
    response: StoreSettingsSchema,
    successStatus: 200,
    cacheable: false,
  },
  changeSettings: {
    method: 'PATCH',
    path: '/v1/merchant/settings',
    summary: 'Change store settings',
    body: StoreSettingsChangeSchema,
    response: StoreSettingsSchema,
    successStatus: 200,
    cacheable: false,
  },
} as const satisfies Record<string, RouteDefinition>;

export type ImportedReview = v.InferOutput<typeof ImportedReviewSchema>;
export type ModerationReason = (typeof MODERATION_REASONS)[number];
export type ConversionResult = v.InferOutput<typeof ConversionResultSchema>;
export type CustomerProfileInput = v.InferOutput<typeof CustomerProfileInputSchema>;
export type CustomerProfile = v.InferOutput<typeof CustomerProfileSchema>;
export type CustomerToken = v.InferOutput<typeof CustomerTokenSchema>;
export type IssuedInvite = v.InferOutput<typeof IssuedInviteSchema>;
export type PurchaseReport = v.InferOutput<typeof PurchaseReportSchema>;
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
export type ReferralProgrammeInput = v.InferOutput<typeof ProgrammeInputSchema>;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
