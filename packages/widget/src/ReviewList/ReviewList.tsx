import type { Review, ReviewFilter, ReviewPage, ReviewSort } from '@koubei/core';
import { REVIEW_SORTS, safeLinkUrl } from '@koubei/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { productState } from '../shared/product-state.ts';
import { Lightbox } from '../shared/Lightbox.tsx';
import { ReviewCard, reviewPhotos } from '../shared/ReviewCard.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import { EmptyState, ErrorState, Skeleton, StaleNotice } from '../shared/StateViews.tsx';
import * as states from '../shared/StateViews.css.ts';
import { useRemote } from '../shared/use-remote.ts';
import { visuallyHidden } from '../styles/theme.css.ts';
import * as css from './ReviewList.css.ts';

export interface ReviewListProps {
  readonly koubei: KoubeiServices;
  readonly product: string;
  /** Reviews per page (1–50). Only one page is ever in the DOM, whatever the total. */
  readonly pageSize?: number;
  /** The shop's page on how reviews are collected and checked (EU Omnibus); a path or https URL. */
  readonly disclosureHref?: string;
  /** Heading level of the list title; review titles sit one level below. */
  readonly headingLevel?: 2 | 3;
}

const STAR_CHOICES = [5, 4, 3, 2, 1] as const;

function hasFilter(filter: ReviewFilter): boolean {
  return Boolean(
    filter.stars?.length || filter.withMedia || filter.verifiedOnly || filter.language,
  );
}

/**
 * The product's reviews, one page at a time: sort, filters (stars, photos,
 * verified, language) and keyset paging with a cursor stack for going back.
 * Sort and filters live in the product's shared state, so the rating
 * summary's bars drive this list.
 */
