import * as v from 'valibot';
import type { KoubeiEventType } from './event-types.ts';
import { EVENT_SCHEMA_VERSION, EVENT_TYPES, WIDGET_KINDS } from './event-types.ts';
import { LIMITS, ProductIdSchema, StoreIdSchema, TimestampSchema } from './primitives.ts';

export { EVENT_SCHEMA_VERSION, EVENT_TYPES, WIDGET_KINDS };

export type { KoubeiEventType, WidgetKind } from './event-types.ts';

export const WidgetKindSchema = v.picklist(WIDGET_KINDS);

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
