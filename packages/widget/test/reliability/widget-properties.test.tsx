// Property tests: whatever the API answers (valid responses with any field
// replaced, removed or joined by __proto__/constructor keys, or anything at
// all) and whatever props a host passes, a widget never throws to the host
// page, never pollutes Object.prototype, renders only guarded URLs, and
// never fills a star row or a bar outside 0–100 %.
import { createKoubeiClient } from '@koubei/core';
import { render, waitFor } from '@testing-library/preact';
import fc from 'fast-check';
import type { ComponentChild } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKoubei } from '../../src/create-koubei.ts';
import {
  FriendsRecommended,
  PhotoGallery,
  RatingSummary,
  ReviewCarousel,
  ReviewList,
  Stars,
  TestimonialWall,
} from '../../src/index.ts';
import type { KoubeiServices } from '../../src/shared/services.ts';
import { SOCIAL_PROOF, TESTIMONIALS, makeReviews, summaryOf } from '../../src/stories/fixtures.ts';
import { sanitizeThemeTokens, applyThemeTokens } from '../../src/styles/theme-tokens.ts';
import { domOffences } from './dom-offences.ts';
import { HOSTILE_PAYLOADS } from './hostile-payloads.ts';

const PRODUCT = 'teapot-celadon';
const RUNS = Number(process.env.KOUBEI_PROPERTY_RUNS ?? 30);
const SAFE_PHOTO = 'https://cdn.koubei.test/p.png';

// --------------------------------------------------------- valid responses

function validResponses(): Record<string, unknown> {
  const reviews = makeReviews(6, PRODUCT).map((review) => ({
    ...review,
    media: review.media.map((media) => ({ ...media, url: SAFE_PHOTO, thumbnailUrl: SAFE_PHOTO })),
  }));
  return {
    summaries: { summaries: [summaryOf(reviews, PRODUCT)] },
    reviews: { product: PRODUCT, items: reviews, nextCursor: null },
    media: {
      items: reviews.flatMap((review) =>
        review.media.map((photo) => ({
          photo,
          product: PRODUCT,
          authorName: review.authorName,
          rating: review.rating,
          createdAt: review.createdAt,
        })),
      ),
      nextCursor: null,
    },
    testimonials: { items: TESTIMONIALS },
    socialProof: SOCIAL_PROOF,
  };
}

/** Every path into `value` (objects and arrays included, not just leaves). */
function pathsOf(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [[...path]];
  const children = Object.keys(value).flatMap((key) =>
    pathsOf((value as Record<string, unknown>)[key], [
      ...path,
      Array.isArray(value) ? Number(key) : key,
    ]),
  );
  return [[...path], ...children];
}

type Edit =
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'key'; pick: number; key: string; value: unknown };

const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(...HOSTILE_PAYLOADS.map((payload) => payload.value)),
  fc.double(),
  fc.integer(),
  fc.string(),
);

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('key' as const),
    pick: fc.nat(),
    key: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'dangerouslySetInnerHTML',
      'onclick',
      'style',
      'ref',
      'key',
      'children',
    ),
    value: fc.oneof(hostileValue, fc.constant({ polluted: 'yes' })),
  }),
);

