import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { productState } from '../shared/product-state.ts';
import { framed } from '../shared/framed.tsx';
import { storyKoubei } from '../stories/story-koubei.ts';
import { RatingSummary } from './RatingSummary.tsx';

const Summary = framed(RatingSummary);

describe('RatingSummary', () => {
  it('shows the mean as one named image, the count and the recommend rate', async () => {
    render(<Summary koubei={storyKoubei('normal')} product="teapot-celadon" />);
    expect(await screen.findByRole('img', { name: /out of 5, 64 reviews$/ })).toBeTruthy();
    expect(screen.getByText('Based on 64 reviews')).toBeTruthy();
    expect(screen.getByText(/would recommend$/)).toBeTruthy();
  });

  it('filters the product’s review list from a histogram bar, by keyboard, and toggles back', async () => {
    const koubei = storyKoubei('normal');
    const events: string[] = [];
    const watched = { ...koubei, emit: (e: { type: string }) => events.push(e.type) };
    render(<Summary koubei={watched} product="teapot-celadon" />);
    const five = await screen.findByRole('button', { name: /^5 stars \d+ reviews \(\d+%\)$/ });
    expect(five.getAttribute('aria-pressed')).toBe('false');
    five.focus();
    await userEvent.keyboard('{Enter}');
    expect(productState(watched, 'teapot-celadon').filter.value.stars).toEqual([5]);
    await waitFor(() => expect(five.getAttribute('aria-pressed')).toBe('true'));
    await userEvent.keyboard(' ');
    expect(productState(watched, 'teapot-celadon').filter.value.stars).toEqual([]);
    expect(events).toEqual(['filter', 'filter']);
  });

  it('disables bars with no reviews', async () => {
    render(<Summary koubei={storyKoubei('one')} product="teapot-celadon" />);
    const one = await screen.findByRole('button', { name: /^1 star/ });
    expect((one as HTMLButtonElement).disabled).toBe(true);
  });

  it('speaks Chinese', async () => {
    render(<Summary koubei={storyKoubei('normal', 'zh-CN')} product="teapot-celadon" />);
    expect(await screen.findByText('基于 64 条评价')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^5 星 \d+ 条评价（\d+%）$/ })).toBeTruthy();
  });

  it('says so when there are no reviews', async () => {
    render(<Summary koubei={storyKoubei('empty')} product="teapot-celadon" />);
    expect(await screen.findByText('No reviews yet')).toBeTruthy();
  });

  it('offers a retry when the server fails, and recovers', async () => {
    const failing = storyKoubei('error');
    const healthy = storyKoubei('normal');
    let calls = 0;
    const koubei = {
      ...failing,
      summaries: {
        getSummary: (p: string, o?: { signal?: AbortSignal }) =>
          (++calls === 1 ? failing : healthy).summaries.getSummary(p, o),
      },
    };
    render(<Summary koubei={koubei} product="teapot-celadon" />);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('status').textContent).toContain('Reviews could not be loaded.');
    await userEvent.click(retry);
    expect(await screen.findByText('Based on 64 reviews')).toBeTruthy();
  });
});
