import { useState } from 'preact/hooks';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
let graphemes: Intl.Segmenter | null | undefined;

/** The first letter of a word as the reader sees it: a whole grapheme, never half an emoji. */
function firstLetter(word: string): string {
  graphemes ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter() : null;
  const parts = graphemes
    ? Array.from(graphemes.segment(word), (part) => part.segment)
    : Array.from(word);
  // Skipping punctuation and invisible format characters (a stray U+202E
  // would otherwise flip the letters after it).
  return parts.find((part) => LETTER_OR_DIGIT.test(part)) ?? '';
}

/** "Mei Lin" → "ML", "赵雷" → "赵": the first letter of the first `letters` words. */
export function initials(name: string, letters = 2): string {
  return name.trim().split(/\s+/).slice(0, letters).map(firstLetter).join('').toUpperCase();
}

export interface AvatarProps {
  readonly name: string;
  /** Already through the URL guard; `null` shows initials. */
  readonly src: string | null;
  readonly size: number;
  readonly class: string;
  readonly initialsClass?: string;
  readonly letters?: number;
}

/**
 * A person's picture, or their initials when there is none or it fails to
 * load. Decorative either way (the name is always next to it), so hidden
 * from screen readers and with an empty alt.
 */
export function Avatar({
  name,
  src,
  size,
  class: className,
  initialsClass = '',
  letters = 2,
}: AvatarProps) {
  const [failed, setFailed] = useState(false);
  if (src && !failed) {
    return (
      <img
        class={className}
        src={src}
        alt=""
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span class={`${className} ${initialsClass}`} aria-hidden="true">
      {initials(name, letters)}
    </span>
  );
}
