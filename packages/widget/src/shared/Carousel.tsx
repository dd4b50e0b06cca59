import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { visuallyHidden } from '../styles/theme.css.ts';
import * as css from './Carousel.css.ts';
import type { KoubeiServices } from './services.ts';

export interface CarouselSlide {
  readonly key: string;
  readonly content: ComponentChildren;
}

export type CarouselAction = 'next' | 'previous' | 'goto';

export interface CarouselProps {
  readonly koubei: KoubeiServices;
  /** Names the carousel ("Customer reviews"); screen readers add "carousel" themselves. */
  readonly label: string;
  readonly slides: readonly CarouselSlide[];
  /** Rotate on a timer. Never under prefers-reduced-motion; always with a pause button. */
  readonly autoplay?: boolean;
  readonly intervalMs?: number;
  /** Told when the shopper moves with a control (not when the timer or a swipe does). */
  readonly onNavigate?: (action: CarouselAction, index: number) => void;
}

export const DEFAULT_INTERVAL_MS = 6000;
/** Faster than this and a slide cannot be read before it moves (WCAG 2.2.2 still applies). */
const MIN_INTERVAL_MS = 3000;
/** How long scrolling must be quiet before its position counts as the shown slide. */
const SCROLL_SETTLE_MS = 120;

function prefersReducedMotion(): boolean {
  // matchMedia is missing in some embedded web views and test DOMs: then assume motion is fine.
  return (
    typeof window !== 'undefined' &&
    typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * The nearest `dir` attribute decides (npm users may put one on the widget
 * root); without one, the host page set the direction outside our shadow
 * root (the script tag's case) and only the computed style knows it.
 */
function isRtl(element: Element): boolean {
  const marked = element.closest('[dir]')?.getAttribute('dir');
  if (marked === 'rtl' || marked === 'ltr') return marked === 'rtl';
  return getComputedStyle(element).direction === 'rtl';
}

function Chevron({ mirrored }: { mirrored: boolean }) {
  // Drawn pointing back (left in left-to-right text); mirrored for right-to-left.
  return (
    <svg
      class={mirrored ? `${css.icon} ${css.mirrored}` : css.icon}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M15 5l-7 7 7 7" />
    </svg>
  );
}

function RotationIcon({ playing }: { playing: boolean }) {
  return (
    <svg class={css.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={playing ? 'M8 5v14M16 5v14' : 'M8 5l11 7-11 7z'} />
    </svg>
  );
}

/**
 * The WAI-ARIA APG carousel: a named region of slide groups with previous,
 * next and a slide picker, optional rotation with a pause button. Slides sit
 * side by side in a CSS scroll-snap strip, so swiping is the browser's own
 * touch scrolling; the shown slide is read back from the scroll position.
 *
 * Slides other than the shown one are `inert`: one attribute takes the whole
 * slide, with any links or buttons a review holds, out of the tab order, the
 * accessibility tree and pointer hits, so nothing can be focused off-screen
 * (aria-hidden alone would leave those controls tabbable). Each slide is as
 * wide as the strip, so "not shown" and "not in view" are the same thing.
 */
export function Carousel({
  koubei,
  label,
  slides,
  autoplay = false,
  intervalMs = DEFAULT_INTERVAL_MS,
  onNavigate,
}: CarouselProps) {
  const { t } = koubei;
  const total = slides.length;
  const multiple = total > 1;
  const [index, setIndex] = useState(0);
  // Fewer slides after a refresh must not leave the carousel past its end.
  const current = Math.min(index, Math.max(0, total - 1));
  // Read once: a carousel that starts moving later, when a setting changes, would surprise more.
  const [reducedMotion] = useState(prefersReducedMotion);
  const canRotate = autoplay && !reducedMotion && multiple;
  const [playing, setPlaying] = useState(canRotate);
  const [hovered, setHovered] = useState(false);
  const rotating = canRotate && playing && !hovered;
  const [rtl, setRtl] = useState(false);
  const root = useRef<HTMLElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const rotation = useRef<HTMLButtonElement>(null);
  const settle = useRef<ReturnType<typeof setTimeout>>();
  const trackId = `${useId()}-slides`;
  const interval = Math.max(MIN_INTERVAL_MS, Number.isFinite(intervalMs) ? intervalMs : 0);

  // The host page may flip direction at any time (Storybook does); arrows follow it.
  useLayoutEffect(() => {
    if (root.current) setRtl(isRtl(root.current));
  });

  useEffect(() => () => clearTimeout(settle.current), []);

  /** Shows slide `next` (wrapping around) and scrolls the strip there; returns the index shown. */
  function show(next: number): number {
    const target = (next + total) % total;
    setIndex(target);
    const strip = track.current;
    // Layout-free DOMs (tests) may lack scrollTo; the index above is the source of truth anyway.
    if (strip && typeof strip.scrollTo === 'function') {
      strip.scrollTo({
        // Scroll offsets run negative in right-to-left boxes.
        left: (isRtl(strip) ? -1 : 1) * target * strip.clientWidth,
        behavior: reducedMotion ? 'auto' : 'smooth',
      });
    }
    return target;
  }

  function navigate(action: CarouselAction, next: number): number {
    const shown = show(next);
    onNavigate?.(action, shown);
    return shown;
  }

  useEffect(() => {
    if (!rotating) return;
    // A fresh timer after every change, so a slide the shopper picked gets its full time.
    const timer = setTimeout(() => show(current + 1), interval);
    return () => clearTimeout(timer);
  }, [rotating, current, interval, total]);

  function onScroll() {
    // Wait for the snap to finish: a smooth scroll passes over the slides between.
    clearTimeout(settle.current);
    settle.current = setTimeout(() => {
      const strip = track.current;
      if (!strip || strip.clientWidth === 0) return;
      const seen = Math.round(Math.abs(strip.scrollLeft) / strip.clientWidth);
      setIndex(Math.min(total - 1, Math.max(0, seen)));
    }, SCROLL_SETTLE_MS);
  }

  function onFocusIn(event: JSX.TargetedFocusEvent<HTMLElement>) {
    // APG: focus inside stops rotation until the shopper restarts it; the
    // rotation button is exempt, or it could never start anything.
    if (event.target !== rotation.current) setPlaying(false);
  }

  function onPickerKeyDown(event: JSX.TargetedKeyboardEvent<HTMLDivElement>) {
    const forward = isRtl(event.currentTarget) ? 'ArrowLeft' : 'ArrowRight';
    const back = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const targets: Record<string, number> = {
      [forward]: current + 1,
      [back]: current - 1,
      Home: 0,
      End: total - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const shown = navigate('goto', next);
    event.currentTarget.querySelectorAll('button')[shown]?.focus();
  }

  if (total === 0) return null;
  return (
    <section
      ref={root}
      class={css.carousel}
      aria-roledescription="carousel"
      aria-label={label}
      part="carousel"
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocusIn={onFocusIn}
    >
      {multiple && (
        <div class={css.controls}>
          {canRotate && (
            // First in the tab order (APG), so keyboard users can stop the motion before anything else.
            <button
              ref={rotation}
              type="button"
              class={css.iconButton}
              aria-label={t.t(playing ? 'carousel.pause' : 'carousel.play')}
              onClick={() => setPlaying(!playing)}
            >
              <RotationIcon playing={playing} />
            </button>
          )}
          <button
            type="button"
            class={css.iconButton}
            aria-label={t.t('carousel.previous')}
            aria-controls={trackId}
            onClick={() => navigate('previous', current - 1)}
          >
            <Chevron mirrored={rtl} />
          </button>
          <div class={css.picker} onKeyDown={onPickerKeyDown}>
            {slides.map((slide, i) => (
              <button
                key={slide.key}
                type="button"
                class={css.dot}
                aria-label={t.t('carousel.goTo', { index: i + 1 })}
                aria-current={i === current ? 'true' : undefined}
                aria-controls={trackId}
                // One tab stop for the picker; arrow keys move within it.
                tabIndex={i === current ? 0 : -1}
                onClick={() => navigate('goto', i)}
              />
            ))}
          </div>
          <button
            type="button"
            class={css.iconButton}
            aria-label={t.t('carousel.next')}
            aria-controls={trackId}
            onClick={() => navigate('next', current + 1)}
          >
            <Chevron mirrored={!rtl} />
          </button>
        </div>
      )}
      <div
        ref={track}
        id={trackId}
        class={css.track}
        // A scrolling box must be reachable by keyboard (arrow keys then scroll it);
        // a slide without links or buttons would leave it unreachable otherwise.
        tabIndex={multiple ? 0 : undefined}
        onScroll={multiple ? onScroll : undefined}
      >
        {slides.map((slide, i) => (
          <div
            key={slide.key}
            class={css.slide}
            role="group"
            aria-roledescription="slide"
            aria-label={t.t('carousel.slide', { index: i + 1, total })}
            inert={i !== current}
          >
            {slide.content}
          </div>
        ))}
      </div>
      {multiple && (
        // Says which slide is shown after a button, key or swipe; silent while
        // rotating, so the timer does not talk over whatever the shopper reads.
        <div class={visuallyHidden} role="status" aria-live={rotating ? 'off' : 'polite'}>
          {t.t('carousel.slide', { index: current + 1, total })}
        </div>
      )}
    </section>
  );
}
