import { globalStyle, style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const carousel = style({
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.space.medium,
});

// Every slide as tall as the tallest, so the controls do not jump between reviews.
export const frame = style({
  height: '100%',
  paddingInline: tokens.space.large,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: tokens.radius,
  background: tokens.color.background,
});

// The card's divider is for lists; the frame already draws the edge.
globalStyle(`${frame} > [part="review"]`, { borderBlockEnd: 'none' });
