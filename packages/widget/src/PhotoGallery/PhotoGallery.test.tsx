import type { KoubeiClient } from '@koubei/core';
import { createKoubeiClient } from '@koubei/core';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { framed } from '../shared/framed.tsx';
import type { EmitInput, KoubeiServices } from '../shared/services.ts';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { makeReviews, photo } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { MAX_PHOTOS, PhotoGallery } from './PhotoGallery.tsx';

const Gallery = framed(PhotoGallery);

function clientFor(fetch: typeof globalThis.fetch): KoubeiClient {
  return createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    fetch,
    readRetries: 0,
  });
}

/** Fixture services whose client answers from `fetch`, recording every event. */
function servicesWith(fetch: typeof globalThis.fetch, events: EmitInput[] = []): KoubeiServices {
  const client = clientFor(fetch);
  return {
    ...storyKoubei('normal'),
    client: () => Promise.resolve(client),
    emit: (event) => events.push(event),
  };
}

/** A media endpoint with `total` photos, served `pageSize` at a time with a numeric cursor. */
function pagedMediaFetch(total: number, pageSize: number): typeof fetch {
  const items = Array.from({ length: total }, (_, i) => ({
    photo: { ...photo(`r${i + 1}`, (i % 6) + 1), alt: `Photo ${i + 1}` },
    product: 'teapot-celadon',
    authorName: 'Sam Patel',
    rating: 5,
    createdAt: '2026-11-20T10:00:00Z',
  }));
  return async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const end = start + pageSize;
    const body = { items: items.slice(start, end), nextCursor: end < total ? String(end) : null };
    return new Response(JSON.stringify(body), {
      headers: { 'content-type': 'application/json' },
    });
  };
}

