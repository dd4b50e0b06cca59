import * as v from 'valibot';
import { LIMITS, LanguageTagSchema, ProductIdSchema } from '../model/primitives.ts';
import type { ReviewFilter, ReviewOrder } from '../reviews/rank-reviews.ts';
import { REVIEW_SORTS, clampPageSize } from '../reviews/rank-reviews.ts';
import type { ValidationResult } from '../model/validate.ts';
import { validate } from '../model/validate.ts';

// Query strings carry text; these schemas describe the wire form and the
// functions below convert to and from typed queries. The server parses with
// them, the client encodes with them, and the OpenAPI document lists them.

const Flag = v.picklist(['0', '1']);
const Limit = v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'Expected a page size from 1 to 50'));
const Cursor = v.pipe(v.string(), v.maxLength(512));

export const SummariesQueryParamsSchema = v.object({
  products: v.pipe(
    v.string('Expected a comma-separated list of product ids'),
    v.minLength(1, 'Expected at least one product id'),
    v.maxLength(LIMITS.summariesPerRequest * 129),
  ),
});

export const ReviewQueryParamsSchema = v.object({
  sort: v.optional(
    v.picklist(REVIEW_SORTS, 'Expected sort to be helpful, newest, oldest, highest or lowest'),
  ),
  stars: v.optional(
    v.pipe(v.string(), v.regex(/^[1-5](,[1-5]){0,4}$/, 'Expected stars such as 4,5')),
  ),
  media: v.optional(Flag),
  verified: v.optional(Flag),
  photosFirst: v.optional(Flag),
  language: v.optional(LanguageTagSchema),
  cursor: v.optional(Cursor),
  limit: v.optional(Limit),
});

export const MediaQueryParamsSchema = v.object({
  product: v.optional(ProductIdSchema),
  cursor: v.optional(Cursor),
  limit: v.optional(Limit),
});

export const TestimonialQueryParamsSchema = v.object({
  featured: v.optional(Flag),
  limit: v.optional(Limit),
});

export interface ReviewQuery extends ReviewOrder {
  readonly filter?: ReviewFilter;
  readonly cursor?: string | null;
  readonly limit?: number;
}

export interface PageQuery {
  readonly cursor?: string | null;
  readonly limit?: number;
}

export type QueryParams = Record<string, string>;

/** Product ids for the batched summaries request: deduplicated, in first-seen order. */
export function parseProductIds(param: string): ValidationResult<string[]> {
  const ids = [
    ...new Set(
      param
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length > LIMITS.summariesPerRequest) {
    return {
      ok: false,
      message: `products: at most ${LIMITS.summariesPerRequest} ids per request`,
      issues: [
        { path: 'products', message: `At most ${LIMITS.summariesPerRequest} ids per request` },
      ],
    };
  }
  return validate(
    v.pipe(v.array(ProductIdSchema), v.minLength(1, 'Expected at least one product id')),
    ids,
  );
}

export function encodeReviewQuery(query: ReviewQuery): QueryParams {
  const params: QueryParams = { sort: query.sort };
  const filter = query.filter ?? {};
  const stars = [...new Set(filter.stars ?? [])].filter((s) => s >= 1 && s <= 5).sort();
  if (stars.length > 0) params.stars = stars.join(',');
  if (filter.withMedia) params.media = '1';
  if (filter.verifiedOnly) params.verified = '1';
  if (filter.language) params.language = filter.language;
  if (query.photosFirst) params.photosFirst = '1';
  if (query.cursor) params.cursor = query.cursor;
  if (query.limit !== undefined) params.limit = String(clampPageSize(query.limit));
  return params;
}

/** Reads a review query from URL parameters; unknown parameters are ignored. */
export function parseReviewQuery(
  params: Readonly<Record<string, string | undefined>>,
): ValidationResult<ReviewQuery> {
  const result = validate(ReviewQueryParamsSchema, params);
  if (!result.ok) return result;
  const p = result.value;
  const filter: ReviewFilter = {
    ...(p.stars ? { stars: [...new Set(p.stars.split(',').map(Number))].sort() } : {}),
    ...(p.media === '1' ? { withMedia: true } : {}),
    ...(p.verified === '1' ? { verifiedOnly: true } : {}),
    ...(p.language ? { language: p.language } : {}),
  };
  return {
    ok: true,
    value: {
      sort: p.sort ?? 'helpful',
      photosFirst: p.photosFirst === '1',
      filter,
      cursor: p.cursor ?? null,
      limit: clampPageSize(p.limit === undefined ? undefined : Number(p.limit)),
    },
  };
}

export function encodePageQuery(query: PageQuery): QueryParams {
  const params: QueryParams = {};
  if (query.cursor) params.cursor = query.cursor;
  if (query.limit !== undefined) params.limit = String(clampPageSize(query.limit));
  return params;
}
