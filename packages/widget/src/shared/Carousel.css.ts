import { style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const carousel = style({
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.space.medium,
  minWidth: 0,
});

export const controls = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'flex-end',
  gap: tokens.space.small,
});

export const iconButton = style({
  display: 'inline-grid',
  placeItems: 'center',
  flex: 'none',
  width: '32px',
  height: '32px',
  padding: 0,
  color: tokens.color.text,
  background: tokens.color.background,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: '999px',
  cursor: 'pointer',
  selectors: { '&:hover': { background: tokens.color.surface } },
});

export const icon = style({
  width: '18px',
  height: '18px',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
});

export const mirrored = style({ transform: 'scaleX(-1)' });

export const picker = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
});

// A 24px target (WCAG 2.5.8) around a small dot.
export const dot = style({
  display: 'inline-grid',
  placeItems: 'center',
  width: '24px',
  height: '24px',
  padding: 0,
  background: 'transparent',
  border: 'none',
  borderRadius: '999px',
  cursor: 'pointer',
  selectors: {
    '&::before': {
      content: '""',
      width: '10px',
      height: '10px',
      borderRadius: '999px',
      border: `1px solid ${tokens.color.muted}`,
      background: 'transparent',
    },
    '&[aria-current="true"]::before': {
      background: tokens.color.accent,
      borderColor: tokens.color.accent,
    },
  },
  '@media': {
    // Forced colours drop backgrounds; keep the shown slide's dot filled.
    '(forced-colors: active)': {
      selectors: { '&[aria-current="true"]::before': { background: 'CanvasText' } },
    },
  },
});

export const track = style({
  display: 'flex',
  overflowX: 'auto',
  overflowY: 'hidden',
  // One swipe moves one slide and always lands on a slide's edge.
  scrollSnapType: 'x mandatory',
  overscrollBehaviorX: 'contain',
  // The buttons are the visible affordance; a scrollbar under each card is noise.
  scrollbarWidth: 'none',
  borderRadius: tokens.radius,
  selectors: { '&::-webkit-scrollbar': { display: 'none' } },
});

export const slide = style({
  flex: '0 0 100%',
  minWidth: 0,
  scrollSnapAlign: 'start',
  scrollSnapStop: 'always',
  // Room for focus outlines of the slide's own controls inside the clipped strip.
  padding: '4px',
});
