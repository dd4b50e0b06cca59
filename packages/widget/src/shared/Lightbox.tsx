import type { Photo } from '@koubei/core';
import { formatDate, safeHttpUrl } from '@koubei/core';
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import * as css from './Lightbox.css.ts';
import type { KoubeiServices } from './services.ts';
import { StarRow } from './StarRow.tsx';

/** A photo and, when known, what the lightbox says about the review it came from. */
export interface LightboxItem {
  readonly photo: Photo;
  readonly authorName?: string;
  readonly rating?: number;
  readonly createdAt?: string;
}

export interface LightboxProps {
  readonly koubei: KoubeiServices;
  readonly items: readonly LightboxItem[];
  /** The photo shown, 0-based. */
  readonly index: number;
  readonly onIndexChange: (index: number) => void;
  /** The lightbox is closed by unmounting it; focus then returns to whatever opened it. */
  readonly onClose: () => void;
}

/** A horizontal drag longer than this (px) is a swipe; shorter ones are taps or jitter. */
const SWIPE_DISTANCE = 40;

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

// First-strong isolate … pop directional isolate: a customer's name inside a
// translated sentence cannot reorder the words around it (e.g. a stray U+202E).
const isolate = (text: string) => `\u2068${text}\u2069`;

function activeElementOf(node: Node): Element | null {
  return (node.getRootNode() as Document | ShadowRoot).activeElement;
}

/**
 * A modal photo viewer (WAI-ARIA dialog pattern). Rendered in place, inside
 * the widget's shadow root (no portal: our styles live only there), as a
 * fixed full-viewport layer. Focus moves in on open, stays in while open and
 * returns to the opener on close; arrows, swipes and buttons page through
 * the photos, mirrored for right-to-left pages.
 */
export function Lightbox({ koubei, items, index, onIndexChange, onClose }: LightboxProps) {
  const { t } = koubei;
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const swipeStart = useRef<{ x: number; y: number; pointer: number } | null>(null);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Still the thumbnail that was activated: focus has not moved yet.
    const opener = activeElementOf(dialog);
    closeRef.current?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const total = items.length;
  const current = Math.min(Math.max(0, Math.trunc(index) || 0), total - 1);
  const item = items[current];
  if (!item) return null;

  const step = (delta: number) => onIndexChange((current + delta + total) % total);
  const isRtl = () =>
    !!dialogRef.current && getComputedStyle(dialogRef.current).direction === 'rtl';

  function trapTab(event: KeyboardEvent, dialog: HTMLElement) {
    // Move focus ourselves, always: nothing outside the dialog can receive it.
    event.preventDefault();
    const focusable = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusable.length === 0) return;
    const at = focusable.indexOf(activeElementOf(dialog) as HTMLElement);
    const delta = event.shiftKey ? -1 : 1;
    const target = at === -1 ? (event.shiftKey ? focusable.length - 1 : 0) : at + delta;
    focusable[(target + focusable.length) % focusable.length]?.focus();
  }

  function onKeyDown(event: JSX.TargetedKeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      trapTab(event, event.currentTarget);
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && total > 1) {
      event.preventDefault();
      // "Right" means "towards the end" only on left-to-right pages.
      const towardsEnd = (event.key === 'ArrowRight') !== isRtl();
      step(towardsEnd ? 1 : -1);
    }
  }

  function onPointerDown(event: JSX.TargetedPointerEvent<HTMLElement>) {
    // A second finger means a pinch, not a swipe.
    swipeStart.current =
      swipeStart.current || event.button !== 0
        ? null
        : { x: event.clientX, y: event.clientY, pointer: event.pointerId };
  }

  function onPointerUp(event: JSX.TargetedPointerEvent<HTMLElement>) {
    const start = swipeStart.current;
    swipeStart.current = null;
    if (!start || start.pointer !== event.pointerId || total < 2) return;
    const dx = event.clientX - start.x;
    if (Math.abs(dx) <= SWIPE_DISTANCE || Math.abs(dx) <= Math.abs(event.clientY - start.y)) return;
    // Dragging the photo towards the start reveals the next one.
    const towardsEnd = dx < 0 !== isRtl();
    step(towardsEnd ? 1 : -1);
  }

  const { photo } = item;
  const src = safeHttpUrl(photo.url, koubei.urlOptions);
  const label = t.t('media.lightbox', { index: current + 1, total });
  const name = item.authorName ? isolate(item.authorName) : null;
  const context =
    name && item.rating !== undefined
      ? t.t('media.fromReview', { rating: item.rating, name })
      : name
        ? t.t('media.byAuthor', { name })
        : null;
  const date = item.createdAt ? formatDate(t.locale, item.createdAt) : '';

  return (
    <div
      ref={dialogRef}
      class={css.dialog}
      role="dialog"
      aria-modal="true"
      aria-label={label}
      part="lightbox"
      onKeyDown={onKeyDown}
      // A click on the bare overlay (not the photo or a control) closes, as people expect.
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <p class={css.counter} aria-live="polite">
        {label}
      </p>
      <button
        ref={closeRef}
        type="button"
        class={css.close}
        aria-label={t.t('media.close')}
        onClick={onClose}
      >
        <span aria-hidden="true">×</span>
      </button>
      <figure
        class={css.figure}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (swipeStart.current = null)}
      >
        {src && (
          <img
            key={photo.id}
            class={css.image}
            src={src}
            width={photo.width}
            height={photo.height}
            alt={photo.alt}
            decoding="async"
            referrerpolicy="no-referrer"
            draggable={false}
          />
        )}
      </figure>
      <div class={css.caption}>
        {photo.caption && (
          <p class={css.captionText} dir="auto">
            {photo.caption}
          </p>
        )}
        {item.rating !== undefined && <StarRow rating={item.rating} size="small" />}
        {context && (
          <p class={css.context} dir="auto">
            {context}
          </p>
        )}
        {date && item.createdAt && <time dateTime={item.createdAt}>{date}</time>}
      </div>
      {total > 1 && (
        <>
          {/* ‹ and › are mirrored by the browser on right-to-left pages, like the layout. */}
          <button
            type="button"
            class={css.previous}
            aria-label={t.t('media.previous')}
            onClick={() => step(-1)}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <button
            type="button"
            class={css.next}
            aria-label={t.t('media.next')}
            onClick={() => step(1)}
          >
            <span aria-hidden="true">›</span>
          </button>
        </>
      )}
    </div>
  );
}
