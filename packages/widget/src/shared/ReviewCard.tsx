import type { Photo, Review, SafeHttpUrlOptions, Translator } from '@koubei/core';
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

/** The messages every card shows alike. */
const lookUpCardLabels = (t: Translator) => ({
  verified: t.t('reviews.verified'),
  incentivised: t.t('reviews.incentivised'),
  readMore: t.t('reviews.readMore'),
  readLess: t.t('reviews.readLess'),
  aspects: t.t('reviews.aspects'),
  photos: t.t('reviews.photos'),
  reply: t.t('reviews.reply'),
  helpfulQuestion: t.t('reviews.helpfulQuestion'),
  voted: t.t('reviews.voted'),
  voteFailed: t.t('reviews.voteFailed'),
});
type CardLabels = ReturnType<typeof lookUpCardLabels>;
const labelsByTranslator = new WeakMap<Translator, CardLabels>();

/** Looked up once per translator, not once per card (a page of reviews asked ten times each). */
function cardLabels(t: Translator): CardLabels {
  let labels = labelsByTranslator.get(t);
  if (!labels) labelsByTranslator.set(t, (labels = lookUpCardLabels(t)));
  return labels;
}

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
  const labels = cardLabels(t);
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
        {review.verifiedPurchase && <span class={css.badge}>{labels.verified}</span>}
      </div>
      {review.incentive && (
        <p class={css.disclosure} part="disclosure">
          {/* One string, one text node. */}
          {review.incentive.disclosure
            ? `${labels.incentivised} — ${review.incentive.disclosure}`
            : labels.incentivised}
        </p>
      )}
      <UserText
        id={bodyId}
        text={review.body}
        collapseAfter={collapseAfter}
        readMore={labels.readMore}
        readLess={labels.readLess}
      />
      {review.aspects.length > 0 && (
        <ul class={css.aspects} aria-label={labels.aspects}>
          {review.aspects.map(({ aspect, rating }) => (
            <li key={aspect}>{`${t.t(`aspect.${aspect}`)} ${rating}/5`}</li>
          ))}
        </ul>
      )}
      {photos.length > 0 && (
        <ul class={css.photos} aria-label={labels.photos}>
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
          <p class={css.replyLabel}>{labels.reply}</p>
          <UserText
            text={review.reply.body}
            collapseAfter={collapseAfter}
            readMore={labels.readMore}
            readLess={labels.readLess}
          />
        </div>
      )}
      {votes && !koubei.staticSite && <HelpfulVotes koubei={koubei} review={review} />}
    </article>
  );
}

function HelpfulVotes({ koubei, review }: { koubei: KoubeiServices; review: Review }) {
  const { t } = koubei;
  const labels = cardLabels(t);
  // One state object rather than four hooks: every card on the page has this group.
  const [state, setState] = useState<{
    helpful: number;
    unhelpful: number;
    vote: Vote | null;
    sending: boolean;
    failed: boolean;
  }>(() => ({
    helpful: review.helpfulCount,
    unhelpful: review.unhelpfulCount,
    vote: null,
    sending: false,
    failed: false,
  }));
  const { vote, sending, failed } = state;

  async function send(choice: Vote) {
    if (sending || vote === choice) return;
    setState((previous) => ({ ...previous, sending: true, failed: false }));
    try {
      const client = await koubei.client();
      const result = await client.voteHelpful(review.id, {
        voter: await koubei.visitorId(),
        helpful: choice === 'helpful',
      });
      setState((previous) => ({
        ...previous,
        helpful: result.helpfulCount,
        unhelpful: result.unhelpfulCount,
        vote: choice,
        sending: false,
      }));
      koubei.emit({
        type: 'helpful-vote',
        widget: 'reviews',
        product: review.product,
        detail: { helpful: choice === 'helpful' },
      });
    } catch {
      setState((previous) => ({ ...previous, sending: false, failed: true }));
    }
  }

  return (
    // The question shows through CSS from the group's name (ReviewCard.css.ts):
    // one name, read once, and two nodes fewer per card.
    <div class={css.votes} part="votes" role="group" aria-label={labels.helpfulQuestion}>
      <button
        type="button"
        class={css.voteButton}
        aria-pressed={vote === 'helpful'}
        disabled={sending}
        onClick={() => send('helpful')}
      >
        {t.t('reviews.helpful', { count: state.helpful })}
      </button>
      <button
        type="button"
        class={css.voteButton}
        aria-pressed={vote === 'unhelpful'}
        disabled={sending}
        onClick={() => send('unhelpful')}
      >
        {t.t('reviews.unhelpful', { count: state.unhelpful })}
      </button>
      {vote && <span role="status">{labels.voted}</span>}
      {failed && (
        <span role="alert" class={css.voteError}>
          {labels.voteFailed}
        </span>
      )}
    </div>
  );
}