describe('PhotoGallery', () => {
  it('shows a titled grid of thumbnail buttons with safe, sized, lazy images', async () => {
    render(<Gallery koubei={storyKoubei('normal')} product="teapot-celadon" />);
    expect(screen.getByRole('heading', { name: 'Customer photos' })).toBeTruthy();
    const third = await screen.findByRole('button', { name: 'Open photo 3 of 32' });
    expect(screen.getAllByRole('button', { name: /^Open photo \d+ of 32$/ })).toHaveLength(32);
    const image = within(third).getByRole('img');
    expect(image.getAttribute('src')).toMatch(
      /^http:\/\/localhost(:\d+)?\/photos\/photo-\d-thumb\.png$/,
    );
    expect(image.getAttribute('srcset')).toMatch(/-thumb\.png 320w, .+\.png 480w$/);
    expect(image.getAttribute('sizes')).toBeTruthy();
    expect(image.getAttribute('width')).toBe('480');
    expect(image.getAttribute('height')).toBe('360');
    expect(image.getAttribute('loading')).toBe('lazy');
    expect(image.getAttribute('decoding')).toBe('async');
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(image.getAttribute('alt')).toMatch(/^Customer photo \d$/);
  });

  it('opens the lightbox with Enter, pages with arrows, closes with Escape back to the thumbnail', async () => {
    render(<Gallery koubei={storyKoubei('normal')} product="teapot-celadon" />);
    const third = await screen.findByRole('button', { name: 'Open photo 3 of 32' });
    third.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Photo 3 of 32' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(within(dialog).getByText(/^From a \d-star review by /)).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'Photo 4 of 32' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(third);
  });

  it('keeps Tab inside the open lightbox', async () => {
    render(<Gallery koubei={storyKoubei('normal')} product="teapot-celadon" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Open photo 1 of 32' }));
    const dialog = screen.getByRole('dialog');
    for (let i = 0; i < 4; i++) {
      await userEvent.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    for (let i = 0; i < 4; i++) {
      await userEvent.tab({ shift: true });
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('emits photo-open with the photo’s position', async () => {
    const events: EmitInput[] = [];
    const koubei = { ...storyKoubei('normal'), emit: (e: EmitInput) => events.push(e) };
    render(<Gallery koubei={koubei} product="teapot-celadon" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Open photo 2 of 32' }));
    expect(events).toEqual([
      { type: 'photo-open', widget: 'gallery', product: 'teapot-celadon', detail: { index: 1 } },
    ]);
  });

  it('never renders a photo whose URL fails the guard', async () => {
    const hostile = ['javascript:alert(1)', 'https://user:pw@evil.example/x.png'];
    const reviews = makeReviews(1).map((review) => ({
      ...review,
      media: [
        ...hostile.map((url, i) => ({ ...photo(review.id, i + 1), url, thumbnailUrl: url })),
        photo(review.id, 3),
      ],
    }));
    render(<Gallery koubei={servicesWith(createFixtureFetch('normal', reviews))} />);
    const only = await screen.findByRole('button', { name: 'Open photo 1 of 1' });
    for (const url of hostile) {
      expect(document.querySelector(`img[src="${url}"]`)).toBeNull();
      expect(document.querySelector(`img[srcset*="${url}"]`)).toBeNull();
    }
    await userEvent.click(only);
    expect(screen.getByRole('dialog', { name: 'Photo 1 of 1' })).toBeTruthy();
    for (const image of screen.getAllByRole('img', { hidden: true }))
      expect(hostile).not.toContain(image.getAttribute('src'));
  });

  it('says so when there are no photos', async () => {
    render(<Gallery koubei={storyKoubei('empty')} product="teapot-celadon" />);
    expect(await screen.findByText('No customer photos yet.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('offers a retry when the server fails, and recovers', async () => {
    const failing = clientFor(createFixtureFetch('error'));
    const healthy = clientFor(createFixtureFetch('normal'));
    let calls = 0;
    const koubei = {
      ...storyKoubei('normal'),
      client: () => Promise.resolve(++calls === 1 ? failing : healthy),
    };
    render(<Gallery koubei={koubei} product="teapot-celadon" />);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('status').textContent).toContain('Reviews could not be loaded.');
    await userEvent.click(retry);
    expect(await screen.findByRole('button', { name: 'Open photo 1 of 32' })).toBeTruthy();
  });

  it('appends the next page on "Show more", focusing the first new photo', async () => {
    const events: EmitInput[] = [];
    render(<Gallery koubei={servicesWith(pagedMediaFetch(30, 12), events)} limit={12} />);
    await screen.findByRole('button', { name: 'Open photo 12 of 12' });
    await userEvent.click(screen.getByRole('button', { name: 'Show more photos' }));
    const thirteenth = await screen.findByRole('button', { name: 'Open photo 13 of 24' });
    await waitFor(() => expect(document.activeElement).toBe(thirteenth));
    expect(events.map((e) => e.type)).toEqual(['page']);
    await userEvent.click(screen.getByRole('button', { name: 'Show more photos' }));
    expect(await screen.findByRole('button', { name: 'Open photo 30 of 30' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more photos' })).toBeNull();
  });

  it('keeps the photos and offers "Show more" again when a later page fails', async () => {
    const pages = pagedMediaFetch(20, 10);
    let failures = 1;
    const flaky: typeof fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes('cursor=') && failures-- > 0
        ? Promise.resolve(new Response('{"title":"Server error","status":500}', { status: 500 }))
        : pages(input, init);
    render(<Gallery koubei={servicesWith(flaky)} limit={10} />);
    await screen.findByRole('button', { name: 'Open photo 10 of 10' });
    await userEvent.click(screen.getByRole('button', { name: 'Show more photos' }));
    expect((await screen.findByRole('status')).textContent).toBe('Reviews could not be loaded.');
    expect(screen.getAllByRole('button', { name: /^Open photo \d+ of 10$/ })).toHaveLength(10);
    await userEvent.click(screen.getByRole('button', { name: 'Show more photos' }));
    expect(await screen.findByRole('button', { name: 'Open photo 20 of 20' })).toBeTruthy();
  });

  it('aborts its request when it goes away', async () => {
    let signal: AbortSignal | undefined;
    const hanging: typeof fetch = (input, init) => {
      signal = input instanceof Request ? input.signal : (init?.signal ?? undefined);
      return new Promise<Response>(() => undefined);
    };
    const { unmount } = render(<Gallery koubei={servicesWith(hanging)} />);
    await waitFor(() => expect(signal).toBeDefined());
    expect(signal?.aborted).toBe(false);
    unmount();
    await waitFor(() => expect(signal?.aborted).toBe(true));
  });

  it(`keeps at most ${MAX_PHOTOS} photos on the page`, async () => {
    render(<Gallery koubei={servicesWith(pagedMediaFetch(200, 50))} limit={50} />);
    await screen.findByRole('button', { name: 'Open photo 50 of 50' });
    await userEvent.click(screen.getByRole('button', { name: 'Show more photos' }));
    await screen.findByRole('button', { name: `Open photo ${MAX_PHOTOS} of ${MAX_PHOTOS}` });
    expect(screen.getAllByRole('button', { name: /^Open photo/ })).toHaveLength(MAX_PHOTOS);
    expect(screen.queryByRole('button', { name: 'Show more photos' })).toBeNull();
  });

  it('speaks Chinese', async () => {
    render(<Gallery koubei={storyKoubei('normal', 'zh-CN')} product="teapot-celadon" />);
    expect(screen.getByRole('heading', { name: '买家秀' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: '打开第 1 张图片，共 32 张' })).toBeTruthy();
  });
});