/** Applies edits to a deep copy; own "__proto__" keys are made with defineProperty, as JSON.parse does. */
function applyEdits(base: unknown, edits: readonly Edit[]): unknown {
  let root = structuredClone(base);
  for (const edit of edits) {
    const paths = pathsOf(root);
    const path = paths[edit.pick % paths.length] ?? [];
    if (path.length === 0) {
      if (edit.kind === 'set') root = structuredClone(edit.value);
      continue;
    }
    // Own properties only: `node.__proto__` would walk into the prototype.
    const own = (node: unknown, key: string | number): unknown =>
      typeof node === 'object' && node !== null
        ? Object.getOwnPropertyDescriptor(node, key)?.value
        : undefined;
    const parent = path.slice(0, -1).reduce<unknown>(own, root);
    const last = path[path.length - 1] as string | number;
    if (typeof parent !== 'object' || parent === null) continue;
    const target = parent as Record<string | number, unknown>;
    if (edit.kind === 'set')
      Object.defineProperty(target, last, {
        value: structuredClone(edit.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else if (edit.kind === 'delete') delete target[last];
    else {
      const node = own(target, last);
      if (typeof node === 'object' && node !== null)
        Object.defineProperty(node, edit.key, {
          value: structuredClone(edit.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
  }
  return root;
}

/** One API: every route's valid response edited, or occasionally anything at all. */
const responsesArbitrary = fc.record({
  edits: fc.array(editArbitrary, { minLength: 1, maxLength: 8 }),
  replaceWhole: fc.option(fc.jsonValue(), { freq: 8 }),
});

function koubeiAnswering(responses: Record<string, unknown>): KoubeiServices {
  const fetch: typeof globalThis.fetch = async (input) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    const route = path.endsWith('/summaries')
      ? 'summaries'
      : path.endsWith('/reviews')
        ? 'reviews'
        : path.endsWith('/media')
          ? 'media'
          : path.endsWith('/testimonials')
            ? 'testimonials'
            : 'socialProof';
    const body = JSON.stringify(responses[route] ?? null) ?? 'null';
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  };
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    fetch,
    readRetries: 0,
  });
  return createKoubei({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    client,
    locale: 'en',
  });
}

// ----------------------------------------------------------------- checks

const prototypeKeys = () => [
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Array.prototype),
];
let hostErrors: unknown[] = [];
const onError = (event: ErrorEvent) => hostErrors.push(event.error ?? event.message);
beforeEach(() => {
  hostErrors = [];
  window.addEventListener('error', onError);
});
afterEach(() => window.removeEventListener('error', onError));

/** Every inline width in percent (star fills, histogram and aspect bars) within 0–100. */
function widthsOutOfRange(root: Element): string[] {
  return [...root.querySelectorAll('[style]')].flatMap((element) => {
    const match = /width:\s*([^;%]*)%/.exec(element.getAttribute('style') ?? '');
    if (!match) return [];
    const width = Number(match[1]);
    return Number.isFinite(width) && width >= 0 && width <= 100 ? [] : [`width ${match[1]}%`];
  });
}

async function renderAndCheck(node: ComponentChild): Promise<void> {
  const before = prototypeKeys();
  const { container, unmount } = render(<>{node}</>);
  await waitFor(
    () => {
      if (container.querySelector('[part="skeleton"], [aria-busy="true"]'))
        throw new Error('loading');
    },
    { timeout: 10_000 },
  );
  expect(domOffences(container)).toEqual([]);
  expect(widthsOutOfRange(container)).toEqual([]);
  unmount();
  expect(prototypeKeys()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(hostErrors).toEqual([]);
}

const WIDGETS: readonly [string, (koubei: KoubeiServices) => ComponentChild][] = [
  ['Stars', (koubei) => <Stars koubei={koubei} product={PRODUCT} />],
  ['RatingSummary', (koubei) => <RatingSummary koubei={koubei} product={PRODUCT} />],
  ['ReviewList', (koubei) => <ReviewList koubei={koubei} product={PRODUCT} />],
  ['ReviewCarousel', (koubei) => <ReviewCarousel koubei={koubei} product={PRODUCT} />],
  ['PhotoGallery', (koubei) => <PhotoGallery koubei={koubei} product={PRODUCT} />],
  ['TestimonialWall', (koubei) => <TestimonialWall koubei={koubei} />],
  ['FriendsRecommended', (koubei) => <FriendsRecommended koubei={koubei} product={PRODUCT} />],
];

describe('widget properties', { timeout: 300_000 }, () => {
  it.each(WIDGETS)('%s: any API response is rendered safely or refused', async (_, widget) => {
    await fc.assert(
      fc.asyncProperty(responsesArbitrary, async ({ edits, replaceWhole }) => {
        const base = validResponses();
        const responses: Record<string, unknown> = {};
        for (const route of Object.keys(base))
          responses[route] = replaceWhole ?? applyEdits(base[route], edits);
        await renderAndCheck(widget(koubeiAnswering(responses)));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(WIDGETS)('%s: any props from the host are survived', async (name, widget) => {
    const props = fc.dictionary(
      fc.constantFrom(
        'product',
        'size',
        'href',
        'showEmpty',
        'pageSize',
        'disclosureHref',
        'minRating',
        'limit',
        'autoplay',
        'intervalMs',
        'variant',
        'featuredOnly',
        'headingLevel',
      ),
      fc.oneof(hostileValue, fc.constantFrom(...HOSTILE_PAYLOADS.map((payload) => payload.value))),
    );
    await fc.assert(
      fc.asyncProperty(props, async (extra) => {
        const koubei = koubeiAnswering(validResponses());
        const base = widget(koubei) as {
          type: (props: Record<string, unknown>) => ComponentChild;
          props: Record<string, unknown>;
        };
        // The host's props replace ours one by one, as a careless integration would.
        const Component = base.type;
        await renderAndCheck(<Component {...base.props} {...extra} koubei={koubei} />);
      }),
      { numRuns: RUNS, examples: name === 'Stars' ? [[{ href: 'javascript:alert(1)' }]] : [] },
    );
  });

  it('RatingSummary and Stars: any summary the contract accepts fills within 0–100 %', async () => {
    const count = fc.nat({ max: 1_000_000 });
    const mean = fc.double({ min: 0, max: 5, noNaN: true });
    const summary = fc.record({
      product: fc.constant(PRODUCT),
      count,
      mean,
      bayesianMean: mean,
      // Not necessarily consistent with count: the contract checks each number, not their sum.
      histogram: fc.tuple(count, count, count, count, count),
      photoShare: fc.double({ min: 0, max: 1, noNaN: true }),
      recommendRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      aspects: fc.uniqueArray(
        fc.record({ aspect: fc.constantFrom('quality', 'value', 'delivery'), count, mean }),
        { selector: (a) => a.aspect, maxLength: 3 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(summary, async (value) => {
        const koubei = koubeiAnswering({ summaries: { summaries: [value] } });
        await renderAndCheck(
          <>
            <Stars koubei={koubei} product={PRODUCT} />
            <RatingSummary koubei={koubei} product={PRODUCT} />
          </>,
        );
      }),
      {
        numRuns: RUNS,
        examples: [
          [
            {
              product: PRODUCT,
              count: 1,
              mean: 5,
              bayesianMean: 5,
              histogram: [0, 0, 0, 0, 5],
              photoShare: 0,
              recommendRate: null,
              aspects: [],
            },
          ],
        ],
      },
    );
  });

  it('theme tokens: any object (own __proto__ keys included) yields only known, plain values', () => {
    const element = document.createElement('div');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withObjectString: true, withNullPrototype: true }),
          fc.dictionary(
            fc.constantFrom('__proto__', 'constructor', 'color-accent', 'radius'),
            hostileValue,
          ),
        ),
        (input) => {
          const before = prototypeKeys();
          const [accepted] = sanitizeThemeTokens(input);
          applyThemeTokens(element, accepted);
          for (const value of accepted.values())
            expect(value).not.toMatch(/url\(|expression|[;{}<>\\]/i);
          expect(prototypeKeys()).toEqual(before);
        },
      ),
      { numRuns: 500 },
    );
  });
});
