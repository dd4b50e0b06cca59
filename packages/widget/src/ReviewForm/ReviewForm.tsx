import type { AspectKey, KoubeiError, MessageKey } from '@koubei/core';
import {
  ASPECT_KEYS,
  LIMITS,
  NetworkError,
  detectStorage,
  isHttpError,
  isInvalidRequestError,
  isKoubeiError,
  normalizeUserText,
  safeLinkUrl,
} from '@koubei/core';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { KoubeiServices } from '../shared/services.ts';
import * as states from '../shared/StateViews.css.ts';
import { visuallyHidden } from '../styles/theme.css.ts';
import { FieldError, StarRadioGroup, describedBy } from './fields.tsx';
import type { FormDraft } from './form-draft.ts';
import { createDraftStore, emptyDraft } from './form-draft.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import * as css from './ReviewForm.css.ts';
import type { FieldErrors, FieldName } from './review-submission.ts';
import { firstInvalid, mapIssues, toSubmission, validateSubmission } from './review-submission.ts';
import type { PhotoItem } from './use-photo-uploads.ts';
import { usePhotoUploads } from './use-photo-uploads.ts';

export interface ReviewFormProps {
  readonly koubei: KoubeiServices;
  readonly product: string;
  /** The shop's name for the product, shown in the heading. */
  readonly productName?: string;
  /**
   * The shopper was offered something (a discount, points) for reviewing:
   * the form says so, and that it is shown with the review (FTC, EU Omnibus).
   */
  readonly incentivised?: boolean;
  /** Aspects to rate besides the overall stars; optional for the shopper. */
  readonly aspects?: readonly AspectKey[];
  /** The shop's terms for published reviews: a path or an https URL. */
  readonly termsHref?: string;
  readonly headingLevel?: 2 | 3;
}

const DEFAULT_ASPECTS: readonly AspectKey[] = ['quality', 'value', 'delivery'];
// Long enough not to write on every keystroke, short enough to lose nothing on a crash.
const SAVE_DELAY_MS = 400;
// The length hint is spoken only near the limit, and only once typing pauses.
const COUNT_WARNING_SHARE = 0.1;
const COUNT_SPEAK_DELAY_MS = 1000;

type Phase =
  | { readonly kind: 'editing' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'failed'; readonly error: KoubeiError }
  | { readonly kind: 'sent'; readonly status: 'published' | 'pending' };

function failureMessage(error: KoubeiError): MessageKey {
  if (error.kind === 'network') return 'form.error.offline';
  if (isHttpError(error) && error.status === 429) return 'state.rateLimited';
  // Other 4xx answers: sending the same again will not help until something changes.
  if (isHttpError(error) && error.status < 500 && error.status !== 408) return 'form.error.invalid';
  return 'form.error.send';
}

const uploadedIds = (photos: readonly PhotoItem[]) =>
  photos.flatMap((photo) => (photo.uploaded ? [photo.uploaded.id] : []));

/** `value` once it has stopped changing for `delayMs`. */
function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * The review form: stars, title, text, optional aspects, recommendation,
 * photos, name and email. Nothing typed is lost: the draft is kept in
 * storage until the review is accepted, and every send of one draft carries
 * the same Idempotency-Key, so retries never make a second review.
 */
export function ReviewForm(props: ReviewFormProps) {
  // Another product is another draft: start afresh rather than mix them.
  return <ReviewFormFor key={`${props.koubei.store}:${props.product}`} {...props} />;
}

