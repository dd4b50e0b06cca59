import { style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

// One line of 24px (the avatars' height), the same height the loader reserves
// for a `social-proof` placeholder, so the page does not move when it fills in.
const LINE = '24px';
const AVATAR = '24px';

export const badge = style({
  display: 'inline-flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  columnGap: tokens.space.medium,
  rowGap: tokens.space.small,
  maxWidth: '100%',
  minHeight: LINE,
  margin: 0,
  fontSize: tokens.font.sizeSmall,
  lineHeight: LINE,
  color: tokens.color.text,
  verticalAlign: 'middle',
});

export const line = style({
  display: 'inline-flex',
  alignItems: 'center',
  flexWrap: 'wrap',
  columnGap: tokens.space.small,
  margin: 0,
  minWidth: 0,
  selectors: {
    // A thin rule between statements: drawn, not a "·" that screen readers would read out.
    [`& + &`]: {
      borderInlineStart: `1px solid ${tokens.color.border}`,
      paddingInlineStart: tokens.space.medium,
    },
  },
});

export const muted = style({ color: tokens.color.muted });

export const avatars = style({
  display: 'inline-flex',
  flexShrink: 0,
  paddingInlineStart: '4px',
});

export const avatar = style({
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  boxSizing: 'border-box',
  width: AVATAR,
  height: AVATAR,
  // Overlapping faces; the ring in the background colour keeps them apart.
  marginInlineStart: '-4px',
  borderRadius: '50%',
  border: `2px solid ${tokens.color.background}`,
  background: tokens.color.surface,
  color: tokens.color.muted,
  fontSize: '11px',
  fontWeight: 600,
  lineHeight: 1,
  objectFit: 'cover',
  overflow: 'hidden',
  '@media': { '(forced-colors: active)': { border: '1px solid CanvasText' } },
});

export const loading = style({
  display: 'inline-block',
  width: '220px',
  maxWidth: '100%',
  height: LINE,
  overflow: 'hidden',
  verticalAlign: 'middle',
});
