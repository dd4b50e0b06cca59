import type { MessageKey, Translator } from '@koubei/core';
import { LIMITS } from '@koubei/core';
import { useRef } from 'preact/hooks';
import * as states from '../shared/StateViews.css.ts';
import { visuallyHidden } from '../styles/theme.css.ts';
import { FieldError, describedBy } from './fields.tsx';
import * as css from './ReviewForm.css.ts';
import type { ErrorMessage } from './review-submission.ts';
import type { PhotoItem, PhotoUploads } from './use-photo-uploads.ts';
import { PHOTO_TYPES } from './use-photo-uploads.ts';

export interface PhotoPickerProps {
  readonly t: Translator;
  readonly idPrefix: string;
  readonly uploads: PhotoUploads;
  readonly error: ErrorMessage | undefined;
  /** Why some picked files were left out, until the next pick. */
  readonly notice: MessageKey | null;
  readonly onPick: (files: File[]) => void;
}

function statusText(t: Translator, item: PhotoItem): string {
  if (item.status === 'uploaded') return t.t('form.photoUploaded');
  if (item.status === 'failed') return t.t('form.photoFailed');
  return t.t('form.photoUploading');
}

/**
 * The file input (styled as a button through its label) and the picked
 * photos, each with a preview, its upload progress, and retry and remove
 * buttons named after the photo's place in the list.
 */
export function PhotoPicker({ t, idPrefix, uploads, error, notice, onPick }: PhotoPickerProps) {
  const inputId = `${idPrefix}-photos`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const input = useRef<HTMLInputElement>(null);
  return (
    <div class={css.field}>
      <div class={css.pickRow}>
        {/* The input comes first so its focus ring can be drawn on the label after it. */}
        <input
          ref={input}
          id={inputId}
          class={visuallyHidden}
          type="file"
          accept={PHOTO_TYPES}
          multiple
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(hintId, error && errorId)}
          data-field="photos"
          onChange={(event) => {
            const picker = event.currentTarget;
            onPick(Array.from(picker.files ?? []));
            // Picking the same file again after removing it must fire `change` again.
            picker.value = '';
          }}
        />
        <label class={css.pickButton} for={inputId}>
          {t.t('form.photos')}
        </label>
        <span id={hintId} class={css.hint}>
          {t.t('form.photosHint', { count: LIMITS.mediaPerReview })}
        </span>
      </div>
      <p class={css.hint} role="status">
        {notice ? t.t(notice, { count: LIMITS.mediaPerReview }) : ''}
      </p>
      {uploads.items.length > 0 && (
        <ul class={css.photoList} aria-label={t.t('form.photosList')}>
          {uploads.items.map((item, position) => {
            const index = position + 1;
            return (
              <li key={item.key} class={css.photo}>
                {item.preview ? (
                  <img class={css.thumb} src={item.preview} alt={t.t('form.photoAlt', { index })} />
                ) : (
                  <span class={css.thumb} role="img" aria-label={t.t('form.photoAlt', { index })} />
                )}
                <div class={css.photoState}>
                  {item.status === 'uploading' && (
                    // No value while the share is unknown: an indeterminate bar.
                    <progress
                      class={css.progress}
                      max={1}
                      value={item.progress ?? undefined}
                      aria-label={t.t('form.photoProgress', { index })}
                    />
                  )}
                  {/* Announces the changes that matter (done, failed), not every percent. */}
                  <span
                    class={item.status === 'failed' ? css.errorText : css.hint}
                    aria-live="polite"
                  >
                    {statusText(t, item)}
                  </span>
                  <div class={css.photoActions}>
                    {item.status === 'failed' && (
                      <button
                        type="button"
                        class={states.quietButton}
                        data-photo-failed
                        onClick={() => uploads.retry(item.key)}
                      >
                        {t.t('form.photoRetry', { index })}
                      </button>
                    )}
                    <button
                      type="button"
                      class={states.quietButton}
                      onClick={() => {
                        uploads.remove(item.key);
                        // The button is gone: the keyboard goes back to the picker.
                        input.current?.focus();
                      }}
                    >
                      {t.t('form.photoRemove', { index })}
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <FieldError t={t} id={errorId} error={error} />
    </div>
  );
}
