import * as v from 'valibot';
import {
  EntityIdSchema,
  LIMITS,
  LanguageTagSchema,
  RatingSchema,
  TimestampSchema,
  UrlSchema,
} from './primitives.ts';

export const TESTIMONIAL_SOURCES = ['review', 'survey', 'social'] as const;

export const TestimonialSchema = v.object({
  id: EntityIdSchema,
  quote: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.testimonialQuote)),
  authorName: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.authorName)),
  authorRole: v.optional(v.pipe(v.string(), v.maxLength(80))),
  authorCompany: v.optional(v.pipe(v.string(), v.maxLength(80))),
  avatarUrl: v.optional(UrlSchema),
  rating: v.optional(RatingSchema),
  language: LanguageTagSchema,
  source: v.picklist(TESTIMONIAL_SOURCES),
  /** Where a social post or survey lives; shown as a link after the URL guard. */
  sourceUrl: v.optional(UrlSchema),
  /** The review a testimonial was promoted from, if any. */
  reviewId: v.optional(EntityIdSchema),
  featured: v.boolean(),
  createdAt: TimestampSchema,
});

export type Testimonial = v.InferOutput<typeof TestimonialSchema>;
