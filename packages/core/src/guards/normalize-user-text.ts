export interface NormalizeUserTextOptions {
  /** Longest result in user-perceived characters (grapheme clusters); emoji count as one. */
  readonly maxLength?: number;
  /** Keep line breaks (review bodies, replies); otherwise they become spaces (names, titles). */
  readonly multiline?: boolean;
}

// Controls other than tab and newline, DEL, C1 controls, zero-width spaces,
// the BOM, and bidi embeddings/overrides/isolates. Bidi controls are removed
// because a stray U+202E in a name can visually reverse the text that
// follows it ("verified buyer"). ZWJ (U+200D) and variation selectors stay:
// emoji sequences need them.
const UNWANTED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Whitespace other than line breaks and the ideographic space (U+3000), which
// is part of how CJK text is typeset and is kept as typed.
const SPACE_RUN = /[^\S\n\u3000]+/g;

let graphemeSegmenter: Intl.Segmenter | undefined;

function truncateGraphemes(text: string, maxLength: number): string {
  // Cheap exit: a string of at most maxLength code units has at most that many graphemes.
  if (text.length <= maxLength) return text;
  if (typeof Intl.Segmenter !== 'function') return Array.from(text).slice(0, maxLength).join('');
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let result = '';
  let count = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) {
    if (count === maxLength) break;
    result += segment;
    count++;
  }
  return result;
}

/**
 * Cleans text a person typed before it is stored or shown: Unicode NFC,
 * no invisible or control characters, no lone surrogates, runs of spaces
 * collapsed, at most one blank line, trimmed, and cut at a grapheme
 * boundary so an emoji or a CJK character is never split.
 */
export function normalizeUserText(value: string, options: NormalizeUserTextOptions = {}): string {
  let text = value.replace(UNWANTED, '').replace(LONE_SURROGATE, '').normalize('NFC');
  text = text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  if (options.multiline) {
    text = text
      .split('\n')
      .map((line) => line.replace(SPACE_RUN, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');
  } else {
    text = text.replace(/\n+/g, ' ').replace(SPACE_RUN, ' ');
  }
  text = text.trim();
  if (options.maxLength !== undefined) text = truncateGraphemes(text, options.maxLength).trim();
  return text;
}