function ReviewFormFor({
  koubei,
  product,
  productName,
  incentivised = false,
  aspects = DEFAULT_ASPECTS,
  termsHref,
  headingLevel = 2,
}: ReviewFormProps) {
  const { t } = koubei;
  const id = useId();
  const ids = {
    heading: `${id}-heading`,
    error: (field: FieldName) => `${id}-${field}-error`,
    bodyLimit: `${id}-body-limit`,
    emailHint: `${id}-email-hint`,
    incentive: `${id}-incentive`,
  };
  const drafts = useMemo(
    () =>
      createDraftStore(
        detectStorage(() => globalThis.localStorage),
        { store: koubei.store, product },
        koubei.now,
      ),
    [],
  );
  const [draft, setDraft] = useState<FormDraft>(() => drafts.load() ?? emptyDraft());
  const photos = usePhotoUploads(koubei, draft.photos);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const [pickNotice, setPickNotice] = useState<MessageKey | null>(null);
  const formToken = useRef<string | undefined>(undefined);
  const sending = useRef(false);
  const sent = useRef(false);
  const unmounted = useRef(new AbortController()).current;
  const form = useRef<HTMLFormElement>(null);
  const thanks = useRef<HTMLDivElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<FieldName | 'thanks' | 'submit' | null>(null);
  const shownAspects = aspects.filter(
    (aspect, index) => ASPECT_KEYS.includes(aspect) && aspects.indexOf(aspect) === index,
  );

  // What would be restored after a reload: the fields and the photos that reached the server.
  const latest = useRef(draft);
  latest.current = {
    ...draft,
    photos: photos.items.flatMap((photo) => (photo.uploaded ? [photo.uploaded] : [])),
  };
  const saveNow = () => {
    if (!sent.current) drafts.save(latest.current);
  };

  useEffect(() => {
    const timer = setTimeout(saveNow, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, photos.items]);

  useEffect(() => {
    // Closing the tab or switching apps within the save delay must not lose the last words.
    const onHidden = () => document.visibilityState === 'hidden' && saveNow();
    addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', onHidden);
    // A form token dates the form; without one the review is still taken, only checked harder.
    koubei
      .client()
      .then((client) => client.getFormToken(unmounted.signal))
      .then(
        ({ token }) => (formToken.current = token),
        () => undefined,
      );
    koubei.emit({ type: 'view', widget: 'form', product });
    return () => {
      removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', onHidden);
      unmounted.abort();
      saveNow();
    };
  }, []);

  // Focus moves in the commit that shows the errors (so the field is read with its
  // message); a layout effect, because a plain effect of an earlier render may
  // still be pending and would take the target too soon.
  useLayoutEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'thanks') thanks.current?.focus();
    else if (target === 'submit') submitButton.current?.focus();
    else if (target) {
      const root = form.current;
      const element =
        (target === 'photos' ? root?.querySelector('[data-photo-failed]') : null) ??
        root?.querySelector(`[data-field="${target}"]`);
      (element as HTMLElement | null | undefined)?.focus();
    }
  });

  function clearError(field: FieldName) {
    setErrors((current) => {
      if (!current[field]) return current;
      const rest = { ...current };
      delete rest[field];
      return rest;
    });
  }

  function change<K extends keyof FormDraft & FieldName>(field: K, value: FormDraft[K]) {
    setDraft((current) => ({ ...current, [field]: value }));
    clearError(field);
  }

  function rateAspect(aspect: AspectKey, rating: number) {
    setDraft((current) => {
      const next = { ...current.aspects };
      if (rating > 0) next[aspect] = rating;
      else delete next[aspect];
      return { ...current, aspects: next };
    });
    clearError('aspects');
  }

  function showErrors(fields: FieldErrors) {
    setPhase({ kind: 'editing' });
    setErrors(fields);
    focusNext.current = firstInvalid(fields) ?? null;
  }

  async function send(snapshot: FormDraft) {
    const submissionWith = (photoIds: readonly string[]) =>
      toSubmission(snapshot, {
        language: t.locale,
        aspects: shownAspects,
        photoIds,
        formToken: formToken.current,
        website,
      });
    const checked = validateSubmission(submissionWith(uploadedIds(photos.items)), snapshot.consent);
    const fields: FieldErrors = photos.items.some((photo) => photo.status === 'failed')
      ? { ...checked.fields, photos: { key: 'form.error.photos' } }
      : checked.fields;
    if (firstInvalid(fields)) return showErrors(fields);

    setErrors({});
    setPhase({ kind: 'sending' });
    const settled = await photos.settled();
    if (settled.some((photo) => photo.status === 'failed'))
      return showErrors({ photos: { key: 'form.error.photos' } });

    const submission = submissionWith(uploadedIds(settled));
    try {
      const client = await koubei.client();
      const result = await client.submitReview(product, submission, {
        idempotencyKey: snapshot.idempotencyKey,
        signal: unmounted.signal,
      });
      sent.current = true;
      drafts.clear();
      setPhase({ kind: 'sent', status: result.status });
      focusNext.current = 'thanks';
      koubei.emit({ type: 'submit', widget: 'form', product });
    } catch (error) {
      const failure = isKoubeiError(error) ? error : new NetworkError(undefined, { cause: error });
      if (failure.kind === 'aborted') return;
      koubei.emit({
        type: 'submit-error',
        widget: 'form',
        product,
        detail: { reason: failure.kind },
      });
      const issues = isHttpError(failure) || isInvalidRequestError(failure) ? failure.issues : [];
      const mapped = mapIssues(issues, submission);
      if (firstInvalid(mapped.fields)) return showErrors(mapped.fields);
      setPhase({ kind: 'failed', error: failure });
    }
  }

  async function submit(event?: Event) {
    event?.preventDefault();
    // A double click, or Enter and then a click, must send one review. State
    // changes only land at the next render; the ref blocks at once.
    if (sending.current || sent.current) return;
    sending.current = true;
    try {
      await send(draft);
    } finally {
      sending.current = false;
    }
  }

  // The length the schema checks: the text as it will be sent.
  const body = normalizeUserText(draft.body, { multiline: true });
  const remaining = LIMITS.reviewBody - body.length;
  const lengthWarning =
    remaining >= LIMITS.reviewBody * COUNT_WARNING_SHARE
      ? ''
      : remaining >= 0
        ? t.t('form.charactersLeft', { count: remaining })
        : t.t('form.charactersOver', { count: -remaining });
  const spokenLengthWarning = useSettledValue(lengthWarning, COUNT_SPEAK_DELAY_MS);

  const Heading = `h${headingLevel}` as 'h2';
  const title = productName
    ? t.t('form.titleFor', { product: normalizeUserText(productName) })
    : t.t('form.title');

  if (phase.kind === 'sent') {
    return (
      <div class={css.form} part="form">
        <Heading class={css.heading}>{title}</Heading>
        <div ref={thanks} class={css.thanks} role="status" tabIndex={-1} part="thanks">
          {t.t(phase.status === 'published' ? 'form.thanks' : 'form.pending')}
        </div>
      </div>
    );
  }

  const busy = phase.kind === 'sending';
  const errorCount = Object.keys(errors).length;
  const terms = safeLinkUrl(termsHref, { base: koubei.pageUrl });
  const errorIdOf = (field: FieldName) => (errors[field] ? ids.error(field) : undefined);
  const invalid = (field: FieldName) => (errors[field] ? 'true' : undefined);
  const inputValue = (event: Event) => (event.currentTarget as HTMLInputElement).value;

  return (
    <div class={css.form} part="form">
      <Heading id={ids.heading} class={css.heading}>
        {title}
      </Heading>
      <form
        ref={form}
        class={css.fields}
        aria-labelledby={ids.heading}
        noValidate
        onSubmit={submit}
      >
        <div class={css.field}>
          <StarRadioGroup
            t={t}
            name={`${id}-rating`}
            legend={t.t('form.rating')}
            value={draft.rating}
            onChange={(rating) => change('rating', rating)}
            size="large"
            required
            errorId={errorIdOf('rating')}
            field="rating"
          >
            {/* The radios already tell screen readers what is checked. */}
            <span class={css.ratingState} aria-hidden="true">
              {draft.rating
                ? t.t('form.ratingValue', { count: draft.rating })
                : t.t('form.ratingNone')}
            </span>
          </StarRadioGroup>
          <FieldError t={t} id={ids.error('rating')} error={errors.rating} />
        </div>

        <div class={css.field}>
          <label class={css.label} for={`${id}-title`}>
            {t.t('form.reviewTitle')}
          </label>
          <input
            id={`${id}-title`}
            class={css.input}
            type="text"
            autoComplete="off"
            value={draft.title}
            onInput={(event) => change('title', inputValue(event))}
            aria-invalid={invalid('title')}
            aria-describedby={errorIdOf('title')}
            data-field="title"
          />
          <FieldError t={t} id={ids.error('title')} error={errors.title} />
        </div>

        <div class={css.field}>
          <label class={css.label} for={`${id}-body`}>
            {t.t('form.body')}
          </label>
          <textarea
            id={`${id}-body`}
            class={css.textarea}
            rows={6}
            value={draft.body}
            onInput={(event) => change('body', inputValue(event))}
            aria-required="true"
            aria-invalid={invalid('body')}
            aria-describedby={describedBy(ids.bodyLimit, errorIdOf('body'))}
            data-field="body"
          />
          <div class={css.meta}>
            <span id={ids.bodyLimit}>{t.t('form.bodyLimit', { max: LIMITS.reviewBody })}</span>
            <span class={remaining < 0 ? css.errorText : undefined} aria-hidden="true">
              {t.t('form.bodyCount', { count: body.length, max: LIMITS.reviewBody })}
            </span>
          </div>
          <span class={visuallyHidden} aria-live="polite">
            {spokenLengthWarning}
          </span>
          <FieldError t={t} id={ids.error('body')} error={errors.body} />
        </div>

        {shownAspects.length > 0 && (
          <fieldset class={css.group} aria-describedby={errorIdOf('aspects')}>
            <legend class={css.label}>{t.t('form.aspects')}</legend>
            <div class={css.aspects}>
              {shownAspects.map((aspect, index) => {
                const label = t.t(`aspect.${aspect}`);
                return (
                  <StarRadioGroup
                    key={aspect}
                    t={t}
                    name={`${id}-aspect-${aspect}`}
                    legend={label}
                    value={draft.aspects[aspect] ?? 0}
                    onChange={(rating) => rateAspect(aspect, rating)}
                    size="small"
                    field={index === 0 ? 'aspects' : undefined}
                    clear={{
                      label: t.t('form.aspectClearLabel', { aspect: label }),
                      text: t.t('form.aspectClear'),
                      onClear: () => rateAspect(aspect, 0),
                    }}
                  />
                );
              })}
            </div>
            <FieldError t={t} id={ids.error('aspects')} error={errors.aspects} />
          </fieldset>
        )}

        <fieldset class={css.group} aria-describedby={errorIdOf('recommends')}>
          <legend class={css.label}>{t.t('form.recommend')}</legend>
          <div class={css.choices}>
            {([true, false] as const).map((answer) => (
              <label key={String(answer)} class={css.choice}>
                <input
                  type="radio"
                  name={`${id}-recommend`}
                  checked={draft.recommends === answer}
                  onChange={() => change('recommends', answer)}
                  data-field={answer ? 'recommends' : undefined}
                />
                {t.t(answer ? 'form.recommendYes' : 'form.recommendNo')}
              </label>
            ))}
          </div>
          <FieldError t={t} id={ids.error('recommends')} error={errors.recommends} />
        </fieldset>

        <PhotoPicker
          t={t}
          idPrefix={id}
          uploads={photos}
          error={errors.photos}
          notice={pickNotice}
          onPick={(files) => {
            const picked = photos.add(files);
            setPickNotice(
              picked.tooMany
                ? 'form.photosTooMany'
                : picked.wrongType
                  ? 'form.photosWrongType'
                  : null,
            );
            clearError('photos');
          }}
        />

        <div class={css.field}>
          <label class={css.label} for={`${id}-name`}>
            {t.t('form.name')}
          </label>
          <input
            id={`${id}-name`}
            class={css.input}
            type="text"
            autoComplete="nickname"
            value={draft.authorName}
            onInput={(event) => change('authorName', inputValue(event))}
            aria-required="true"
            aria-invalid={invalid('authorName')}
            aria-describedby={errorIdOf('authorName')}
            data-field="authorName"
          />
          <FieldError t={t} id={ids.error('authorName')} error={errors.authorName} />
        </div>

        <div class={css.field}>
          <label class={css.label} for={`${id}-email`}>
            {t.t('form.email')}
          </label>
          <input
            id={`${id}-email`}
            class={css.input}
            type="email"
            inputMode="email"
            autoComplete="email"
            value={draft.email}
            onInput={(event) => change('email', inputValue(event))}
            aria-invalid={invalid('email')}
            aria-describedby={describedBy(ids.emailHint, errorIdOf('email'))}
            data-field="email"
          />
          <span id={ids.emailHint} class={css.hint}>
            {t.t('form.emailHint')}
          </span>
          <FieldError t={t} id={ids.error('email')} error={errors.email} />
        </div>

        {incentivised && (
          <p id={ids.incentive} class={css.notice} part="incentive">
            {t.t('form.incentive')}
          </p>
        )}

        <div class={css.field}>
          <div class={css.check}>
            <input
              id={`${id}-consent`}
              class={css.checkbox}
              type="checkbox"
              checked={draft.consent}
              onChange={(event) =>
                change('consent', (event.currentTarget as HTMLInputElement).checked)
              }
              aria-required="true"
              aria-invalid={invalid('consent')}
              aria-describedby={describedBy(incentivised && ids.incentive, errorIdOf('consent'))}
              data-field="consent"
            />
            <label for={`${id}-consent`}>{t.t('form.consent')}</label>
          </div>
          {terms && (
            <a class={css.link} href={terms}>
              {t.t('form.terms')}
            </a>
          )}
          <FieldError t={t} id={ids.error('consent')} error={errors.consent} />
        </div>

        {/* Honeypot: people never see or reach it; bots that fill in every field do. */}
        <div class={visuallyHidden} aria-hidden="true">
          <label for={`${id}-website`}>{t.t('form.website')}</label>
          <input
            id={`${id}-website`}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onInput={(event) => setWebsite(inputValue(event))}
          />
        </div>

        <div class={css.actions}>
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
          <button
            ref={submitButton}
            type="submit"
            class={`${states.button} ${css.submit}`}
            aria-disabled={busy ? 'true' : undefined}
          >
            {t.t(busy ? 'form.submitting' : 'form.submit')}
          </button>
          <span class={visuallyHidden} role="status">
            {busy ? t.t('form.submitting') : ''}
          </span>
        </div>
        <div class={css.alert} role="alert" part="form-error">
          {phase.kind === 'failed' ? (
            <>
              <p class={css.alertText}>
                {t.t(failureMessage(phase.error))} {t.t('form.draftKept')}
              </p>
              <button
                type="button"
                class={states.quietButton}
                onClick={() => {
                  focusNext.current = 'submit';
                  void submit();
                }}
              >
                {t.t('form.retry')}
              </button>
            </>
          ) : errorCount > 0 ? (
            <p class={css.alertText}>{t.t('form.error.summary', { count: errorCount })}</p>
          ) : null}
        </div>
      </form>
    </div>
  );
}
