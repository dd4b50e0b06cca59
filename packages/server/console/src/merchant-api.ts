import type {
  BulkAction,
  InboxQuery,
  ModerationAction,
  ModerationReason,
  NewTestimonial,
  ReferralProgrammeInput,
  StoreSettingsChange,
} from '@koubei/core';
import {
  AuditPageSchema,
  BulkResultSchema,
  DashboardStatsSchema,
  InboxPageSchema,
  MerchantTestimonialListSchema,
  MerchantTestimonialSchema,
  ModerationResultSchema,
  ReferralProgrammeSchema,
  ReplyResultSchema,
  StoreSettingsSchema,
  TopicsResponseSchema,
  validate,
} from '@koubei/core';
import ky, { HTTPError } from 'ky';
import type * as v from 'valibot';

/** A problem the console shows in words: the server's title, or what went wrong on the way. */
export class ConsoleApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/**
 * The merchant API as the console uses it: the key travels in the
 * Authorization header only (never in a URL), every answer is checked
 * against the shared contract before a view sees it.
 */
export function createMerchantApi(key: string, base = `${location.origin}/v1/merchant/`) {
  const http = ky.create({
    prefixUrl: base,
    headers: { authorization: `Bearer ${key}` },
    timeout: 15_000,
    retry: { limit: 1, methods: ['get'] },
  });

  async function call<T extends v.GenericSchema>(
    schema: T,
    request: () => Promise<Response>,
  ): Promise<v.InferOutput<T>> {
    let response: Response;
    try {
      response = await request();
    } catch (error) {
      if (error instanceof HTTPError) {
        const body = (await error.response.json().catch(() => ({}))) as { title?: string };
        throw new ConsoleApiError(body.title ?? error.message, error.response.status);
      }
      throw new ConsoleApiError((error as Error).message, null);
    }
    const result = validate(schema, await response.json());
    if (!result.ok) throw new ConsoleApiError(`Unexpected answer: ${result.message}`, null);
    return result.value;
  }
  async function send(request: () => Promise<Response>): Promise<void> {
    try {
      await request();
    } catch (error) {
      if (error instanceof HTTPError) {
        const body = (await error.response.json().catch(() => ({}))) as { title?: string };
        throw new ConsoleApiError(body.title ?? error.message, error.response.status);
      }
      throw new ConsoleApiError((error as Error).message, null);
    }
  }
  const query = (params: Record<string, string | number | undefined>) =>
    new URLSearchParams(
      Object.entries(params).flatMap(([name, value]) =>
        value === undefined || value === '' ? [] : [[name, String(value)]],
      ),
    );
  const review = (id: string) => `reviews/${encodeURIComponent(id)}`;

  return {
    inbox: (filters: InboxQuery) =>
      call(InboxPageSchema, () => http.get('inbox', { searchParams: query(filters) })),
    reply: (id: string, body: string) =>
      call(ReplyResultSchema, () => http.put(`${review(id)}/reply`, { json: { body } })),
    removeReply: (id: string) => send(() => http.delete(`${review(id)}/reply`)),
    moderate: (id: string, action: ModerationAction, reason?: ModerationReason) =>
      call(ModerationResultSchema, () =>
        http.post(`${review(id)}/moderation`, { json: { action, ...(reason ? { reason } : {}) } }),
      ),
    markIncentive: (id: string, kind: 'discount' | 'free-product' | 'points' | 'other') =>
      send(() => http.put(`${review(id)}/incentive`, { json: { kind } })),
    bulk: (action: BulkAction) =>
      call(BulkResultSchema, () => http.post('reviews/bulk', { json: action })),
    audit: (cursor?: string) =>
      call(AuditPageSchema, () =>
        http.get('audit', { searchParams: query({ cursor, limit: 50 }) }),
      ),
    stats: () =>
      call(DashboardStatsSchema, () => http.get('stats', { searchParams: { weeks: 12 } })),
    topics: (product?: string) =>
      call(TopicsResponseSchema, () => http.get('topics', { searchParams: query({ product }) })),
    testimonials: () => call(MerchantTestimonialListSchema, () => http.get('testimonials')),
    addTestimonial: (input: NewTestimonial) =>
      call(MerchantTestimonialSchema, () => http.post('testimonials', { json: input })),
    featureTestimonial: (id: string, featured: boolean) =>
      call(MerchantTestimonialSchema, () =>
        http.patch(`testimonials/${encodeURIComponent(id)}`, { json: { featured } }),
      ),
    removeTestimonial: (id: string) =>
      send(() => http.delete(`testimonials/${encodeURIComponent(id)}`)),
    orderTestimonials: (ids: string[]) =>
      call(MerchantTestimonialListSchema, () => http.put('testimonials/order', { json: { ids } })),
    /** The referral programme's rules, or null while the store has none. */
    referralProgramme: async () => {
      try {
        return await call(ReferralProgrammeSchema, () => http.get('referral-programme'));
      } catch (error) {
        if (error instanceof ConsoleApiError && error.status === 404) return null;
        throw error;
      }
    },
    setReferralProgramme: (input: ReferralProgrammeInput) =>
      call(ReferralProgrammeSchema, () => http.put('referral-programme', { json: input })),
    settings: () => call(StoreSettingsSchema, () => http.get('settings')),
    changeSettings: (change: StoreSettingsChange) =>
      call(StoreSettingsSchema, () => http.patch('settings', { json: change })),
  };
}

export type MerchantApi = ReturnType<typeof createMerchantApi>;
