// A Koubei API that answers every read with hostile content: each item of a
// list carries one payload in every user-content field (title, body, author,
// reply, photo alt and caption, testimonial quote/author/role/company,
// friend names) and in every URL field. Test-only; runs the real client, so
// the payloads meet the same validation and guards as in production.

import type { KoubeiServices } from '../../src/shared/services.ts';
import { createKoubei } from '../../src/create-koubei.ts';
import { createKoubeiClient } from '@koubei/core';

export const HOSTILE_PRODUCT = 'teapot-celadon';
const AT = '2026-11-01T10:00:00.000Z';
const SAFE_PHOTO = 'https://cdn.koubei.test/photos/1.png';

/** Keys that must never reach the DOM as props, added to every item. */
function withHostileKeys<T extends object>(item: T, payload: unknown): T {
  const extra = {
    dangerouslySetInnerHTML: { __html: '<img src=x onerror=__koubeiCanary()>' },
    onclick: '__koubeiCanary()',
    style: 'position:fixed;inset:0',
    class: 'evil',
    ref: '__koubeiCanary',
  };
  const result = { ...item, ...extra } as T;
  // JSON.parse makes "__proto__" an own key; so does defineProperty.
  Object.defineProperty(result, '__proto__', {
    value: { polluted: 'yes', payload: typeof payload === 'string' ? payload : null },
    enumerable: true,
  });
  return result;
}

const text = (payload: unknown, fallback: string) => (payload === undefined ? fallback : payload);

export function hostileReview(payload: unknown, index: number): Record<string, unknown> {
  const id = `r${index}`;
  return withHostileKeys(
    {
      id,
      product: HOSTILE_PRODUCT,
      rating:
        typeof payload === 'number' || typeof payload === 'object' ? payload : (index % 5) + 1,
      title: text(payload, 'Title'),
      body: text(payload, 'Body'),
      language: 'en',
      createdAt: AT,
      updatedAt: AT,
      authorName: text(payload, 'Author'),
      verifiedPurchase: true,
      incentive: {
        kind: 'discount',
        disclosure: typeof payload === 'string' ? payload.slice(0, 200) : 'x',
      },
      recommends: true,
      helpfulCount: typeof payload === 'number' ? payload : 2,
      unhelpfulCount: 0,
      media: [
        {
          kind: 'photo',
          id: `${id}p1`,
          reviewId: id,
          url: typeof payload === 'string' ? payload : SAFE_PHOTO,
          thumbnailUrl: typeof payload === 'string' ? payload : SAFE_PHOTO,
          width: typeof payload === 'number' ? payload : 480,
          height: 360,
          alt: typeof payload === 'string' ? payload.slice(0, 300) : payload,
          caption: typeof payload === 'string' ? payload.slice(0, 300) : payload,
        },
        {
          kind: 'photo',
          id: `${id}p2`,
          reviewId: id,
          url: SAFE_PHOTO,
          width: 480,
          height: 360,
          alt: typeof payload === 'string' ? payload.slice(0, 300) : 'alt',
        },
        {
          kind: 'video',
          id: `${id}v1`,
          reviewId: id,
          url: typeof payload === 'string' ? payload : 'https://video.example/v',
          alt: typeof payload === 'string' ? payload.slice(0, 300) : 'video',
        },
      ],
      aspects: [{ aspect: 'quality', rating: typeof payload === 'number' ? payload : 4 }],
      reply: { body: text(payload, 'Thanks'), createdAt: AT },
      status: 'published',
    },
    payload,
  );
}

export function hostileMediaItem(payload: unknown, index: number): Record<string, unknown> {
  const review = hostileReview(payload, index);
  // Even items: a safe URL, so the payload lands in the alt attribute; odd: a hostile URL.
  const photo = (review.media as Record<string, unknown>[])[index % 2 === 0 ? 1 : 0];
  return withHostileKeys(
    {
      photo,
      product: HOSTILE_PRODUCT,
      authorName: review.authorName,
      rating: review.rating,
      createdAt: AT,
    },
    payload,
  );
}

export function hostileTestimonial(payload: unknown, index: number): Record<string, unknown> {
  const short = typeof payload === 'string' ? payload.slice(0, 80) : payload;
  return withHostileKeys(
    {
      id: `t${index}`,
      quote: text(payload, 'Quote'),
      authorName: text(payload, 'Author'),
      authorRole: short,
      authorCompany: short,
      avatarUrl: typeof payload === 'string' ? payload : SAFE_PHOTO,
      rating: typeof payload === 'number' ? payload : 5,
      language: 'en',
      source: 'social',
      sourceUrl: typeof payload === 'string' ? payload : 'https://social.example/post',
      featured: index % 2 === 0,
      createdAt: AT,
    },
    payload,
  );
}

export function hostileSocialProof(payloads: readonly unknown[]): Record<string, unknown> {
  return withHostileKeys(
    {
      product: HOSTILE_PRODUCT,
      minimumCount: 1,
      friends: {
        count: 9,
        named: payloads.slice(0, 5).map((payload) =>
          withHostileKeys(
            {
              displayName: typeof payload === 'string' ? payload.slice(0, 40) : payload,
              avatarUrl: typeof payload === 'string' ? payload : SAFE_PHOTO,
            },
            payload,
          ),
        ),
      },
      recent: [{ kind: 'purchased', count: 12, windowDays: 7 }],
    },
    payloads[0],
  );
}

export function hostileSummary(payload: unknown): Record<string, unknown> {
  const n = typeof payload === 'number' ? payload : 4.2;
  return withHostileKeys(
    {
      product: HOSTILE_PRODUCT,
      count: 12,
      mean: n,
      bayesianMean: n,
      histogram: [1, 1, 2, 3, 5],
      photoShare: 0.5,
      recommendRate: 0.9,
      aspects: [{ aspect: 'quality', mean: n, count: 3 }],
    },
    payload,
  );
}

/** A `fetch` answering every read route from `payloads` (one payload per list item). */
export function createHostileFetch(payloads: readonly unknown[]): {
  fetch: typeof fetch;
  pending: () => number;
} {
  let pending = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    pending++;
    try {
      const request = input instanceof Request ? input : new Request(input, init);
      const path = new URL(request.url).pathname;
      let body: unknown = { title: 'Not found', status: 404 };
      let status = 200;
      if (path.endsWith('/summaries')) body = { summaries: [hostileSummary(payloads[0])] };
      else if (path.endsWith('/reviews') && request.method === 'GET')
        body = { product: HOSTILE_PRODUCT, items: payloads.map(hostileReview), nextCursor: null };
      else if (path.endsWith('/media'))
        body = { items: payloads.map(hostileMediaItem), nextCursor: null };
      else if (path.endsWith('/testimonials')) body = { items: payloads.map(hostileTestimonial) };
      else if (path.endsWith('/social-proof')) body = hostileSocialProof(payloads);
      else if (path.endsWith('/form-token')) body = { token: 'hostile-form-token' };
      else status = 404;
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    } finally {
      pending--;
    }
  };
  return { fetch, pending: () => pending };
}

/** Widget services whose client reads from the hostile API. */
export function hostileKoubei(payloads: readonly unknown[], locale = 'en'): KoubeiServices {
  const { fetch } = createHostileFetch(payloads);
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    fetch,
    readRetries: 0,
  });
  return {
    ...createKoubei({ apiBase: 'https://api.koubei.test', store: 'tea-house', client, locale }),
    now: () => Date.parse('2026-11-22T10:00:00Z'),
  };
}
