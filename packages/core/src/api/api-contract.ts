import * as v from 'valibot';
import {
  DeviceIdSchema,
  LIMITS,
  ProductIdSchema,
  RatingSchema,
  TimestampSchema,
} from '../model/primitives.ts';
import { PhotoSchema, ReviewSchema } from '../model/review.ts';
import { ProductSummarySchema } from '../model/summary.ts';
import { TestimonialSchema } from '../model/testimonial.ts';
import { SocialProofSchema } from '../model/social-proof.ts';
import {
  InviteCodeSchema,
  InviteLandingSchema,
  InviterStatusSchema,
  ReferralLeaderboardSchema,
} from '../model/referral.ts';
import { EventBatchSchema } from '../model/events.ts';
import {
  HelpfulVoteResultSchema,
  HelpfulVoteSchema,
  ReviewSubmissionSchema,
  SubmitReviewResultSchema,
  UploadedPhotoSchema,
} from '../model/submission.ts';
import {
  MediaQueryParamsSchema,
  ReviewQueryParamsSchema,
  SummariesQueryParamsSchema,
  TestimonialQueryParamsSchema,
} from './queries.ts';

export const SummariesResponseSchema = v.object({
  summaries: v.pipe(v.array(ProductSummarySchema), v.maxLength(LIMITS.summariesPerRequest)),
});

export const ReviewPageSchema = v.object({
  product: ProductIdSchema,
  items: v.pipe(v.array(ReviewSchema), v.maxLength(LIMITS.pageSize)),
  /** Opaque; pass it back unchanged for the next page. `null` on the last page. */
  nextCursor: v.nullable(v.pipe(v.string(), v.maxLength(512))),
});

/** A photo in a gallery, with what the lightbox shows about its review. */
export const GalleryItemSchema = v.object({
  photo: PhotoSchema,
  product: ProductIdSchema,
  authorName: v.pipe(v.string(), v.maxLength(LIMITS.authorName)),
  rating: RatingSchema,
  createdAt: TimestampSchema,
});

export const MediaPageSchema = v.object({
  items: v.pipe(v.array(GalleryItemSchema), v.maxLength(LIMITS.pageSize)),
  nextCursor: v.nullable(v.pipe(v.string(), v.maxLength(512))),
});

export const TestimonialListSchema = v.object({
  items: v.pipe(v.array(TestimonialSchema), v.maxLength(LIMITS.pageSize)),
});

export const ReferralVisitSchema = v.strictObject({
  code: InviteCodeSchema,
  /** Random first-party id the widget keeps for this visitor. */
  visitor: DeviceIdSchema,
});

export const CustomerIdentitySchema = v.strictObject({
  /**
   * A customer token the store's backend got from the merchant API (the
   * invite's `statusToken`, or `POST /v1/merchant/customers/{customer}/token`):
   * signed by the server, and it expires.
   */
  customerToken: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
});

export const FormTokenSchema = v.object({
  /** Opaque and signed by the server; sent back with the review as `formToken`. */
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(512)),
});

