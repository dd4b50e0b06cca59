import { act, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storyKoubei } from '../stories/story-koubei.ts';
import type { CarouselProps } from './Carousel.tsx';
import { Carousel } from './Carousel.tsx';
import { framed } from './framed.tsx';

const Framed = framed(Carousel);
const SLIDES = ['Tea', 'Cups', 'Pot'].map((text) => ({ key: text, content: <p>{text}</p> }));

function renderCarousel(props: Partial<CarouselProps> & { dir?: 'ltr' | 'rtl' } = {}) {
  return render(
    <Framed koubei={storyKoubei('normal')} label="Customer reviews" slides={SLIDES} {...props} />,
  );
}

const dot = (n: number) => screen.getByRole('button', { name: `Go to slide ${n}` });
const shown = () =>
  screen
    .getAllByRole('button', { name: /^Go to slide / })
    .findIndex((button) => button.getAttribute('aria-current') === 'true') + 1;
const slide = (n: number) => screen.getByRole('group', { name: `${n} of 3` });
const live = () => screen.getByRole('status');
/** Runs due timers, then the renders and effects they cause. */
const elapse = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

function stubReducedMotion(reduce: boolean) {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: reduce && query.includes('prefers-reduced-motion: reduce'),
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Carousel', () => {
  it('is a named carousel region of named slides, only the shown one reachable', () => {
    renderCarousel();
    const region = screen.getByRole('region', { name: 'Customer reviews' });
    expect(region.getAttribute('aria-roledescription')).toBe('carousel');
    expect(slide(1).getAttribute('aria-roledescription')).toBe('slide');
    expect((slide(1) as HTMLElement).inert).toBe(false);
    expect((slide(2) as HTMLElement).inert).toBe(true);
    expect((slide(3) as HTMLElement).inert).toBe(true);
    expect(shown()).toBe(1);
    expect(live().textContent).toBe('1 of 3');
    expect(live().getAttribute('aria-live')).toBe('polite');
    // No autoplay asked: no rotation button.
    expect(screen.queryByRole('button', { name: /automatic slides/ })).toBeNull();
  });

  it('moves with next, previous (wrapping) and the picker, and says where it is', async () => {
    const moves: string[] = [];
    renderCarousel({ onNavigate: (action, index) => moves.push(`${action}:${index}`) });
    await userEvent.click(screen.getByRole('button', { name: 'Next slide' }));
    expect(shown()).toBe(2);
    expect(live().textContent).toBe('2 of 3');
    expect((slide(2) as HTMLElement).inert).toBe(false);
    expect((slide(1) as HTMLElement).inert).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Previous slide' }));
    await userEvent.click(screen.getByRole('button', { name: 'Previous slide' }));
    expect(shown()).toBe(3);
    await userEvent.click(dot(2));
    expect(shown()).toBe(2);
    expect(live().textContent).toBe('2 of 3');
    expect(moves).toEqual(['next:1', 'previous:0', 'previous:2', 'goto:1']);
  });

  it('moves between slides with the arrow keys inside the picker, one tab stop', async () => {
    renderCarousel();
    expect(dot(1).tabIndex).toBe(0);
    expect(dot(2).tabIndex).toBe(-1);
    dot(1).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(shown()).toBe(2);
    expect(document.activeElement).toBe(dot(2));
    expect(dot(2).tabIndex).toBe(0);
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(shown()).toBe(3);
    await userEvent.keyboard('{Home}');
    expect(shown()).toBe(1);
    await userEvent.keyboard('{End}');
    expect(shown()).toBe(3);
    expect(live().textContent).toBe('3 of 3');
  });

  it('mirrors the arrow keys right to left', async () => {
    renderCarousel({ dir: 'rtl' });
    dot(1).focus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(shown()).toBe(2);
  });

  it('scrolls smoothly to the chosen slide, and instantly under reduced motion', async () => {
    const scrollTo = vi.spyOn(HTMLElement.prototype, 'scrollTo').mockImplementation(() => {});
    const { unmount } = renderCarousel();
    await userEvent.click(dot(3));
    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ behavior: 'smooth' }));
    unmount();
    stubReducedMotion(true);
    renderCarousel();
    await userEvent.click(dot(2));
    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ behavior: 'auto' }));
  });

  it('follows a swipe: the shown slide comes from the scroll position once it settles', () => {
    vi.useFakeTimers();
    renderCarousel();
    const strip = slide(1).parentElement as HTMLElement;
    Object.defineProperty(strip, 'clientWidth', { configurable: true, value: 300 });
    Object.defineProperty(strip, 'scrollLeft', { configurable: true, value: 598 });
    fireEvent.scroll(strip);
    expect(shown()).toBe(1);
    elapse(200);
    expect(shown()).toBe(3);
    expect(live().textContent).toBe('3 of 3');
    expect((slide(3) as HTMLElement).inert).toBe(false);
  });

  it('rotates when asked, silently, and pauses while hovered', () => {
    vi.useFakeTimers();
    renderCarousel({ autoplay: true, intervalMs: 5000 });
    const pause = screen.getByRole('button', { name: 'Pause automatic slides' });
    expect(live().getAttribute('aria-live')).toBe('off');
    elapse(5000);
    expect(shown()).toBe(2);
    const region = screen.getByRole('region', { name: 'Customer reviews' });
    act(() => void fireEvent.pointerEnter(region));
    expect(live().getAttribute('aria-live')).toBe('polite');
    elapse(20_000);
    expect(shown()).toBe(2);
    act(() => void fireEvent.pointerLeave(region));
    elapse(5000);
    expect(shown()).toBe(3);
    elapse(5000);
    expect(shown()).toBe(1);
    expect(pause.isConnected).toBe(true);
  });

  it('stops rotating when focus moves inside, until the shopper presses play', () => {
    vi.useFakeTimers();
    renderCarousel({ autoplay: true, intervalMs: 5000 });
    act(() => screen.getByRole('button', { name: 'Next slide' }).focus());
    expect(screen.getByRole('button', { name: 'Start automatic slides' })).toBeTruthy();
    expect(live().getAttribute('aria-live')).toBe('polite');
    elapse(20_000);
    expect(shown()).toBe(1);
    const play = screen.getByRole('button', { name: 'Start automatic slides' });
    act(() => play.focus());
    act(() => void fireEvent.click(play));
    expect(screen.getByRole('button', { name: 'Pause automatic slides' })).toBeTruthy();
    elapse(5000);
    expect(shown()).toBe(2);
  });

  it('pauses and plays from the rotation button', () => {
    vi.useFakeTimers();
    renderCarousel({ autoplay: true, intervalMs: 5000 });
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Pause automatic slides' })));
    elapse(20_000);
    expect(shown()).toBe(1);
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Start automatic slides' })));
    elapse(5000);
    expect(shown()).toBe(2);
  });

  it('never rotates under prefers-reduced-motion', () => {
    stubReducedMotion(true);
    vi.useFakeTimers();
    renderCarousel({ autoplay: true, intervalMs: 5000 });
    expect(window.matchMedia).toHaveBeenCalledWith('(prefers-reduced-motion: reduce)');
    expect(screen.queryByRole('button', { name: /automatic slides/ })).toBeNull();
    elapse(30_000);
    expect(shown()).toBe(1);
    expect(live().getAttribute('aria-live')).toBe('polite');
  });

  it('still works where matchMedia is missing', () => {
    vi.stubGlobal('matchMedia', undefined);
    try {
      vi.useFakeTimers();
      renderCarousel({ autoplay: true, intervalMs: 5000 });
      elapse(5000);
      expect(shown()).toBe(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows a single slide without controls', () => {
    render(
      <Framed
        koubei={storyKoubei('normal')}
        label="Customer reviews"
        slides={SLIDES.slice(0, 1)}
        autoplay
      />,
    );
    expect(screen.getByRole('group', { name: '1 of 1' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
