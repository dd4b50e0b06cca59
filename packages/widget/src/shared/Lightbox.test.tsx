import { fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { photo } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import type { LightboxItem } from './Lightbox.tsx';
import { Lightbox } from './Lightbox.tsx';
import { WidgetRoot } from './WidgetRoot.tsx';

const koubei = storyKoubei('normal');

const threePhotos: LightboxItem[] = [1, 2, 3].map((n) => ({
  photo: photo('r1', n),
  authorName: 'Sam Patel',
  rating: 4,
  createdAt: '2026-11-20T10:00:00Z',
}));

/** A page with an opener button and the lightbox it controls, as a widget would hold it. */
function Harness({
  items = threePhotos,
  direction = 'ltr',
  locale,
}: {
  items?: LightboxItem[];
  direction?: 'ltr' | 'rtl';
  locale?: string;
}) {
  const [index, setIndex] = useState<number | null>(null);
  const services = locale ? storyKoubei('normal', locale) : koubei;
  return (
    <div style={{ direction }}>
      <WidgetRoot koubei={services}>
        <button type="button" onClick={() => setIndex(0)}>
          Show photos
        </button>
        {index !== null && (
          <Lightbox
            koubei={services}
            items={items}
            index={index}
            onIndexChange={setIndex}
            onClose={() => setIndex(null)}
          />
        )}
      </WidgetRoot>
    </div>
  );
}

async function openLightbox(props: Parameters<typeof Harness>[0] = {}) {
  render(<Harness {...props} />);
  const opener = screen.getByRole('button', { name: 'Show photos' });
  opener.focus();
  await userEvent.keyboard('{Enter}');
  return { opener, dialog: screen.getByRole('dialog') };
}

describe('Lightbox', () => {
  it('is a labelled modal dialog that takes focus', async () => {
    const { dialog } = await openLightbox();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(screen.getByRole('dialog', { name: 'Photo 1 of 3' })).toBe(dialog);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('shows the large photo and its review context', async () => {
    await openLightbox();
    const image = screen.getByRole('img', { name: 'Customer photo 1' });
    expect(image.getAttribute('src')).toBe(photo('r1', 1).url);
    expect(image.getAttribute('width')).toBe('480');
    expect(image.getAttribute('height')).toBe('360');
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(screen.getByText(/^From a 4-star review by \u2068Sam Patel\u2069$/)).toBeTruthy();
    expect(screen.getByText('Nov 20, 2026').getAttribute('datetime')).toBe('2026-11-20T10:00:00Z');
  });

  it('pages with the arrow keys and the buttons, wrapping at the ends', async () => {
    await openLightbox();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'Photo 2 of 3' })).toBeTruthy();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('dialog', { name: 'Photo 3 of 3' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next photo' }));
    expect(screen.getByRole('dialog', { name: 'Photo 1 of 3' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Previous photo' }));
    expect(screen.getByRole('img', { name: 'Customer photo 3' })).toBeTruthy();
  });

  it('mirrors the arrow keys on right-to-left pages', async () => {
    // The page's direction reaches the widget through CSS inheritance (happy-dom
    // does not derive `direction` from a dir attribute, so the test sets it as style).
    await openLightbox({ direction: 'rtl' });
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('dialog', { name: 'Photo 2 of 3' })).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'Photo 1 of 3' })).toBeTruthy();
  });

  it('traps Tab and Shift+Tab inside the dialog', async () => {
    await openLightbox();
    const close = screen.getByRole('button', { name: 'Close' });
    const next = screen.getByRole('button', { name: 'Next photo' });
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(next);
    await userEvent.tab();
    expect(document.activeElement).toBe(close);
    for (let i = 0; i < 5; i++) {
      await userEvent.tab();
      expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    }
  });

  it('closes with Escape and gives focus back to the opener', async () => {
    const { opener } = await openLightbox();
    await userEvent.keyboard('{ArrowRight}{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes with the close button, focus back on the opener', async () => {
    const { opener } = await openLightbox();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('follows horizontal swipes longer than 40px, and ignores short or vertical drags', async () => {
    await openLightbox();
    const figure = screen.getByRole('img', { name: 'Customer photo 1' }).parentElement!;
    const swipe = (dx: number, dy = 0) => {
      fireEvent.pointerDown(figure, { clientX: 200, clientY: 200, pointerId: 1, button: 0 });
      fireEvent.pointerUp(figure, { clientX: 200 + dx, clientY: 200 + dy, pointerId: 1 });
    };
    swipe(-30);
    expect(screen.getByRole('dialog', { name: 'Photo 1 of 3' })).toBeTruthy();
    swipe(-60, 80);
    expect(screen.getByRole('dialog', { name: 'Photo 1 of 3' })).toBeTruthy();
    swipe(-60);
    expect(await screen.findByRole('dialog', { name: 'Photo 2 of 3' })).toBeTruthy();
    swipe(60);
    expect(await screen.findByRole('dialog', { name: 'Photo 1 of 3' })).toBeTruthy();
  });

  it('has no previous/next for a single photo', async () => {
    await openLightbox({ items: threePhotos.slice(0, 1) });
    expect(screen.getByRole('dialog', { name: 'Photo 1 of 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next photo' })).toBeNull();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'Photo 1 of 1' })).toBeTruthy();
  });

  it.each(['javascript:alert(1)', 'https://user:pw@evil.example/x.png'])(
    'renders no image for %s',
    async (url) => {
      const base = threePhotos[0]!;
      await openLightbox({ items: [{ ...base, photo: { ...base.photo, url } }] });
      expect(screen.queryByRole('img', { name: 'Customer photo 1' })).toBeNull();
      expect(document.querySelector(`img[src="${url}"]`)).toBeNull();
      expect(screen.getByRole('dialog', { name: 'Photo 1 of 1' })).toBeTruthy();
    },
  );

  it('speaks Chinese', async () => {
    await openLightbox({ locale: 'zh-CN' });
    expect(screen.getByRole('dialog', { name: '第 1 张，共 3 张' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
    expect(screen.getByText(/^来自 \u2068Sam Patel\u2069 的 4 星评价$/)).toBeTruthy();
  });
});
