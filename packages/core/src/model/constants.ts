// Plain constants of the domain, in a module without schemas: code on the
// script tag's first-paint path imports these without pulling in valibot
// (bundlers split chunks by module, so a schema beside a constant would
// travel with it).

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
  url: 2048,
  productId: 128,
  pageSize: 50,
  summariesPerRequest: 100,
  eventsPerBatch: 50,
} as const;

/** Patterns of the ids, for code that must check them without loading valibot (the script tag's runtime). */
export const STORE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const PRODUCT_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export const ASPECT_KEYS = [
  'quality',
  'value',
  'service',
  'delivery',
  'experience',
  'brand',
] as const;

/** Version of the event schema; bumped when a field changes meaning, consumers branch on `v`. */
export const EVENT_SCHEMA_VERSION = 1;

/** The neutral prior of the Bayesian mean: this many imaginary reviews of this mean. */
export const DEFAULT_PRIOR_MEAN = 3;
export const DEFAULT_PRIOR_WEIGHT = 5;
