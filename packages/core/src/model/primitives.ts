import * as v from 'valibot';
import { ASPECT_KEYS, PRODUCT_ID_PATTERN, STORE_ID_PATTERN } from './constants.ts';
import { LIMITS } from './limits.ts';

export { ASPECT_KEYS, LIMITS, PRODUCT_ID_PATTERN, STORE_ID_PATTERN };

export const StoreIdSchema = v.pipe(
  v.string(),
  v.regex(STORE_ID_PATTERN, 'Expected a store id: lowercase letters, digits and hyphens'),
);

export const ProductIdSchema = v.pipe(
  v.string(),
  v.minLength(1, 'Expected a product id'),
  v.maxLength(LIMITS.productId, 'A product id has at most 128 characters'),
  v.regex(PRODUCT_ID_PATTERN, 'A product id may hold letters, digits and . _ : - only'),
);

export const EntityIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Expected an id of letters, digits, _ and - (at most 64)'),
);

export const LanguageTagSchema = v.pipe(
  v.string(),
  v.maxLength(35),
  v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Expected a BCP 47 language tag such as zh-CN'),
);

export const TimestampSchema = v.pipe(v.string(), v.isoTimestamp('Expected an ISO 8601 timestamp'));

export const RatingSchema = v.pipe(
  v.number('Expected a rating number'),
  v.integer('A rating is a whole number of stars'),
  v.minValue(1, 'A rating is at least 1 star'),
  v.maxValue(5, 'A rating is at most 5 stars'),
);

export const CountSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

export const ShareSchema = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

/** A URL as it travels in payloads. Rendering code still passes it through `safeHttpUrl`. */
export const UrlSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.url));

export const AspectKeySchema = v.picklist(ASPECT_KEYS);
export type AspectKey = v.InferOutput<typeof AspectKeySchema>;

/** The random first-party id the widgets keep for a visitor (see ReferralVisitSchema). */
export const DeviceIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/));
