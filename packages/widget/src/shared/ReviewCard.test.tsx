import type { Review } from '@koubei/core';
import { cleanup, render, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeReviews } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { ReviewCard } from './ReviewCard.tsx';

const REVIEWS = makeReviews(12);
/** Every node under `root` (elements, text, comments), counted as the page benchmark counts them. */
function nodesUnder(root: Node): Node[] {
  return [...root.childNodes].flatMap((child) => [child, ...nodesUnder(child)]);
}

function renderCard(review: Review) {
  const { container } = render(
    <ReviewCard koubei={storyKoubei('normal')} review={review} onOpenPhoto={() => {}} />,
  );
  return container.querySelector('article') as HTMLElement;
}

describe('ReviewCard', () => {
  it('names the star row itself as the rating image, with no wrapper around it', () => {
    const card = renderCard(REVIEWS[1]!);
    const stars = within(card).getByRole('img', { name: 'Rated 4 out of 5' });
    expect(stars.getAttribute('part')).toBe('stars');
    expect(stars.parentElement).toBe(card);
    // The empty stars, then a box as wide as the rating with the filled stars.
    expect(nodesUnder(stars)).toHaveLength(5);
    expect((stars.querySelector(':scope > span') as HTMLElement).style.width).toBe('80%');
  });

  it('keeps a plain review (text, verified badge, votes) within 23 nodes', () => {
    const review = REVIEWS[1]!; // no photos, aspects, incentive or reply
    expect([review.media.length, review.aspects.length, review.incentive, review.reply]).toEqual([
      0,
      0,
      null,
      null,
    ]);
    const card = renderCard(review);
    // article + stars (6) + title (2) + meta (7) + body (2) + votes (5) = 23 with the article.
    expect(nodesUnder(card).length + 1).toBeLessThanOrEqual(23);
    expect(within(card).getByText(review.authorName)).toBeTruthy();
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe(review.createdAt);
    expect(within(card).getByText('Verified purchase')).toBeTruthy();
    const votes = within(card).getByRole('group', { name: 'Was this review helpful?' });
    // The question is shown by CSS from the group's name, not repeated in the DOM.
    expect(votes.textContent).toBe(
      `Helpful (${review.helpfulCount})Not helpful (${review.unhelpfulCount})`,
    );
    expect(
      within(votes)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-pressed')),
    ).toEqual(['false', 'false']);
  });

  it('renders no empty text nodes and one text node per aspect, whatever the review holds', () => {
    // Between them: photos, aspects, an incentive with a disclosure, a reply, no badge.
    for (const review of REVIEWS) {
      cleanup();
      const card = renderCard(review);
      const empty = nodesUnder(card).filter(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent === '',
      );
      expect(empty, review.id).toEqual([]);
      for (const item of within(card).queryAllByRole('listitem')) {
        if (item.querySelector('img')) continue;
        expect(item.childNodes, review.id).toHaveLength(1);
        expect(item.textContent).toMatch(/^\S.* [1-5]\/5$/);
      }
    }
    const incentivised = REVIEWS.find((r) => r.incentive)!;
    const card = renderCard(incentivised);
    expect(
      within(card).getByText(/ — 10% off the next order$/).childNodes.length,
      'the disclosure is one text node',
    ).toBe(1);
  });

  it('leaves out an invalid date instead of an empty <time>', () => {
    const card = renderCard({ ...REVIEWS[1]!, createdAt: 'not a date' });
    expect(card.querySelector('time')).toBeNull();
    expect(
      nodesUnder(card).filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent === ''),
    ).toEqual([]);
  });
});
