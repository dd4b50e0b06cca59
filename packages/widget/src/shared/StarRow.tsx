/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h } from 'preact';
import * as css from './StarRow.css.ts';

export type StarSize = 'small' | 'medium' | 'large';

/** One star in relative moves, so the same outline can start at any point. */
const STAR_OUTLINE = 'l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6-5.9-3.3-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';
/** Five stars in one path, 24 units apart: a row is two SVG elements, not ten. */
const FIVE_STARS = [12, 36, 60, 84, 108].map((x) => `M${x} 2.5${STAR_OUTLINE}`).join('');

// No aria-hidden or focusable here: the row around is one image or hidden as
// a whole, and `focusable` only ever mattered to Internet Explorer.
function FiveStars() {
  return (
    <svg class={css.star} viewBox="0 0 120 24">
      <path d={FIVE_STARS} />
    </svg>
  );
}

/** Share of the row to fill, 0–100; anything odd (NaN, out of range) is clamped. */
export function starFillPercent(rating: number): number {
  if (!Number.isFinite(rating)) return 0;
  return Math.round(Math.min(100, Math.max(0, (rating / 5) * 100)) * 10) / 10;
}

export interface StarRowProps {
  readonly rating: number;
  readonly size?: StarSize;
  /**
   * The row's accessible name ("Rated 4 out of 5"): the row itself becomes
   * the image, with no wrapper element. Without it the row is decorative and
   * the caller names an element around it ("4.6 out of 5, 128 reviews").
   */
  readonly label?: string;
}

/**
 * Five stars filled to `rating` (partial stars included). The filled stars
 * sit in a box as wide as the rating, clipped, at the inline start: layout,
 * not a selector, fills the row from the right on right-to-left pages.
 * Screen readers hear one phrase instead of five images.
 */
export function StarRow({ rating, size = 'medium', label }: StarRowProps) {
  return (
    <span
      class={`${css.row} ${css.sizes[size]}`}
      part="stars"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={!label || undefined}
    >
      <FiveStars />
      <span
        class={`${css.filled} ${css.sizes[size]}`}
        style={{ width: `${starFillPercent(rating)}%` }}
      >
        <FiveStars />
      </span>
    </span>
  );
}
