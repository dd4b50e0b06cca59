import type { Photo, Review, SafeHttpUrlOptions } from '@koubei/core';
import { formatDate, formatRelativeTime } from '@koubei/core';
import { useState } from 'preact/hooks';
import { photoSources } from './photo-sources.ts';
import * as css from './ReviewCard.css.ts';
import type { KoubeiServices } from './services.ts';
import { StarRow } from './StarRow.tsx';
import { UserText } from './UserText.tsx';

export interface ReviewCardProps {
  readonly koubei: KoubeiServices;
  readonly review: Review;
  /** Heading level of the review title, to fit the page's outline. */
  readonly headingLevel?: 2 | 3 | 4;
  /** Opens a photo of this review (the list's lightbox); omitted, photos are plain thumbnails. */
  readonly onOpenPhoto?: (review: Review, index: number) => void;
  /** Collapse the body after this many characters behind "Read more". */
  readonly collapseAfter?: number;
  /** Show helpful/not helpful buttons. */
  readonly votes?: boolean;
}

type Vote = 'helpful' | 'unhelpful';

/** A review's photos (not video links) whose URLs pass the guard, in order. */
export function reviewPhotos(review: Review, options?: SafeHttpUrlOptions): Photo[] {
  return review.media.flatMap((media) =>
    media.kind === 'photo' && (!options || photoSources(media, options)) ? [media] : [],
  );
}

/**
 * One review: rating, title, text, author, date, badges, aspects, photos,
 * helpful votes and the shop's public reply. Every string from the review is
 * rendered as text; every URL goes through the guard.
 */
export function ReviewCard({
  koubei,
  review,
  headingLevel = 3,
  onOpenPhoto,
  collapseAfter = 400,
  votes = true,
}: ReviewCardProps) {
  const { t } = koubei;
  const Heading = `h${headingLevel}` as 'h3';
  const bodyId = `koubei-review-${review.id}`;
  // Photos whose URL fails the guard are left out before numbering, so
  // "photo 2 of 3" counts only what is shown (and matches the lightbox).
  const photos = reviewPhotos(review).flatMap((media) => {
    const sources = photoSources(media, koubei.urlOptions);
    return sources ? [{ media, sources }] : [];
  });
  const relative = formatRelativeTime(t.locale, review.createdAt, koubei.now());

  return (
    <article class={css.card} part="review" aria-labelledby={`${bodyId}-title`}>
      {/* The stars and the title share the card's first grid row: no wrapper element. */}
      <StarRow
        rating={review.rating}
        size="small"
        label={t.t('reviews.ratingLabel', { rating: review.rating })}
      />
      <Heading class={css.title} id={`${bodyId}-title`} dir="auto">
        {review.title || t.t('reviews.by', { name: review.authorName })}
      </Heading>
      <div class={css.meta}>
        <bdi class={css.author}>{review.authorName}</bdi>
        {/* A ternary, not `&&`: an empty string would render as an empty text node. */}
        {relative ? (
          <time
            dateTime={review.createdAt}
            title={formatDate(t.locale, review.createdAt, { dateStyle: 'long' })}
          >
            {relative}
          </time>
        ) : null}
        {review.verifiedPurchase && <span class={css.badge}>{t.t('reviews.verified')}</span>}
      </div>
      {review.incentive && (
        <p class={css.disclosure} part="disclosure">
          {/* One string, one text node. */}
          {review.incentive.disclosure
            ? `${t.t('reviews.incentivised')} — ${review.incentive.disclosure}`
            : t.t('reviews.incentivised')}
        </p>
      )}
      <UserText
        id={bodyId}
        text={review.body}
        collapseAfter={collapseAfter}
        readMore={t.t('reviews.readMore')}
        readLess={t.t('reviews.readLess')}
      />
      {review.aspects.length > 0 && (
        <ul class={css.aspects} aria-label={t.t('reviews.aspects')}>
          {review.aspects.map(({ aspect, rating }) => (
            <li key={aspect}>{`${t.t(`aspect.${aspect}`)} ${rating}/5`}</li>
          ))}
        </ul>
      )}
      {photos.length > 0 && (
        <ul class={css.photos} aria-label={t.t('reviews.photos')}>
          {photos.map(({ media, sources }, index) => (
            <li key={media.id}>
              {onOpenPhoto ? (
                <button
                  type="button"
                  class={css.photoButton}
                  onClick={() => onOpenPhoto(review, index)}
                  aria-label={t.t('media.open', { index: index + 1, total: photos.length })}
                >
                  <img
                    class={css.photo}
                    src={sources.src}
                    srcset={sources.srcset}
                    sizes="72px"
                    width={sources.width}
                    height={sources.height}
                    alt={media.alt}
                    loading="lazy"
                    decoding="async"
                    referrerpolicy="no-referrer"
                  />
                </button>
              ) : (
                <img
                  class={`${css.photoButton} ${css.photo}`}
                  src={sources.src}
                  width={sources.width}
                  height={sources.height}
                  alt={media.alt}
                  loading="lazy"
                  decoding="async"
                  referrerpolicy="no-referrer"
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {review.reply && (
        // Not a landmark: a page of reviews with several replies would repeat one.
        <div class={css.reply} part="reply">
          <p class={css.replyLabel}>{t.t('reviews.reply')}</p>
          <UserText
            text={review.reply.body}
            collapseAfter={collapseAfter}
            readMore={t.t('reviews.readMore')}
            readLess={t.t('reviews.readLess')}
          />
        </div>
      )}
      {votes && !koubei.staticSite && <HelpfulVotes koubei={koubei} review={review} />}
    </article>
  );
}

function HelpfulVotes({ koubei, review }: { koubei: KoubeiServices; review: Review }) {
  const { t } = koubei;
  const [counts, setCounts] = useState({
    helpful: review.helpfulCount,
    unhelpful: review.unhelpfulCount,
  });
  const [vote, setVote] = useState<Vote | null>(null);
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function send(choice: Vote) {
    if (sending || vote === choice) return;
    setSending(true);
    setFailed(false);
    try {
      const client = await koubei.client();
      const result = await client.voteHelpful(review.id, {
        voter: await koubei.visitorId(),
        helpful: choice === 'helpful',
      });
      setCounts({ helpful: result.helpfulCount, unhelpful: result.unhelpfulCount });
      setVote(choice);
      koubei.emit({
        type: 'helpful-vote',
        widget: 'reviews',
        product: review.product,
        detail: { helpful: choice === 'helpful' },
      });
    } catch {
      setFailed(true);
    } finally {
      setSending(false);
    }
  }

  return (
    <div class={css.votes} part="votes" role="group" aria-label={t.t('reviews.helpfulQuestion')}>
      <span aria-hidden="true">{t.t('reviews.helpfulQuestion')}</span>
      <button
        type="button"
        class={css.voteButton}
        aria-pressed={vote === 'helpful'}
        disabled={sending}
        onClick={() => send('helpful')}
      >
        {t.t('reviews.helpful', { count: counts.helpful })}
      </button>
      <button
        type="button"
        class={css.voteButton}
        aria-pressed={vote === 'unhelpful'}
        disabled={sending}
        onClick={() => send('unhelpful')}
      >
        {t.t('reviews.unhelpful', { count: counts.unhelpful })}
      </button>
      {vote && <span role="status">{t.t('reviews.voted')}</span>}
      {failed && (
        <span role="alert" class={css.voteError}>
          {t.t('reviews.voteFailed')}
        </span>
      )}
    </div>
  );
}
