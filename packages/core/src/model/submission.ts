import * as v from 'valibot';
import {
  AspectKeySchema,
  EntityIdSchema,
  LIMITS,
  LanguageTagSchema,
  RatingSchema,
} from './primitives.ts';

/**
 * What the review form sends. A strict object: fields the server derives
 * (status, verified flag, counts, dates) are rejected, not silently taken.
 */
export const ReviewSubmissionSchema = v.strictObject({
  rating: RatingSchema,
  title: v.optional(
    v.pipe(v.string(), v.maxLength(LIMITS.reviewTitle, 'A title has at most 150 characters')),
    '',
  ),
  body: v.pipe(
    v.string('Expected the review text'),
    v.minLength(1, 'Please write a few words about the product'),
    v.maxLength(LIMITS.reviewBody, 'A review has at most 5000 characters'),
  ),
  authorName: v.pipe(
    v.string('Expected a display name'),
    v.minLength(1, 'Please give a name to show with your review'),
    v.maxLength(LIMITS.authorName, 'A display name has at most 80 characters'),
  ),
  /** Never shown; used to confirm the review and to find it for erasure. */
  email: v.optional(v.pipe(v.string(), v.maxLength(254), v.email('Expected an email address'))),
  language: LanguageTagSchema,
  recommends: v.optional(v.nullable(v.boolean()), null),
  aspects: v.optional(
    v.pipe(
      v.array(v.strictObject({ aspect: AspectKeySchema, rating: RatingSchema })),
      v.maxLength(6),
      v.check(
        (aspects) => new Set(aspects.map((a) => a.aspect)).size === aspects.length,
        'Each aspect is rated once',
      ),
    ),
    [],
  ),
  /** Ids returned by the photo upload endpoint. */
  photoIds: v.optional(
    v.pipe(
      v.array(EntityIdSchema),
      v.maxLength(LIMITS.mediaPerReview, 'At most 10 photos per review'),
    ),
    [],
  ),
  /** Signed, single-use order token from the store; the only way to earn "verified purchase". */
  orderToken: v.optional(v.pipe(v.string(), v.maxLength(512))),
  /** Server-issued signed timestamp of when the form was shown (minimum fill time). */
  formToken: v.optional(v.pipe(v.string(), v.maxLength(512))),
  /** Honeypot: hidden from people, filled by bots. Must stay empty. */
  website: v.optional(v.pipe(v.string(), v.maxLength(512))),
});

export const SubmitReviewResultSchema = v.object({
  reviewId: EntityIdSchema,
  /** `pending` when the store moderates before publishing. */
  status: v.picklist(['published', 'pending']),
});

export const HelpfulVoteSchema = v.strictObject({
  /** Random id the widget keeps for this visitor; one vote per visitor per review. */
  voter: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'Expected a voter id')),
  helpful: v.boolean(),
});

export const HelpfulVoteResultSchema = v.object({
  reviewId: EntityIdSchema,
  helpfulCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  unhelpfulCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const UploadedPhotoSchema = v.object({
  id: EntityIdSchema,
  url: v.string(),
  thumbnailUrl: v.string(),
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

export type ReviewSubmissionInput = v.InferInput<typeof ReviewSubmissionSchema>;
export type ReviewSubmission = v.InferOutput<typeof ReviewSubmissionSchema>;
export type SubmitReviewResult = v.InferOutput<typeof SubmitReviewResultSchema>;
export type HelpfulVote = v.InferOutput<typeof HelpfulVoteSchema>;
export type HelpfulVoteResult = v.InferOutput<typeof HelpfulVoteResultSchema>;
export type UploadedPhoto = v.InferOutput<typeof UploadedPhotoSchema>;