export function ReviewList({
  koubei,
  product,
  pageSize = 10,
  disclosureHref,
  headingLevel = 2,
}: ReviewListProps) {
  const { t } = koubei;
  const state = productState(koubei, product);
  const filter = state.filter.value;
  const sort = state.sort.value;
  const queryKey = JSON.stringify([product, sort, filter, pageSize]);
  // Cursors of the pages so far (the last one is this page's), for the query
  // they belong to: a new sort or filter starts again at the first page.
  const [paging, setPaging] = useState<{ query: string; cursors: (string | null)[] }>({
    query: queryKey,
    cursors: [null],
  });
  const cursors = paging.query === queryKey ? paging.cursors : [null];
  const cursor = cursors[cursors.length - 1] ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  const [viewer, setViewer] = useState<{ review: Review; index: number } | null>(null);
  const Heading = `h${headingLevel}` as 'h2';

  const [remote, retry] = useRemote<ReviewPage>(
    `${queryKey}:${cursor ?? ''}`,
    async (signal, onRevalidated) => {
      const client = await koubei.client();
      return client.getReviews(
        product,
        { sort, filter, cursor, limit: pageSize },
        { signal, onRevalidated },
      );
    },
  );

  const reported = useRef(false);
  useEffect(() => {
    if (remote.status !== 'ready' || reported.current) return;
    reported.current = true;
    koubei.emit({ type: 'view', widget: 'reviews', product });
  }, [remote.status]);

  function update(next: Partial<{ filter: ReviewFilter; sort: ReviewSort }>) {
    if (next.filter) state.filter.value = next.filter;
    if (next.sort) state.sort.value = next.sort;
    koubei.emit({
      type: 'filter',
      widget: 'reviews',
      product,
      detail: { sort: next.sort ?? sort, stars: (next.filter ?? filter).stars?.join(',') || 'all' },
    });
  }

  function goTo(nextCursors: (string | null)[]) {
    setPaging({ query: queryKey, cursors: nextCursors });
    koubei.emit({ type: 'page', widget: 'reviews', product, detail: { page: nextCursors.length } });
    // Keyboard and screen-reader users land on the list, not at the bottom of the old page.
    heading.current?.focus();
  }

  const toggleStars = (stars: number) => {
    const current = filter.stars ?? [];
    update({
      filter: {
        ...filter,
        stars: current.includes(stars) ? current.filter((s) => s !== stars) : [...current, stars],
      },
    });
  };
  const language = t.locale.split('-')[0] ?? 'en';
  const page = remote.data;
  const reviews: readonly Review[] = page?.items ?? [];
  // The range describes the reviews on screen, which stay until the next page arrives.
  const shownFirst = useRef(1);
  if (remote.status === 'ready') shownFirst.current = (cursors.length - 1) * pageSize + 1;
  const first = shownFirst.current;
  const disclosure = safeLinkUrl(disclosureHref, { base: koubei.pageUrl });

  return (
    <section class={css.list} part="reviews" aria-labelledby={`koubei-reviews-${product}`}>
      <Heading class={css.heading} id={`koubei-reviews-${product}`} tabIndex={-1} ref={heading}>
        {t.t('reviews.title')}
      </Heading>
      <div class={css.toolbar} part="toolbar">
        <label class={css.label}>
          {t.t('reviews.sort')}
          <select
            class={css.select}
            value={sort}
            onChange={(event) =>
              update({ sort: (event.currentTarget as HTMLSelectElement).value as ReviewSort })
            }
          >
            {REVIEW_SORTS.map((option) => (
              <option key={option} value={option}>
                {t.t(`reviews.sort.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {/* A static export has the sort orders, not every filtered list. */}
        {!koubei.staticSite && (
          <fieldset class={css.chips}>
            <legend class={visuallyHidden}>{t.t('reviews.filter.label')}</legend>
            {STAR_CHOICES.map((stars) => (
              <button
                key={stars}
                type="button"
                class={css.chip}
                aria-pressed={filter.stars?.includes(stars) ?? false}
                onClick={() => toggleStars(stars)}
              >
                {t.t('reviews.filter.stars', { stars, count: stars })}
              </button>
            ))}
            <button
              type="button"
              class={css.chip}
              aria-pressed={!!filter.withMedia}
              onClick={() => update({ filter: { ...filter, withMedia: !filter.withMedia } })}
            >
              {t.t('reviews.filter.withMedia')}
            </button>
            <button
              type="button"
              class={css.chip}
              aria-pressed={!!filter.verifiedOnly}
              onClick={() => update({ filter: { ...filter, verifiedOnly: !filter.verifiedOnly } })}
            >
              {t.t('reviews.filter.verified')}
            </button>
            <button
              type="button"
              class={css.chip}
              aria-pressed={filter.language === language}
              onClick={() =>
                update({
                  filter: {
                    ...filter,
                    language: filter.language === language ? undefined : language,
                  },
                })
              }
            >
              {t.t('reviews.filter.language')}
            </button>
            {hasFilter(filter) && (
              <button
                type="button"
                class={states.quietButton}
                onClick={() => update({ filter: {} })}
              >
                {t.t('reviews.filter.clear')}
              </button>
            )}
          </fieldset>
        )}
      </div>

      {remote.stale && <StaleNotice koubei={koubei} />}
      {remote.status === 'error' && !page && (
        <ErrorState koubei={koubei} error={remote.error} onRetry={retry} />
      )}
      {!page && remote.status === 'loading' && <Skeleton heights={[150, 150, 150]} />}
      {page && reviews.length === 0 && remote.status !== 'loading' && (
        <EmptyState>
          {hasFilter(filter) ? t.t('reviews.emptyFiltered') : t.t('reviews.empty')}
        </EmptyState>
      )}
      {reviews.length > 0 && (
        <ul class={css.items} aria-busy={remote.status === 'loading'}>
          {reviews.map((review) => (
            <li key={review.id}>
              <ReviewCard
                koubei={koubei}
                review={review}
                headingLevel={headingLevel === 2 ? 3 : 4}
                onOpenPhoto={(opened, index) => {
                  setViewer({ review: opened, index });
                  koubei.emit({
                    type: 'photo-open',
                    widget: 'reviews',
                    product,
                    detail: { index },
                  });
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {(reviews.length > 0 || cursors.length > 1) && (
        <nav class={css.pager} aria-label={t.t('reviews.pages')}>
          <button
            type="button"
            class={states.quietButton}
            disabled={cursors.length === 1 || remote.status === 'loading'}
            onClick={() => goTo(cursors.slice(0, -1))}
          >
            {t.t('reviews.previousPage')}
          </button>
          <span role="status">
            {reviews.length > 0
              ? t.t('reviews.range', { from: first, to: first + reviews.length - 1 })
              : ''}
          </span>
          <button
            type="button"
            class={states.button}
            disabled={!page?.nextCursor || remote.status === 'loading'}
            onClick={() => page?.nextCursor && goTo([...cursors, page.nextCursor])}
          >
            {t.t('reviews.nextPage')}
          </button>
        </nav>
      )}
      {viewer && (
        <Lightbox
          koubei={koubei}
          items={reviewPhotos(viewer.review, koubei.urlOptions).map((photo) => ({
            photo,
            authorName: viewer.review.authorName,
            rating: viewer.review.rating,
            createdAt: viewer.review.createdAt,
          }))}
          index={viewer.index}
          onIndexChange={(index) => setViewer({ ...viewer, index })}
          onClose={() => setViewer(null)}
        />
      )}
      {/* Only under loaded reviews: shown below the skeleton, it would jump down (layout shift). */}
      {page && (
        <p class={css.disclosure}>
          {disclosure ? (
            <a class={css.link} href={disclosure}>
              {t.t('reviews.disclosure')}
            </a>
          ) : (
            t.t('reviews.disclosure')
          )}
        </p>
      )}
    </section>
  );
}
