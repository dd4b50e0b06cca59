/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h } from 'preact';
import type { ProductSummary, Translator } from '@koubei/core';
import { safeLinkUrl } from '@koubei/core/first-paint';
import type { StarSize } from '../shared/StarRow.tsx';
import { StarRow } from '../shared/StarRow.tsx';
import * as css from './Stars.css.ts';

export interface StarsViewProps {
  /** The product's summary; `null` while it loads. */
  readonly summary: ProductSummary | null;
  readonly t: Translator;
  readonly size?: StarSize;
  /** Where the badge links: the product's reviews. Unsafe URLs are dropped. */
  readonly href?: string;
  /** The page's URL, for resolving a relative `href`. */
  readonly baseUrl?: string;
  /** Show the badge for products without reviews ("No reviews yet"); hidden by default. */
  readonly showEmpty?: boolean;
}

/**
 * The star badge: average with partial-star fill and review count, read out
 * as a single image ("4.6 out of 5, 128 reviews"). Stateless and hook-free so
 * it can paint from the loader's batched data with nothing else loaded.
 */
export function StarsView({
  summary,
  t,
  size = 'medium',
  href,
  baseUrl,
  showEmpty = false,
}: StarsViewProps) {
  if (!summary) return <span class={css.skeleton} aria-hidden="true" part="skeleton" />;
  if (summary.count === 0 && !showEmpty) return null;

  const label =
    summary.count === 0
      ? t.t('stars.none')
      : t.t('stars.label', { rating: t.formatRating(summary.mean), count: summary.count });
  const content = (
    <span class={css.badge} role="img" aria-label={label} part="badge">
      <StarRow rating={summary.count === 0 ? 0 : summary.mean} size={size} />
      {summary.count > 0 && (
        <span aria-hidden="true">
          {t.formatRating(summary.mean)}{' '}
          <span class={css.count}>({t.formatNumber(summary.count)})</span>
        </span>
      )}
    </span>
  );
  const link = safeLinkUrl(href, { base: baseUrl });
  return link ? (
    <a class={`${css.badge} ${css.link}`} href={link} part="link">
      {content}
    </a>
  ) : (
    content
  );
}