/** RFC 9457 problem details, the body of every error response. */
export const ProblemSchema = v.object({
  type: v.optional(v.string()),
  title: v.string(),
  status: v.number(),
  detail: v.optional(v.string()),
  errors: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDefinition {
  readonly method: Method;
  /** OpenAPI-style template; `{store}` and friends are filled by `buildPath`. */
  readonly path: string;
  /** OpenAPI wording; the storefront routes keep theirs in route-docs.ts, out of the widget bundle. */
  readonly summary?: string;
  readonly description?: string;
  readonly query?: v.GenericSchema;
  /** `review-import`: a CSV file or a JSON array of `ImportedReviewSchema` rows. */
  readonly body?: v.GenericSchema | 'multipart-photo' | 'review-import';
  /** The JSON body of a successful response; `null` for 202/204 without a body. */
  readonly response: v.GenericSchema | null;
  readonly successStatus: 200 | 201 | 202 | 204;
  /** The array property whose items are validated one by one, so one bad item does not hide the rest. */
  readonly itemsKey?: string;
  /** Public, CDN-cacheable reads (ETag + stale-while-revalidate). */
  readonly cacheable: boolean;
  /** Writes that must carry an Idempotency-Key header. */
  readonly idempotent?: boolean;
}

/**
 * The REST contract between widgets and the server: every path, its inputs
 * and its response, with the valibot schemas both sides validate against.
 */
export const API_ROUTES = {
  summaries: {
    method: 'GET',
    path: '/v1/{store}/summaries',
    query: SummariesQueryParamsSchema,
    response: SummariesResponseSchema,
    successStatus: 200,
    itemsKey: 'summaries',
    cacheable: true,
  },
  reviews: {
    method: 'GET',
    path: '/v1/{store}/products/{product}/reviews',
    query: ReviewQueryParamsSchema,
    response: ReviewPageSchema,
    successStatus: 200,
    itemsKey: 'items',
    cacheable: true,
  },
  media: {
    method: 'GET',
    path: '/v1/{store}/media',
    query: MediaQueryParamsSchema,
    response: MediaPageSchema,
    successStatus: 200,
    itemsKey: 'items',
    cacheable: true,
  },
  testimonials: {
    method: 'GET',
    path: '/v1/{store}/testimonials',
    query: TestimonialQueryParamsSchema,
    response: TestimonialListSchema,
    successStatus: 200,
    itemsKey: 'items',
    cacheable: true,
  },
  socialProof: {
    method: 'GET',
    path: '/v1/{store}/products/{product}/social-proof',
    response: SocialProofSchema,
    successStatus: 200,
    cacheable: true,
  },
  friendsSocialProof: {
    method: 'POST',
    path: '/v1/{store}/products/{product}/social-proof',
    body: CustomerIdentitySchema,
    response: SocialProofSchema,
    successStatus: 200,
    cacheable: false,
  },
  formToken: {
    method: 'GET',
    path: '/v1/{store}/form-token',
    response: FormTokenSchema,
    successStatus: 200,
    cacheable: false,
  },
  submitReview: {
    method: 'POST',
    path: '/v1/{store}/products/{product}/reviews',
    body: ReviewSubmissionSchema,
    response: SubmitReviewResultSchema,
    successStatus: 201,
    cacheable: false,
    idempotent: true,
  },
  uploadPhoto: {
    method: 'POST',
    path: '/v1/{store}/photos',
    body: 'multipart-photo',
    response: UploadedPhotoSchema,
    successStatus: 201,
    cacheable: false,
    idempotent: true,
  },
  helpfulVote: {
    method: 'POST',
    path: '/v1/{store}/reviews/{review}/votes',
    body: HelpfulVoteSchema,
    response: HelpfulVoteResultSchema,
    successStatus: 200,
    cacheable: false,
  },
  events: {
    method: 'POST',
    path: '/v1/{store}/events',
    body: EventBatchSchema,
    response: null,
    successStatus: 202,
    cacheable: false,
  },
  inviteLanding: {
    method: 'GET',
    path: '/v1/{store}/referral/invites/{code}',
    response: InviteLandingSchema,
    successStatus: 200,
    cacheable: true,
  },
  referralVisit: {
    method: 'POST',
    path: '/v1/{store}/referral/visits',
    body: ReferralVisitSchema,
    response: InviteLandingSchema,
    successStatus: 200,
    cacheable: false,
  },
  inviterStatus: {
    method: 'POST',
    path: '/v1/{store}/referral/status',
    body: CustomerIdentitySchema,
    response: InviterStatusSchema,
    successStatus: 200,
    cacheable: false,
  },
  referralLeaderboard: {
    method: 'GET',
    path: '/v1/{store}/referral/leaderboard',
    response: ReferralLeaderboardSchema,
    successStatus: 200,
    cacheable: true,
  },
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof API_ROUTES;

/** Fills a path template; every value is percent-encoded, so ids cannot add path segments. */
export function buildPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });
}

export type SummariesResponse = v.InferOutput<typeof SummariesResponseSchema>;
export type ReviewPage = v.InferOutput<typeof ReviewPageSchema>;
export type GalleryItem = v.InferOutput<typeof GalleryItemSchema>;
export type MediaPage = v.InferOutput<typeof MediaPageSchema>;
export type TestimonialList = v.InferOutput<typeof TestimonialListSchema>;
export type FormToken = v.InferOutput<typeof FormTokenSchema>;
