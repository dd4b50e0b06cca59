import * as v from 'valibot';
import {
  AspectKeySchema,
  CountSchema,
  EntityIdSchema,
  LIMITS,
  LanguageTagSchema,
  ProductIdSchema,
  RatingSchema,
  TimestampSchema,
  UrlSchema,
} from './primitives.ts';

const Dimension = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000));

/** A customer photo (UGC media) attached to a review. */
export const PhotoSchema = v.object({
  kind: v.literal('photo'),
  id: EntityIdSchema,
  reviewId: EntityIdSchema,
  url: UrlSchema,
  thumbnailUrl: v.optional(UrlSchema),
  width: Dimension,
  height: Dimension,
  alt: v.pipe(v.string(), v.maxLength(LIMITS.altText)),
  caption: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.caption))),
});

/** A link to a video hosted elsewhere; shown as a link, never embedded as a frame. */
export const VideoLinkSchema = v.object({
  kind: v.literal('video'),
  id: EntityIdSchema,
  reviewId: EntityIdSchema,
  url: UrlSchema,
  thumbnailUrl: v.optional(UrlSchema),
  alt: v.pipe(v.string(), v.maxLength(LIMITS.altText)),
  caption: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.caption))),
});

export const MediaSchema = v.variant('kind', [PhotoSchema, VideoLinkSchema]);

export const AspectRatingSchema = v.object({ aspect: AspectKeySchema, rating: RatingSchema });

export const MerchantReplySchema = v.object({
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.replyBody)),
  createdAt: TimestampSchema,
  updatedAt: v.optional(TimestampSchema),
});

export const MODERATION_STATUSES = ['pending', 'published', 'hidden', 'flagged'] as const;
export const ModerationStatusSchema = v.picklist(MODERATION_STATUSES);

/** How an incentive was given. Disclosed next to the review (FTC, EU Omnibus). */
export const IncentiveSchema = v.object({
  kind: v.picklist(['discount', 'free-product', 'points', 'other']),
  disclosure: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

export const ReviewSchema = v.object({
  id: EntityIdSchema,
  product: ProductIdSchema,
  rating: RatingSchema,
  title: v.pipe(v.string(), v.maxLength(LIMITS.reviewTitle)),
  body: v.pipe(v.string(), v.maxLength(LIMITS.reviewBody)),
  language: LanguageTagSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  authorName: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.authorName)),
  verifiedPurchase: v.boolean(),
  /** `null` when the reviewer received nothing for the review. */
  incentive: v.nullable(IncentiveSchema),
  /** Whether the reviewer would recommend the product; `null` when not asked or not answered. */
  recommends: v.nullable(v.boolean()),
  helpfulCount: CountSchema,
  unhelpfulCount: CountSchema,
  media: v.pipe(v.array(MediaSchema), v.maxLength(LIMITS.mediaPerReview)),
  aspects: v.pipe(v.array(AspectRatingSchema), v.maxLength(6)),
  reply: v.nullable(MerchantReplySchema),
  status: ModerationStatusSchema,
});

export type Photo = v.InferOutput<typeof PhotoSchema>;
export type VideoLink = v.InferOutput<typeof VideoLinkSchema>;
export type Media = v.InferOutput<typeof MediaSchema>;
export type AspectRating = v.InferOutput<typeof AspectRatingSchema>;
export type MerchantReply = v.InferOutput<typeof MerchantReplySchema>;
export type ModerationStatus = v.InferOutput<typeof ModerationStatusSchema>;
export type Incentive = v.InferOutput<typeof IncentiveSchema>;
export type Review = v.InferOutput<typeof ReviewSchema>;
