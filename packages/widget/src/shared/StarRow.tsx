/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h } from 'preact';
import * as css from './StarRow.css.ts';

export type StarSize = 'small' | 'medium' | 'large';

/** One star in relative moves, so the same outline can start at any point. */
const STAR_OUTLINE = 'l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6-5.9-3.3-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';
/** Five stars in one path, 24 units apart: a row is four SVG elements, not twenty. */
const FIVE_STARS = [12, 36, 60, 84, 108].map((x) => `M${x} 2.5${STAR_OUTLINE}`).join('');

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
 * Five stars filled to `rating` (partial stars included), in four nodes: the
 * empty stars, then a nested `<svg>` as wide as the filled share with the
 * same stars inside (a nested svg clips what overflows it). Screen readers
 * hear one phrase instead of five images.
 */
export function StarRow({ rating, size = 'medium', label }: StarRowProps) {
  return (
    <svg
      class={`${css.row} ${css.sizes[size]}`}
      viewBox="0 0 120 24"
      part="stars"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      focusable="false"
    >
      <path d={FIVE_STARS} />
      <svg class={css.filled} width={`${starFillPercent(rating)}%`}>
        <path d={FIVE_STARS} />
      </svg>
    </svg>
  );
}
