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
  readonly summary: string;
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
    summary: 'Rating summaries for many products in one request',
    description: `Up to ${LIMITS.summariesPerRequest} ids. Products without reviews come back with a count of 0.`,
    query: SummariesQueryParamsSchema,
    response: SummariesResponseSchema,
    successStatus: 200,
    itemsKey: 'summaries',
    cacheable: true,
  },
  reviews: {
    method: 'GET',
    path: '/v1/{store}/products/{product}/reviews',
    summary: 'One page of published reviews, sorted and filtered, with a keyset cursor',
    query: ReviewQueryParamsSchema,
    response: ReviewPageSchema,
    successStatus: 200,
    itemsKey: 'items',
    cacheable: true,
  },
  media: {
    method: 'GET',
    path: '/v1/{store}/media',
    summary: 'Customer photos for a gallery, newest first, optionally for one product',
    query: MediaQueryParamsSchema,
    response: MediaPageSchema,
    successStatus: 200,
    itemsKey: 'items',
    cacheable: true,
  },
  testimonials: {
    method: 'GET',
    path: '/v1/{store}/testimonials',
    summary: 'Testimonials for the wall, featured first, in the merchant’s order',
    query: TestimonialQueryParamsSchema,
    response: TestimonialListSchema,
    successStatus: 200,
    itemsKey: 'items',
    cacheable: true,
  },
  socialProof: {
    method: 'GET',
    path: '/v1/{store}/products/{product}/social-proof',
    summary: 'Recent activity on the product for any visitor, above the minimum count only',
    description:
      'Anonymous and cacheable: `friends` is always empty here; POST a customer token to the same path for the visitor’s friends.',
    response: SocialProofSchema,
    successStatus: 200,
    cacheable: true,
  },
  friendsSocialProof: {
    method: 'POST',
    path: '/v1/{store}/products/{product}/social-proof',
    summary: 'The signed-in customer’s friends who recommend the product, and recent activity',
    description:
      'Friends are the people who invited the customer or whom they invited, and the connections the store reported, who reviewed the product with 4 or 5 stars or bought it. Names and avatars only of friends who consented; no friends count below `minimumCount`. POST, `Cache-Control: private, no-store`: the answer is personal. An expired token gets 401.',
    body: CustomerIdentitySchema,
    response: SocialProofSchema,
    successStatus: 200,
    cacheable: false,
  },
  formToken: {
    method: 'GET',
    path: '/v1/{store}/form-token',
    summary: 'A signed timestamp for the review form (minimum fill time against bots)',
    response: FormTokenSchema,
    successStatus: 200,
    cacheable: false,
  },
  submitReview: {
    method: 'POST',
    path: '/v1/{store}/products/{product}/reviews',
    summary: 'Submit a review',
    description:
      'Requires an Idempotency-Key header: a retry with the same key returns the first result and stores one review; the same key with different content is rejected with 422.',
    body: ReviewSubmissionSchema,
    response: SubmitReviewResultSchema,
    successStatus: 201,
    cacheable: false,
    idempotent: true,
  },
  uploadPhoto: {
    method: 'POST',
    path: '/v1/{store}/photos',
    summary: 'Upload one photo for a review (multipart/form-data, field "photo")',
    description:
      'JPEG, PNG, WebP or HEIC, recognised by content; metadata is stripped and the image re-encoded.',
    body: 'multipart-photo',
    response: UploadedPhotoSchema,
    successStatus: 201,
    cacheable: false,
    idempotent: true,
  },
  helpfulVote: {
    method: 'POST',
    path: '/v1/{store}/reviews/{review}/votes',
    summary:
      'Mark a review helpful or not; one vote per visitor, a repeat replaces the earlier vote',
    body: HelpfulVoteSchema,
    response: HelpfulVoteResultSchema,
    successStatus: 200,
    cacheable: false,
  },
  events: {
    method: 'POST',
    path: '/v1/{store}/events',
    summary: 'Event beacon',
    description:
      'Sent with navigator.sendBeacon as text/plain (a CORS-safelisted type, so no preflight) holding JSON.',
    body: EventBatchSchema,
    response: null,
    successStatus: 202,
    cacheable: false,
  },
  inviteLanding: {
    method: 'GET',
    path: '/v1/{store}/referral/invites/{code}',
    summary: 'What an invitee is offered for an invite code',
    response: InviteLandingSchema,
    successStatus: 200,
    cacheable: true,
  },
  referralVisit: {
    method: 'POST',
    path: '/v1/{store}/referral/visits',
    summary: 'Record that a visitor arrived through an invite (first-party attribution)',
    body: ReferralVisitSchema,
    response: InviteLandingSchema,
    successStatus: 200,
    cacheable: false,
  },
  inviterStatus: {
    method: 'POST',
    path: '/v1/{store}/referral/status',
    summary: 'A customer’s invite link, invitations and rewards',
    description:
      'POST because it carries a signed customer token, which must not sit in URLs or caches.',
    body: CustomerIdentitySchema,
    response: InviterStatusSchema,
    successStatus: 200,
    cacheable: false,
  },
  referralLeaderboard: {
    method: 'GET',
    path: '/v1/{store}/referral/leaderboard',
    summary: 'Top inviters who opted in, names masked',
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
