import { style, styleVariants } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const row = style({
  position: 'relative',
  display: 'inline-block',
  whiteSpace: 'nowrap',
  lineHeight: 0,
  verticalAlign: 'middle',
  flexShrink: 0,
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

// Both sides set (the stars are 5:1), so a flex or grid parent never
// stretches the row; on the filled box the inline width (the rating) wins.
export const sizes = styleVariants({
  small: { width: '70px', height: '14px' },
  medium: { width: '90px', height: '18px' },
  large: { width: '140px', height: '28px' },
});

export const star = style({
  height: '100%',
  width: 'auto',
  display: 'inline-block',
  fill: 'currentColor',
});
