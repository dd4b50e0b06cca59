import { style, styleVariants } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const row = style({
  display: 'inline-block',
  verticalAlign: 'middle',
  flexShrink: 0,
  fill: 'currentColor',
  color: tokens.color.starEmpty,
  // Right-to-left pages fill the stars from the right (the stars are symmetric).
  selectors: { '&:dir(rtl)': { transform: 'scaleX(-1)' } },
});

export const filled = style({
  color: tokens.color.star,
  // Forced-colors mode drops our colours; keep the fill distinguishable.
  '@media': { '(forced-colors: active)': { color: 'CanvasText' } },
});

// Both sides set (the viewBox is 5:1), so a flex or grid parent never stretches the row.
export const sizes = styleVariants({
  small: { width: '70px', height: '14px' },
  medium: { width: '90px', height: '18px' },
  large: { width: '140px', height: '28px' },
});
