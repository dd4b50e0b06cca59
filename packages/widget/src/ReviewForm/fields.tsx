import type { Translator } from '@koubei/core';
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { visuallyHidden } from '../styles/theme.css.ts';
import * as css from './ReviewForm.css.ts';
import type { ErrorMessage, FieldName } from './review-submission.ts';

/** The ids an element is described by, or `undefined` (no empty attribute) when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}

/** A field's error, linked from the control through `aria-describedby` so it is read on focus. */
export function FieldError({
  t,
  id,
  error,
}: {
  t: Translator;
  id: string;
  error: ErrorMessage | undefined;
}) {
  if (!error) return null;
  return (
    <p id={id} class={css.error}>
      {t.t(error.key, error.params)}
    </p>
  );
}

// The same star as the rating displays (shared/StarRow.tsx), so picking and reading look alike.
const STAR_PATH = 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';
const FIVE = [1, 2, 3, 4, 5] as const;

export interface StarRadioGroupProps {
  readonly t: Translator;
  /** The radios' shared name; unique on the page, since radios group by name. */
  readonly name: string;
  readonly legend: string;
  /** 1–5, or 0 for no rating yet. */
  readonly value: number;
  readonly onChange: (rating: number) => void;
  readonly size: 'large' | 'small';
  readonly required?: boolean;
  readonly errorId?: string | undefined;
  /** Marks the first radio as the field to focus when this group is invalid. */
  readonly field?: FieldName | undefined;
  /** Offered once a rating is picked: radios alone cannot go back to "no rating". */
  readonly clear?: { readonly label: string; readonly text: string; readonly onClear: () => void };
  readonly children?: ComponentChildren;
}

/**
 * Five native radios drawn as stars: arrow keys, Tab and screen readers work
 * as with any radio group, each star is named "3 stars", and nothing is
 * checked until the shopper picks (no rating is ever assumed).
 */
export function StarRadioGroup({
  t,
  name,
  legend,
  value,
  onChange,
  size,
  required,
  errorId,
  field,
  clear,
  children,
}: StarRadioGroupProps) {
  const [hovered, setHovered] = useState(0);
  const first = useRef<HTMLInputElement>(null);
  const shown = hovered || value;
  return (
    <fieldset
      class={css.starGroup}
      role="radiogroup"
      aria-required={required ? 'true' : undefined}
      aria-invalid={errorId ? 'true' : undefined}
      aria-describedby={errorId}
    >
      <legend class={size === 'large' ? css.label : css.aspectLabel}>{legend}</legend>
      <div class={css.starRow} onMouseLeave={() => setHovered(0)}>
        {FIVE.map((stars) => (
          <label
            key={stars}
            class={`${css.starLabel} ${css.starSizes[size]}`}
            onMouseEnter={() => setHovered(stars)}
          >
            <input
              ref={stars === 1 ? first : undefined}
              class={visuallyHidden}
              type="radio"
              name={name}
              value={stars}
              checked={value === stars}
              onChange={() => onChange(stars)}
              data-field={stars === 1 ? field : undefined}
            />
            <svg
              class={stars <= shown ? css.starOn : css.starOff}
              viewBox="0 0 24 24"
              aria-hidden="true"
              focusable="false"
            >
              <path d={STAR_PATH} />
            </svg>
            <span class={visuallyHidden}>{t.t('form.ratingValue', { count: stars })}</span>
          </label>
        ))}
        {children}
        {clear && value > 0 && (
          <button
            type="button"
            class={css.linkButton}
            aria-label={clear.label}
            onClick={() => {
              clear.onClear();
              // The button goes away with the rating; keep the keyboard in the group.
              first.current?.focus();
            }}
          >
            {clear.text}
          </button>
        )}
      </div>
    </fieldset>
  );
}
