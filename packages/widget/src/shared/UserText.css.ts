import { style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const text = style({
  margin: 0,
  whiteSpace: 'pre-line',
  // A 10 000-character word or a wall of emoji must wrap inside the card.
  overflowWrap: 'anywhere',
  wordBreak: 'break-word',
  // Each piece of user text is its own bidi island: right-to-left names or
  // stray direction marks cannot reorder the labels around them.
  unicodeBidi: 'isolate',
});

export const more = style({
  font: 'inherit',
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.accent,
  background: 'none',
  border: 'none',
  padding: 0,
  marginBlockStart: tokens.space.small,
  cursor: 'pointer',
  textDecoration: 'underline',
});
