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

function FiveStars() {
  return (
    <svg class={css.star} viewBox="0 0 120 24" aria-hidden="true" focusable="false">
      <path d={FIVE_STARS} />
    </svg>
  );
}

/** Share of the row to fill, 0–100; anything odd (NaN, out of range) is clamped. */
export function starFillPercent(rating: number): number {
  if (!Number.isFinite(rating)) return 0;
  return Math.round(Math.min(100, Math.max(0, (rating / 5) * 100)) * 10) / 10;
}

/**
 * Five stars filled to `rating` (partial stars included). Purely decorative:
 * the caller gives the accessible name, so screen readers hear one phrase
 * ("4.6 out of 5, 128 reviews") instead of five images.
 */
export function StarRow({ rating, size = 'medium' }: { rating: number; size?: StarSize }) {
  return (
    <span class={`${css.row} ${css.sizes[size]}`} aria-hidden="true" part="stars">
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
