import * as v from 'valibot';
import { LIMITS, ProductIdSchema, StoreIdSchema, TimestampSchema } from './primitives.ts';

/** Bumped when a field changes meaning; consumers branch on `v`. */
export const EVENT_SCHEMA_VERSION = 1;

export const WIDGET_KINDS = [
  'stars',
  'summary',
  'reviews',
  'carousel',
  'gallery',
  'testimonials',
  'social-proof',
  'form',
  'invite',
  'invite-status',
  'invitee-banner',
] as const;
export const WidgetKindSchema = v.picklist(WIDGET_KINDS);
export type WidgetKind = v.InferOutput<typeof WidgetKindSchema>;

/**
 * Every event Koubei emits, with what it means. The same names reach the host
 * page (DOM CustomEvent `koubei:<type>`, optional `dataLayer`) and the server
 * beacon, so a merchant's analytics and Koubei's dashboard count the same thing.
 */
export const EVENT_TYPES = {
  impression: 'A widget became at least half visible for the first time on this page view.',
  view: 'A widget rendered its content (data arrived and was shown).',
  interaction: 'The shopper used a control that is not covered by a more specific event.',
  filter: 'The shopper changed a filter or the sort order of a review list.',
  page: 'The shopper loaded another page of reviews or media.',
  'photo-open': 'The shopper opened a customer photo in the lightbox.',
  'helpful-vote': 'The shopper marked a review helpful or unhelpful.',
  share: 'The shopper shared a product or an invite (detail.channel names the target).',
  submit: 'A review was submitted and accepted by the server.',
  'submit-error': 'A review submission failed (detail.reason names the kind of error).',
  'referral-visit': 'A visitor arrived through an invite link or code.',
  'referral-copy': 'The shopper copied their invite link or code.',
  error: 'A widget could not show its content and kept its fallback (detail.reason).',
} as const;
export type KoubeiEventType = keyof typeof EVENT_TYPES;
export const EventTypeSchema = v.picklist(
  Object.keys(EVENT_TYPES) as [KoubeiEventType, ...KoubeiEventType[]],
);

const DetailValueSchema = v.union([v.pipe(v.string(), v.maxLength(200)), v.number(), v.boolean()]);

export const KoubeiEventSchema = v.object({
  v: v.literal(EVENT_SCHEMA_VERSION),
  type: EventTypeSchema,
  store: StoreIdSchema,
  widget: WidgetKindSchema,
  product: v.optional(ProductIdSchema),
  at: TimestampSchema,
  /** Random per page view; no cookie and no stable identifier is ever sent. */
  pageView: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  detail: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/)), DetailValueSchema),
      v.check(
        (detail) => Object.keys(detail).length <= 10,
        'An event detail has at most 10 fields',
      ),
    ),
  ),
});

export const EventBatchSchema = v.object({
  events: v.pipe(v.array(KoubeiEventSchema), v.minLength(1), v.maxLength(LIMITS.eventsPerBatch)),
});

export type KoubeiEvent = v.InferOutput<typeof KoubeiEventSchema>;
export type EventBatch = v.InferOutput<typeof EventBatchSchema>;
