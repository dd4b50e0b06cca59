import type { AspectSummary, ProductSummary } from '@koubei/core';
import { productState } from '../shared/product-state.ts';
import type { KoubeiServices } from '../shared/services.ts';
import { StarRow } from '../shared/StarRow.tsx';
import { ErrorState, Skeleton } from '../shared/StateViews.tsx';
import { useRemote } from '../shared/use-remote.ts';
import { visuallyHidden } from '../styles/theme.css.ts';
import * as css from './RatingSummary.css.ts';

export interface RatingSummaryProps {
  readonly koubei: KoubeiServices;
  readonly product: string;
}

const STARS_DOWN = [5, 4, 3, 2, 1] as const;

/**
 * Mean, count, histogram and what customers rate per aspect. Each histogram
 * bar is a toggle button that filters this product's review list to that
 * star rating (the list reads the same shared state).
 */
export function RatingSummary({ koubei, product }: RatingSummaryProps) {
  const [remote, retry] = useRemote(`summary:${product}`, (signal) =>
    koubei.summaries.getSummary(product, { signal }),
  );
  if (remote.status === 'error' && !remote.data)
    return <ErrorState koubei={koubei} error={remote.error} onRetry={retry} />;
  if (!remote.data) return <Skeleton heights={[56, 120]} />;
  return <SummaryView koubei={koubei} summary={remote.data} />;
}

export function SummaryView({
  koubei,
  summary,
}: {
  koubei: KoubeiServices;
  summary: ProductSummary;
}) {
  const { t } = koubei;
  const state = productState(koubei, summary.product);
  const selected = state.filter.value.stars ?? [];

  function toggle(stars: number) {
    const next = selected.length === 1 && selected[0] === stars ? [] : [stars];
    state.filter.value = { ...state.filter.value, stars: next };
    koubei.emit({
      type: 'filter',
      widget: 'summary',
      product: summary.product,
      detail: { stars: next.join(',') || 'all' },
    });
  }

  if (summary.count === 0) return <p class={css.muted}>{t.t('stars.none')}</p>;
  const rating = t.formatRating(summary.mean);
  return (
    <section class={css.summary} part="summary" aria-label={t.t('summary.title')}>
      <div class={css.overview}>
        <p class={css.mean} aria-hidden="true">
          {rating}
        </p>
        <StarRow
          rating={summary.mean}
          size="large"
          label={t.t('stars.label', { rating, count: summary.count })}
        />
        <p class={css.muted}>{t.t('summary.basedOn', { count: summary.count })}</p>
        {summary.recommendRate !== null && (
          <p class={css.muted}>
            {t.t('summary.recommend', { percent: t.formatPercent(summary.recommendRate) })}
          </p>
        )}
      </div>
      <ul class={css.bars} aria-label={t.t('reviews.filter.label')}>
        {STARS_DOWN.map((stars) => {
          const count = summary.histogram[stars - 1] ?? 0;
          // The contract checks each number, not that the bars add up to the count:
          // out of the larger of the two, no bar can pass 100 %.
          const total = Math.max(
            summary.count,
            summary.histogram.reduce((sum, n) => sum + n, 0),
          );
          const share = total === 0 ? 0 : count / total;
          return (
            <li key={stars}>
              <button
                type="button"
                class={css.barButton}
                aria-pressed={selected.length === 1 && selected[0] === stars}
                disabled={count === 0}
                onClick={() => toggle(stars)}
              >
                {/* The name is the visible text plus a hidden tail: "5 stars 83 reviews (65%)". */}
                <span>{t.t('reviews.filter.stars', { stars, count: stars })}</span>{' '}
                <span class={css.track} aria-hidden="true">
                  <span class={css.fill} style={{ width: `${Math.round(share * 1000) / 10}%` }} />
                </span>
                <span class={css.count}>
                  {t.formatNumber(count)}
                  <span class={visuallyHidden}>
                    {' '}
                    {t.t('summary.barDetail', { count, percent: t.formatPercent(share) })}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {summary.aspects.length > 0 && <Aspects koubei={koubei} aspects={summary.aspects} />}
    </section>
  );
}

function Aspects({
  koubei,
  aspects,
}: {
  koubei: KoubeiServices;
  aspects: readonly AspectSummary[];
}) {
  const { t } = koubei;
  return (
    <ul class={css.aspects} aria-label={t.t('reviews.aspects')}>
      {aspects.map(({ aspect, mean, count }) => (
        <li key={aspect} class={css.aspectRow}>
          <span>{t.t(`aspect.${aspect}`)}</span>
          <span
            class={css.track}
            role="img"
            aria-label={`${t.formatRating(mean)} / 5 (${t.formatNumber(count)})`}
          >
            <span class={css.fill} style={{ width: `${Math.round((mean / 5) * 1000) / 10}%` }} />
          </span>
          <span aria-hidden="true">{t.formatRating(mean)}</span>
        </li>
      ))}
    </ul>
  );
}
