import type { Testimonial } from '@koubei/core';
import { LIMITS, safeHttpUrl } from '@koubei/core';
import { useId } from 'preact/hooks';
import { Carousel } from '../shared/Carousel.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import { StarRow } from '../shared/StarRow.tsx';
import { EmptyState, ErrorState, Skeleton, StaleNotice } from '../shared/StateViews.tsx';
import { useRemote } from '../shared/use-remote.ts';
import { UserText } from '../shared/UserText.tsx';
import * as css from './TestimonialWall.css.ts';
import { Avatar } from '../shared/Avatar.tsx';

export { initials } from '../shared/Avatar.tsx';

export type TestimonialVariant = 'grid' | 'carousel';

export interface TestimonialWallProps {
  readonly koubei: KoubeiServices;
  /** A masonry grid of every card, or one card at a time. */
  readonly variant?: TestimonialVariant;
  readonly featuredOnly?: boolean;
  /** How many testimonials to show (1–50). */
  readonly limit?: number;
  /** Carousel variant only: rotate on a timer (never under reduced motion). */
  readonly autoplay?: boolean;
  readonly intervalMs?: number;
}

const DEFAULT_LIMIT = 12;

/** Featured first; otherwise the merchant's order (Array#sort is stable). */
export function arrangeTestimonials(
  items: readonly Testimonial[],
  featuredOnly: boolean,
  limit: number,
): Testimonial[] {
  return items
    .filter((item) => !featuredOnly || item.featured)
    .sort((a, b) => Number(b.featured) - Number(a.featured))
    .slice(0, limit);
}

/**
 * What shoppers and customers said about the shop: quotes with the author,
 * their role, a rating and where it was said. Everything from the API is
 * text; the avatar and the source link are shown only after the URL guard.
 */
export function TestimonialWall({
  koubei,
  variant = 'grid',
  featuredOnly = false,
  limit = DEFAULT_LIMIT,
  autoplay,
  intervalMs,
}: TestimonialWallProps) {
  const { t } = koubei;
  const headingId = `${useId()}-title`;
  const size = Number.isFinite(limit)
    ? Math.min(LIMITS.pageSize, Math.max(1, Math.round(limit)))
    : DEFAULT_LIMIT;
  const [remote, retry] = useRemote<readonly Testimonial[]>(
    `testimonials:${featuredOnly ? 'featured' : 'all'}:${size}`,
    async (signal, onRevalidated) => {
      const client = await koubei.client();
      const fetched = await client.getTestimonials(
        { ...(featuredOnly ? { featured: true } : {}), limit: size },
        { signal, onRevalidated: (list) => onRevalidated(list.items) },
      );
      return { ...fetched, data: fetched.data.items };
    },
  );
  const title = t.t('testimonials.title');
  const items = remote.data ? arrangeTestimonials(remote.data, featuredOnly, size) : null;

  let body;
  if (remote.status === 'error' && !remote.data)
    body = <ErrorState koubei={koubei} error={remote.error} onRetry={retry} />;
  else if (!items) body = <Skeleton heights={variant === 'carousel' ? [32, 180] : [140, 140]} />;
  else if (items.length === 0) body = <EmptyState>{t.t('testimonials.empty')}</EmptyState>;
  else if (variant === 'carousel')
    body = (
      <Carousel
        koubei={koubei}
        label={title}
        autoplay={autoplay}
        intervalMs={intervalMs}
        slides={items.map((item) => ({
          key: item.id,
          content: <TestimonialCard koubei={koubei} testimonial={item} />,
        }))}
      />
    );
  else
    body = (
      <ul class={css.grid}>
        {items.map((item) => (
          <li key={item.id} class={css.cell}>
            <TestimonialCard koubei={koubei} testimonial={item} />
          </li>
        ))}
      </ul>
    );

  // The carousel is its own named region; a second one around it would only repeat the name.
  const Root = variant === 'carousel' ? 'div' : 'section';
  return (
    <Root
      class={css.wall}
      part="testimonials"
      aria-labelledby={variant === 'carousel' ? undefined : headingId}
    >
      <h2 class={css.title} id={headingId}>
        {title}
      </h2>
      {remote.stale && <StaleNotice koubei={koubei} />}
      {body}
    </Root>
  );
}

export function TestimonialCard({
  koubei,
  testimonial,
}: {
  koubei: KoubeiServices;
  testimonial: Testimonial;
}) {
  const { t } = koubei;
  const { authorRole: role, authorCompany: company, rating } = testimonial;
  const avatar = safeHttpUrl(testimonial.avatarUrl, koubei.urlOptions);
  const source = safeHttpUrl(testimonial.sourceUrl, koubei.urlOptions);
  return (
    <figure class={css.card} part="testimonial">
      {(testimonial.featured || rating !== undefined) && (
        <div class={css.header}>
          {rating !== undefined && (
            <StarRow rating={rating} size="small" label={t.t('reviews.ratingLabel', { rating })} />
          )}
          {testimonial.featured && <span class={css.badge}>{t.t('testimonials.featured')}</span>}
        </div>
      )}
      <blockquote class={css.quote}>
        <UserText
          id={`koubei-testimonial-${testimonial.id}`}
          text={testimonial.quote}
          collapseAfter={280}
          readMore={t.t('reviews.readMore')}
          readLess={t.t('reviews.readLess')}
        />
      </blockquote>
      <figcaption class={css.author}>
        <Avatar
          name={testimonial.authorName}
          src={avatar}
          size={40}
          class={css.avatar}
          initialsClass={css.initials}
          letters={2}
        />
        <span class={css.who}>
          <bdi class={css.name}>{testimonial.authorName}</bdi>
          {(role || company) && (
            <span class={css.muted}>
              {role && <bdi>{role}</bdi>}
              {role && company && ' · '}
              {company && <bdi>{company}</bdi>}
            </span>
          )}
        </span>
      </figcaption>
      <p class={css.source}>
        <span>{t.t(`testimonials.source.${testimonial.source}`)}</span>
        {source && (
          <a
            class={css.link}
            href={source}
            // ugc nofollow: a stranger's link must not borrow the shop's ranking.
            rel="ugc nofollow noopener noreferrer"
            target="_blank"
          >
            {/* The guard returns punycode hosts, so a look-alike shows its real name. */}
            {new URL(source).hostname}
          </a>
        )}
      </p>
    </figure>
  );
}
