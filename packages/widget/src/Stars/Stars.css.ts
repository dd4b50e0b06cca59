import { style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

// Block-level flex (not inline): an inline box would sit in a line box taller
// than 20px and push the page down by a few pixels when it paints.
export const badge = style({
  display: 'flex',
  width: 'fit-content',
  alignItems: 'center',
  gap: tokens.space.small,
  color: tokens.color.text,
  textDecoration: 'none',
  fontSize: tokens.font.sizeSmall,
  lineHeight: '20px',
  minHeight: '20px',
});

export const link = style({ borderRadius: '4px' });

export const count = style({
  color: tokens.color.muted,
  selectors: { [`${link}:hover &`]: { textDecoration: 'underline' } },
});

export const skeleton = style({
  display: 'block',
  width: '120px',
  height: '20px',
  borderRadius: '4px',
  background: tokens.color.surface,
});
