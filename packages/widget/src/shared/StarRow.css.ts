import { style, styleVariants } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const row = style({
  position: 'relative',
  display: 'inline-block',
  whiteSpace: 'nowrap',
  lineHeight: 0,
  verticalAlign: 'middle',
  color: tokens.color.starEmpty,
});

export const filled = style({
  position: 'absolute',
  insetBlockStart: 0,
  insetInlineStart: 0,
  overflow: 'hidden',
  color: tokens.color.star,
  // Forced-colors mode drops our colours; keep the fill distinguishable.
  '@media': { '(forced-colors: active)': { color: 'CanvasText' } },
});

export const sizes = styleVariants({
  small: { height: '14px' },
  medium: { height: '18px' },
  large: { height: '28px' },
});

export const star = style({
  height: '100%',
  width: 'auto',
  display: 'inline-block',
  fill: 'currentColor',
});
