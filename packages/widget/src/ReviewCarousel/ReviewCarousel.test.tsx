import type { KoubeiClient } from '@koubei/core';
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { framed } from '../shared/framed.tsx';
import type { EmitInput } from '../shared/services.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { ReviewCarousel } from './ReviewCarousel.tsx';

const Framed = framed(ReviewCarousel);
const PRODUCT = 'teapot-celadon';

describe('ReviewCarousel', () => {
  it('shows the most helpful reviews of at least the minimum rating, one slide each', async () => {
    const koubei = storyKoubei('normal');
    const client = await koubei.client();
    const getReviews = vi.spyOn(client, 'getReviews');
    render(<Framed koubei={koubei} product={PRODUCT} minRating={4} limit={6} />);
    const region = await screen.findByRole('region', { name: 'Review highlights' });
    expect(getReviews).toHaveBeenCalledWith(
      PRODUCT,
      { sort: 'helpful', filter: { stars: [4, 5] }, limit: 6 },
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    const slides = within(region).getAllByRole('group', { name: /^\d+ of 6$/ });
    expect(slides).toHaveLength(6);
    for (const slide of slides)
      expect(within(slide).getByRole('img', { name: /^Rated [45] out of 5$/ })).toBeTruthy();
    // A showcase: no helpful votes in the slides.
    expect(screen.queryByRole('button', { name: /^Helpful/ })).toBeNull();
  });

  it('reports navigation as interaction events', async () => {
    const events: EmitInput[] = [];
    const koubei = { ...storyKoubei('normal'), emit: (event: EmitInput) => events.push(event) };
    render(<Framed koubei={koubei} product={PRODUCT} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Next slide' }));
    await userEvent.click(screen.getByRole('button', { name: 'Previous slide' }));
    await userEvent.click(screen.getByRole('button', { name: 'Go to slide 3' }));
    expect(screen.getByRole('button', { name: 'Go to slide 3' }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect(screen.getByRole('status').textContent).toBe('3 of 10');
    expect(events).toEqual(
      ['next', 'previous', 'goto'].map((action) => ({
        type: 'interaction',
        widget: 'carousel',
        product: PRODUCT,
        detail: { action },
      })),
    );
  });

  it('cuts long reviews behind "Read more"', async () => {
    render(<Framed koubei={storyKoubei('long')} product={PRODUCT} />);
    expect((await screen.findAllByRole('button', { name: 'Read more' })).length).toBeGreaterThan(0);
  });

  it('shows hostile text as text', async () => {
    const { container } = render(<Framed koubei={storyKoubei('hostile')} product={PRODUCT} />);
    const headings = await screen.findAllByRole('heading', {
      name: '<b onmouseover=alert(1)>hi</b>',
    });
    expect(headings).toHaveLength(3);
    expect(container.querySelector('script, b')).toBeNull();
  });

  it('shows nothing but a skeleton while loading', () => {
    render(<Framed koubei={storyKoubei('loading')} product={PRODUCT} />);
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so when there are no reviews', async () => {
    render(<Framed koubei={storyKoubei('empty')} product={PRODUCT} />);
    expect(
      await screen.findByText('No reviews yet. Be the first to share your experience.'),
    ).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('offers a retry when the server fails, and recovers', async () => {
    const failing = storyKoubei('error');
    const healthy = storyKoubei('normal');
    let calls = 0;
    const koubei = {
      ...failing,
      client: (): Promise<KoubeiClient> => (++calls === 1 ? failing : healthy).client(),
    };
    render(<Framed koubei={koubei} product={PRODUCT} />);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('status').textContent).toContain('Reviews could not be loaded.');
    await userEvent.click(retry);
    expect(await screen.findByRole('region', { name: 'Review highlights' })).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    render(<Framed koubei={storyKoubei('normal', 'zh-CN')} product={PRODUCT} />);
    expect(await screen.findByRole('region', { name: '精选评价' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下一张' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '第 1 张，共 10 张' })).toBeTruthy();
  });
});
