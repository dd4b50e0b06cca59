import { useState } from 'preact/hooks';
import * as css from './UserText.css.ts';

export interface UserTextProps {
  /** Text a customer or merchant wrote. Rendered only as text, never as HTML. */
  readonly text: string;
  /** Longer texts are cut here (in characters, never inside an emoji) behind "Read more". */
  readonly collapseAfter?: number;
  readonly readMore?: string;
  readonly readLess?: string;
  readonly id?: string;
}

function cut(text: string, length: number): string {
  // Array.from splits by code point, so a surrogate pair is never halved.
  return `${Array.from(text).slice(0, length).join('').trimEnd()}…`;
}

/**
 * Someone else's words on a shop's page: text nodes only (line breaks kept by
 * CSS, not by `<br>` built from the string), `dir="auto"` so Arabic or Hebrew
 * reads correctly, and a bidi-isolated box so it cannot reorder our labels.
 */
export function UserText({ text, collapseAfter, readMore, readLess, id }: UserTextProps) {
  const [expanded, setExpanded] = useState(false);
  // Counting code points allocates; a text no longer in UTF-16 units is short anyway.
  const long =
    collapseAfter !== undefined &&
    text.length > collapseAfter + 20 &&
    Array.from(text).length > collapseAfter + 20;
  return (
    <>
      <p class={css.text} dir="auto" id={id}>
        {long && !expanded ? cut(text, collapseAfter) : text}
      </p>
      {long && (
        <button
          type="button"
          class={css.more}
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? readLess : readMore}
        </button>
      )}
    </>
  );
}
