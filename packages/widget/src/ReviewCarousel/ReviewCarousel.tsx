import type { Review } from '@koubei/core';
import { LIMITS } from '@koubei/core';
import type { CarouselAction } from '../shared/Carousel.tsx';
import { Carousel } from '../shared/Carousel.tsx';
import { ReviewCard } from '../shared/ReviewCard.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import { EmptyState, ErrorState, Skeleton, StaleNotice } from '../shared/StateViews.tsx';
import { useRemote } from '../shared/use-remote.ts';
import * as css from './ReviewCarousel.css.ts';

export interface ReviewCarouselProps {
  readonly koubei: KoubeiServices;
  readonly product: string;
  /** Only reviews with at least this many stars (1–5). */
  readonly minRating?: number;
  /** How many reviews to show (1–50). */
  readonly limit?: number;
  /** Rotate on a timer (never under reduced motion; always with a pause button). */
  readonly autoplay?: boolean;
  readonly intervalMs?: number;
}

const STARS = [1, 2, 3, 4, 5] as const;

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

/**
 * A product's most helpful good reviews, one at a time, for a product page
 * or a landing page. No votes in the slides: a carousel is a showcase, and
 * the review list next to it is where shoppers weigh in.
 */
export function ReviewCarousel({
  koubei,
  product,
  minRating = 4,
  limit = 10,
  autoplay,
  intervalMs,
}: ReviewCarouselProps) {
  const { t } = koubei;
  const min = clamp(minRating, 1, 5, 4);
  const size = clamp(limit, 1, LIMITS.pageSize, 10);
  const [remote, retry] = useRemote<readonly Review[]>(
    `carousel:${product}:${min}:${size}`,
    async (signal, onRevalidated) => {
      const client = await koubei.client();
      const fetched = await client.getReviews(
        product,
        { sort: 'helpful', filter: { stars: STARS.filter((s) => s >= min) }, limit: size },
        { signal, onRevalidated: (page) => onRevalidated(page.items) },
      );
      return { ...fetched, data: fetched.data.items };
    },
  );

  if (remote.status === 'error' && !remote.data)
    return <ErrorState koubei={koubei} error={remote.error} onRetry={retry} />;
  // Controls row and one card: the size the carousel will have.
  if (!remote.data) return <Skeleton heights={[32, 220]} />;
  if (remote.data.length === 0) return <EmptyState>{t.t('reviews.empty')}</EmptyState>;

  function onNavigate(action: CarouselAction) {
    koubei.emit({ type: 'interaction', widget: 'carousel', product, detail: { action } });
  }

  return (
    <div class={css.carousel} part="review-carousel">
      {remote.stale && <StaleNotice koubei={koubei} />}
      <Carousel
        koubei={koubei}
        // Not "Customer reviews": a product page often has the review list too,
        // and two regions of one name cannot be told apart.
        label={t.t('reviews.highlights')}
        autoplay={autoplay}
        intervalMs={intervalMs}
        onNavigate={onNavigate}
        slides={remote.data.map((review) => ({
          key: review.id,
          content: (
            <div class={css.frame}>
              <ReviewCard koubei={koubei} review={review} votes={false} collapseAfter={240} />
            </div>
          ),
        }))}
      />
    </div>
  );
}
