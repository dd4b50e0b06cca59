import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUserText } from '../src/index.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (text: string) => [...segmenter.segment(text)].length;

describe('normalizeUserText', () => {
  it('trims and collapses spaces; single-line text loses its line breaks', () => {
    expect(normalizeUserText('  great \t\t tea   pot \n\n ok ')).toBe('great tea pot ok');
  });

  it('keeps paragraphs in multiline text, with at most one blank line', () => {
    expect(normalizeUserText(' a  b \r\n\r\n\r\n\r\n c \n d ', { multiline: true })).toBe(
      'a b\n\nc\nd',
    );
  });

  it('strips control, zero-width and bidi override characters', () => {
    expect(normalizeUserText('Ja\u0000ne\u200b\u202eyub deifirev\u202c\u0007')).toBe(
      'Janeyub deifirev',
    );
    expect(normalizeUserText('\ufeffhello\u2066world\u2069')).toBe('helloworld');
  });

  it('removes lone surrogates but keeps real astral characters', () => {
    expect(normalizeUserText('a\ud800b\udc00c😀')).toBe('abc😀');
  });

  it('keeps emoji sequences and CJK intact', () => {
    const family = '👨‍👩‍👧‍👦';
    const flag = '🇨🇳';
    expect(normalizeUserText(`${family} 很好用！${flag} 👍🏽`)).toBe(`${family} 很好用！${flag} 👍🏽`);
    expect(normalizeUserText('质量　很好')).toBe('质量　很好');
  });

  it('composes to NFC', () => {
    expect(normalizeUserText('Cafe\u0301')).toBe('Café');
  });

  it('cuts at a grapheme boundary, never inside an emoji', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(normalizeUserText(`ab${family}cd`, { maxLength: 3 })).toBe(`ab${family}`);
    expect(normalizeUserText('质量很好物流很快', { maxLength: 4 })).toBe('质量很好');
  });

  it('is idempotent and respects the length limit (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 80 });
    const binary = fc.string({ unit: 'binary', maxLength: 80 });
    fc.assert(
      fc.property(
        fc.oneof(text, binary),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 40 })),
        (input, multiline, max) => {
          const options = { multiline, ...(max === null ? {} : { maxLength: max }) };
          const once = normalizeUserText(input, options);
          expect(normalizeUserText(once, options)).toBe(once);
          if (max !== null) expect(graphemes(once)).toBeLessThanOrEqual(max);
          // eslint-disable-next-line no-control-regex -- asserting their absence
          expect(once).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
          expect(once).not.toMatch(/^\s|\s$/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
