import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import type { PosterContent } from './share-poster.ts';
import { POSTER_HEIGHT, POSTER_WIDTH, layoutPoster, wrapText } from './share-poster.ts';

// A stand-in for canvas measureText: CJK characters are as wide as the font
// size, everything else half as wide. (happy-dom has no canvas; the real
// drawing is checked in Chromium by the script-tag browser test.)
function measure(text: string, font: string): number {
  const size = Number(/(\d+)px/.exec(font)?.[1] ?? 16);
  return Array.from(text).reduce(
    (width, ch) => width + (/[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? size : size / 2),
    0,
  );
}

const CONTENT: PosterContent = {
  storeName: '茶室 Tea House',
  productName: '青瓷茶壶 Celadon teapot',
  rewardText: '扫码领取 ¥20 off your first order',
  codeText: '邀请码 K7MPQ2XZ',
  link: 'https://shop.example/?koubei_invite=K7MPQ2XZ',
};

describe('wrapText', () => {
  const width = (text: string) => measure(text, '10px x');

  it('breaks Latin text between words', () => {
    expect(wrapText('Join me at the Tea House', 60, width)).toEqual([
      'Join me at',
      'the Tea',
      'House',
    ]);
  });

  it('breaks Chinese text between any two characters', () => {
    expect(wrapText('和我一起逛茶室吧', 30, width)).toEqual(['和我一', '起逛茶', '室吧']);
  });

  it('mixes both, and cuts a word too long for any line', () => {
    const lines = wrapText('扫码 https://shop.example/?koubei_invite=K7MPQ2XZ', 80, width);
    expect(lines.every((line) => width(line) <= 80)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(
      '扫码https://shop.example/?koubei_invite=K7MPQ2XZ',
    );
  });
});

describe('layoutPoster', () => {
  it('places every text inside the poster, the shop name first and the code under the QR code', () => {
    const layout = layoutPoster(CONTENT, measure);
    const texts = layout.texts.map((t) => t.text);
    expect(texts[0]).toBe('茶室 Tea House');
    expect(texts).toEqual(
      expect.arrayContaining(['青瓷茶壶 Celadon teapot', '邀请码 K7MPQ2XZ', CONTENT.link]),
    );
    for (const text of layout.texts) {
      expect(text.y).toBeGreaterThan(0);
      expect(text.y).toBeLessThan(POSTER_HEIGHT);
      expect(measure(text.text, text.font)).toBeLessThanOrEqual(POSTER_WIDTH - 120);
    }
    const qrBottom = layout.qr.y + layout.qr.modules.length * layout.qr.scale;
    const code = layout.texts.find((t) => t.text === '邀请码 K7MPQ2XZ');
    expect(code?.y).toBeGreaterThan(qrBottom);
    expect(qrBottom).toBeLessThan(POSTER_HEIGHT);
    // The fonts fall back to the system's CJK and Latin faces.
    expect(layout.texts[0]?.font).toMatch(/"PingFang SC".*"Noto Sans CJK SC".*sans-serif$/);
  });

  it('lays out a QR code that decodes to the link', () => {
    const { qr } = layoutPoster(CONTENT, measure);
    const size = qr.modules.length * 4;
    const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
    qr.modules.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (!dark) return;
        for (let dy = 0; dy < 4; dy++)
          for (let dx = 0; dx < 4; dx++) {
            const offset = ((y * 4 + dy) * size + x * 4 + dx) * 4;
            pixels.fill(0, offset, offset + 3);
          }
      }),
    );
    expect(jsQR(pixels, size, size)?.data).toBe(CONTENT.link);
  });

  it('keeps a very long link on the poster by shrinking its QR code', () => {
    const link = `https://shop.example/landing/${'x'.repeat(300)}?koubei_invite=K7MPQ2XZ`;
    const { qr, texts } = layoutPoster({ ...CONTENT, link }, measure);
    expect(qr.modules.length * qr.scale).toBeLessThanOrEqual(540);
    expect(Math.max(...texts.map((t) => t.y))).toBeLessThan(POSTER_HEIGHT);
  });
});
