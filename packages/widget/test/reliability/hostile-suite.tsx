// The hostile-content suite, shared by the happy-dom and jsdom test files:
// every widget rendered with every payload of the table, and the DOM checked
// for what an attacker wants (handlers, script, unsafe URLs, pollution, code
// that ran) and for what a shopper needs (the text, shown literally).

import type { Reward } from '@koubei/core';
import { LIMITS } from '@koubei/core';
import type { ComponentChild } from 'preact';
import { render, waitFor } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FriendsRecommended,
  InvitePanel,
  PhotoGallery,
  RatingSummary,
  ReviewCarousel,
  ReviewForm,
  ReviewList,
  Stars,
  TestimonialWall,
} from '../../src/index.ts';
import { injectProductJsonLd } from '../../src/cdn/inject-product-json-ld.ts';
import type { KoubeiServices } from '../../src/shared/services.ts';
import { domOffences } from './dom-offences.ts';
import { HOSTILE_PRODUCT, hostileKoubei } from './hostile-api.ts';
import { CANARY, HOSTILE_PAYLOADS, HOSTILE_STRINGS, POLLUTION_KEYS } from './hostile-payloads.ts';

let canaryCalls = 0;

function pollution(): string[] {
  const prototypes = [Object.prototype, Array.prototype] as Record<string, unknown>[];
  return POLLUTION_KEYS.filter((key) => prototypes.some((proto) => key in proto));
}

async function settle(container: Element): Promise<void> {
  await waitFor(
    () => {
      if (container.querySelector('[part="skeleton"], [aria-busy="true"]'))
        throw new Error('still loading');
    },
    { timeout: 5000 },
  );
  // Effects that run after the data arrived (focus, impressions) get a turn too.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, i * size + size),
  );
}

const BATCHES = chunks(
  HOSTILE_PAYLOADS.map((payload) => payload.value),
  LIMITS.pageSize,
);

/** Strings that pass the contract as an author name: every one must show up literally. */
const shownAuthorName = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= 40;

interface WidgetCase {
  readonly name: string;
  readonly render: (koubei: KoubeiServices, batch: readonly unknown[]) => ComponentChild;
  /** Payload strings that must appear in the widget's text. */
  readonly literal?: (batch: readonly unknown[]) => string[];
}

const API_WIDGETS: readonly WidgetCase[] = [
  { name: 'Stars', render: (koubei) => <Stars koubei={koubei} product={HOSTILE_PRODUCT} /> },
  {
    name: 'RatingSummary',
    render: (koubei) => <RatingSummary koubei={koubei} product={HOSTILE_PRODUCT} />,
  },
  {
    name: 'ReviewList',
    render: (koubei, batch) => (
      <ReviewList
        koubei={koubei}
        product={HOSTILE_PRODUCT}
        pageSize={50}
        disclosureHref={typeof batch[0] === 'string' ? batch[0] : undefined}
      />
    ),
    // Titles and author names are never collapsed behind "Read more".
    literal: (batch) => batch.filter(shownAuthorName),
  },
  {
    name: 'ReviewCarousel',
    render: (koubei) => <ReviewCarousel koubei={koubei} product={HOSTILE_PRODUCT} limit={50} />,
  },
  {
    name: 'PhotoGallery',
    render: (koubei) => <PhotoGallery koubei={koubei} product={HOSTILE_PRODUCT} limit={50} />,
  },
  {
    name: 'TestimonialWall',
    render: (koubei) => <TestimonialWall koubei={koubei} limit={50} />,
    literal: (batch) => batch.filter(shownAuthorName),
  },
  {
    name: 'TestimonialWall (carousel)',
    render: (koubei) => <TestimonialWall koubei={koubei} limit={50} variant="carousel" />,
  },
  {
    name: 'FriendsRecommended',
    render: (koubei) => <FriendsRecommended koubei={koubei} product={HOSTILE_PRODUCT} />,
  },
];

