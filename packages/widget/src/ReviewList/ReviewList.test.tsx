import { createKoubeiClient } from '@koubei/core';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RatingSummary } from '../RatingSummary/RatingSummary.tsx';
import { framed } from '../shared/framed.tsx';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { makeReviews } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { ReviewList } from './ReviewList.tsx';

const List = framed(ReviewList);
const Summary = framed(RatingSummary);
const PRODUCT = 'teapot-celadon';

const ratings = () =>
  screen.getAllByRole('article').map((article) => {
    const label =
      within(article)
        .getByRole('img', { name: /^Rated/ })
        .getAttribute('aria-label') ?? '';
    return Number(/Rated (\d)/.exec(label)?.[1]);
  });

describe('ReviewList', () => {
  it('pages forwards and back with a keyset cursor, one page in the DOM, focus on the heading', async () => {
    render(<List koubei={storyKoubei('normal')} product={PRODUCT} pageSize={10} />);
    expect(await screen.findByText('Reviews 1–10')).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(10);
    const firstPage = screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'));

    await userEvent.click(screen.getByRole('button', { name: 'More reviews' }));
    expect(await screen.findByText('Reviews 11–20')).toBeTruthy();
    const secondPage = screen.getAllByRole('article').map((a) => a.getAttribute('aria-labelledby'));
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Customer reviews' }));

    await userEvent.click(screen.getByRole('button', { name: 'Previous reviews' }));
    expect(await screen.findByText('Reviews 1–10')).toBeTruthy();
  });

  it('keeps at most one page of articles in the DOM for 10 000 reviews', async () => {
    const client = createKoubeiClient({
      apiBase: 'https://api.koubei.test',
      store: 'tea-house',
      fetch: createFixtureFetch('normal', makeReviews(10_000)),
    });
    const koubei = { ...storyKoubei('normal'), client: () => Promise.resolve(client) };
    const { container } = render(<List koubei={koubei} product={PRODUCT} pageSize={20} />);
    expect(await screen.findByText('Reviews 1–20')).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(20);
    expect(container.querySelectorAll('*').length).toBeLessThan(1200);
  });

  it('filters by stars with the keyboard and offers to clear the filter', async () => {
    render(<List koubei={storyKoubei('normal')} product={PRODUCT} />);
    await screen.findByText('Reviews 1–10');
    const oneStar = screen.getByRole('button', { name: '1 star' });
    oneStar.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(ratings().every((r) => r === 1)).toBe(true));
    expect(oneStar.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(new Set(ratings()).size).toBeGreaterThan(1));
  });

  it('sorts by lowest rating', async () => {
    render(<List koubei={storyKoubei('normal')} product={PRODUCT} />);
    await screen.findByText('Reviews 1–10');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'lowest');
    await waitFor(() => expect(ratings()[0]).toBe(1));
    const shown = ratings();
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
  });

  it('is filtered by the rating summary’s bars (shared product state)', async () => {
    const koubei = storyKoubei('normal');
    render(
      <>
        <Summary koubei={koubei} product={PRODUCT} />
        <List koubei={koubei} product={PRODUCT} />
      </>,
    );
    await screen.findByText('Reviews 1–10');
    await userEvent.click(await screen.findByRole('button', { name: /^2 stars \d+ reviews/ }));
    await waitFor(() => expect(ratings().every((r) => r === 2)).toBe(true));
  });

  it('says so when nothing matches, and when there are no reviews at all', async () => {
    render(<List koubei={storyKoubei('one')} product={PRODUCT} />);
    await screen.findByText('Reviews 1–1');
    await userEvent.click(screen.getByRole('button', { name: '1 star' }));
    expect(await screen.findByText('No reviews match these filters.')).toBeTruthy();
  });

  it('shows an empty state without reviews', async () => {
    render(<List koubei={storyKoubei('empty')} product={PRODUCT} />);
    expect(
      await screen.findByText('No reviews yet. Be the first to share your experience.'),
    ).toBeTruthy();
  });

  it('renders hostile review text literally', async () => {
    const { container } = render(<List koubei={storyKoubei('hostile')} product={PRODUCT} />);
    await screen.findByText('Reviews 1–3');
    expect(container.querySelector('script, b, svg[onload]')).toBeNull();
    for (const element of container.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames())
        expect(attribute.startsWith('on')).toBe(false);
    }
    expect(screen.getAllByText('<b onmouseover=alert(1)>hi</b>')).toHaveLength(3);
  });

  it('recovers after an error with Retry', async () => {
    const failing = storyKoubei('error');
    const healthy = storyKoubei('normal');
    let calls = 0;
    const koubei = { ...healthy, client: () => (++calls === 1 ? failing : healthy).client() };
    render(<List koubei={koubei} product={PRODUCT} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Reviews 1–10')).toBeTruthy();
  });

  it('records one helpful vote and shows the new count', async () => {
    render(<List koubei={storyKoubei('normal')} product={PRODUCT} pageSize={1} />);
    await screen.findByText('Reviews 1–1');
    const helpful = screen.getByRole('button', { name: /^Helpful \((\d+)\)$/ });
    const before = Number(/\((\d+)\)/.exec(helpful.textContent ?? '')?.[1]);
    await userEvent.click(helpful);
    await waitFor(() => expect(helpful.getAttribute('aria-pressed')).toBe('true'));
    expect(helpful.textContent).toBe(`Helpful (${before + 1})`);
    expect(screen.getByText('Thanks for your feedback')).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    render(<List koubei={storyKoubei('normal', 'zh-CN')} product={PRODUCT} />);
    expect(await screen.findByText('第 1–10 条评价')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '排序' })).toBeTruthy();
  });
});

describe('ReviewList photos', () => {
  it('opens a review photo in the lightbox with the keyboard and returns focus on Escape', async () => {
    render(<List koubei={storyKoubei('many-photos')} product={PRODUCT} pageSize={2} />);
    await screen.findByText('Reviews 1–2');
    const opener = screen.getAllByRole('button', { name: 'Open photo 2 of 3' })[0] as HTMLElement;
    opener.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Photo 2 of 3' });
    expect(within(dialog).getByRole('img')).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    expect(await screen.findByRole('dialog', { name: 'Photo 3 of 3' })).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });
});
