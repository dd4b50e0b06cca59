// The OpenAPI wording of the storefront routes (openapi.ts). Kept apart from
// API_ROUTES so the widgets' client bundle does not carry documentation text.
import { LIMITS } from '../model/primitives.ts';
import type { API_ROUTES } from './api-contract.ts';

export const ROUTE_DOCS: Record<
  keyof typeof API_ROUTES,
  { readonly summary: string; readonly description?: string }
> = {
  summaries: {
    summary: 'Rating summaries for many products in one request',
    description: `Up to ${LIMITS.summariesPerRequest} ids. Products without reviews come back with a count of 0.`,
  },
  reviews: { summary: 'One page of published reviews, sorted and filtered, with a keyset cursor' },
  media: { summary: 'Customer photos for a gallery, newest first, optionally for one product' },
  testimonials: { summary: 'Testimonials for the wall, featured first, in the merchant’s order' },
  socialProof: {
    summary: 'Recent activity on the product for any visitor, above the minimum count only',
    description:
      'Anonymous and cacheable: `friends` is always empty here; POST a customer token to the same path for the visitor’s friends.',
  },
  friendsSocialProof: {
    summary: 'The signed-in customer’s friends who recommend the product, and recent activity',
    description:
      'Friends are the people who invited the customer or whom they invited, and the connections the store reported, who reviewed the product with 4 or 5 stars or bought it. Names and avatars only of friends who consented; no friends count below `minimumCount`. POST, `Cache-Control: private, no-store`: the answer is personal. An expired token gets 401.',
  },
  formToken: { summary: 'A signed timestamp for the review form (minimum fill time against bots)' },
  submitReview: {
    summary: 'Submit a review',
    description:
      'Requires an Idempotency-Key header: a retry with the same key returns the first result and stores one review; the same key with different content is rejected with 422.',
  },
  uploadPhoto: {
    summary: 'Upload one photo for a review (multipart/form-data, field "photo")',
    description:
      'JPEG, PNG, WebP or HEIC, recognised by content; metadata is stripped and the image re-encoded.',
  },
  helpfulVote: {
    summary:
      'Mark a review helpful or not; one vote per visitor, a repeat replaces the earlier vote',
  },
  events: {
    summary: 'Event beacon',
    description:
      'Sent with navigator.sendBeacon as text/plain (a CORS-safelisted type, so no preflight) holding JSON.',
  },
  inviteLanding: { summary: 'What an invitee is offered for an invite code' },
  referralVisit: {
    summary: 'Record that a visitor arrived through an invite (first-party attribution)',
  },
  inviterStatus: {
    summary: 'A customer’s invite link, invitations and rewards',
    description:
      'POST because it carries a signed customer token, which must not sit in URLs or caches.',
  },
  referralLeaderboard: { summary: 'Top inviters who opted in, names masked' },
};