export function describeHostileContent(environment: string): void {
  // Hundreds of renders per test on a shared machine: generous time limits.
  describe(`hostile content in ${environment}`, { timeout: 60_000 }, () => {
    beforeAll(() => {
      (globalThis as Record<string, unknown>)[CANARY] = () => {
        canaryCalls++;
      };
    });
    afterAll(() => {
      delete (globalThis as Record<string, unknown>)[CANARY];
    });

    it(`has a table of at least 150 payloads (${HOSTILE_PAYLOADS.length})`, () => {
      expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(150);
      expect(new Set(HOSTILE_PAYLOADS.map((p) => p.id)).size).toBe(HOSTILE_PAYLOADS.length);
    });

    it('the DOM check itself finds handlers, script and unsafe URLs (planted)', () => {
      const planted = document.createElement('div');
      const img = document.createElement('img');
      img.setAttribute('src', 'javascript:alert(1)');
      img.setAttribute('onerror', 'alert(1)');
      planted.append(img, document.createElement('script'));
      const link = document.createElement('a');
      link.setAttribute('href', ' JaVaScRiPt:alert(1)');
      planted.append(link);
      expect(domOffences(planted)).toHaveLength(4);
    });

    for (const widget of API_WIDGETS) {
      it(`${widget.name}: ${HOSTILE_PAYLOADS.length} payloads in every field render as text`, async () => {
        for (const batch of BATCHES) {
          const koubei = hostileKoubei(batch);
          const { container, unmount } = render(<>{widget.render(koubei, batch)}</>);
          await settle(container);
          expect(domOffences(container)).toEqual([]);
          const shown = container.textContent ?? '';
          if (widget.literal)
            expect(
              container.querySelectorAll('article, figure, blockquote, li').length,
            ).toBeGreaterThan(0);
          const missing = (widget.literal?.(batch) ?? []).filter((text) => !shown.includes(text));
          expect(missing).toEqual([]);
          unmount();
        }
        expect(canaryCalls).toBe(0);
        expect(pollution()).toEqual([]);
      });
    }

    it('InvitePanel: every string payload as store name, reward and invite URL', async () => {
      const koubei = hostileKoubei([]);
      for (const value of HOSTILE_STRINGS) {
        const reward: Reward = { kind: 'coupon', description: value.slice(0, 120) || 'x' };
        // Once with a good link (the payload must show as text), once as the link itself.
        for (const url of ['https://shop.example/?koubei_invite=K7MPQ2XZ', value]) {
          const { container, unmount } = render(
            <InvitePanel
              koubei={koubei}
              invite={{ code: 'K7MPQ2XZ', url }}
              inviterReward={reward}
              inviteeReward={reward}
              storeName={value}
            />,
          );
          expect(domOffences(container)).toEqual([]);
          if (url !== value && value.length <= 120) expect(container.textContent).toContain(value);
          unmount();
        }
      }
      expect(canaryCalls).toBe(0);
    });

    it('ReviewForm: every string payload as the product name and terms link', async () => {
      const koubei = hostileKoubei([]);
      for (const value of HOSTILE_STRINGS) {
        const { container, unmount } = render(
          <ReviewForm
            koubei={koubei}
            product={HOSTILE_PRODUCT}
            productName={value}
            termsHref={value}
          />,
        );
        expect(domOffences(container)).toEqual([]);
        unmount();
      }
      expect(canaryCalls).toBe(0);
      expect(pollution()).toEqual([]);
    });

    it('structured data: every payload as the product name stays inside its JSON', () => {
      const summary = {
        product: HOSTILE_PRODUCT,
        count: 3,
        mean: 4.5,
        bayesianMean: 4,
        histogram: [0, 0, 0, 1, 2] as [number, number, number, number, number],
        photoShare: 0,
        recommendRate: null,
        aspects: [],
      };
      for (const value of HOSTILE_STRINGS) {
        if (injectProductJsonLd(document, summary, value) !== 'added') continue;
        const script = document.head.querySelector('script[data-koubei-json-ld]');
        const text = script?.textContent ?? '';
        expect(text).not.toMatch(/<|>/);
        // Parsed back it is the same name (trimmed), never markup that left the script.
        expect((JSON.parse(text) as { name: string }).name).toBe(value.trim());
        script?.remove();
      }
      expect(
        document.head.querySelectorAll('script:not([type="application/ld+json"])'),
      ).toHaveLength(0);
      expect(canaryCalls).toBe(0);
    });
  });
}
