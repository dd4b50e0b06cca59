// Plain constants of the domain, in a module without schemas: code on the
// script tag's first-paint path imports these without pulling in valibot
// (bundlers split chunks by module, so a schema beside a constant would
// travel with it).

/** The longest URL, product id and summaries batch; `LIMITS` repeats them with the rest. */
export const MAX_URL_LENGTH = 2048;
export const MAX_PRODUCT_ID_LENGTH = 128;
export const SUMMARIES_PER_REQUEST = 100;

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
