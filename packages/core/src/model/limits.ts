import { MAX_PRODUCT_ID_LENGTH, MAX_URL_LENGTH, SUMMARIES_PER_REQUEST } from './constants.ts';

/** Limits shared by the form, the client and the server: one number, one place. */
export const LIMITS = {
  reviewTitle: 150,
  reviewBody: 5000,
  authorName: 80,
  replyBody: 3000,
  mediaPerReview: 10,
  altText: 300,
  caption: 300,
  testimonialQuote: 600,
  url: MAX_URL_LENGTH,
  productId: MAX_PRODUCT_ID_LENGTH,
  pageSize: 50,
  summariesPerRequest: SUMMARIES_PER_REQUEST,
  eventsPerBatch: 50,
} as const;
