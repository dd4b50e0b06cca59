import { globalStyle, style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const summary = style({
  display: 'grid',
  gap: tokens.space.large,
  gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
  alignItems: 'start',
});

export const overview = style({
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.space.small,
});

// The star row is the rating image itself (no wrapper): keep it at its own
// width instead of stretched across the column, where its fill would be off.
globalStyle(`${overview} > [part="stars"]`, { alignSelf: 'flex-start' });

export const mean = style({ fontSize: '40px', fontWeight: 700, lineHeight: 1.1, margin: 0 });

export const muted = style({
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
  margin: 0,
});

export const bars = style({
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.space.small,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

export const barButton = style({
  display: 'grid',
  gridTemplateColumns: '3.5em 1fr 3em',
  alignItems: 'center',
  gap: tokens.space.medium,
  width: '100%',
  padding: '2px 4px',
  font: 'inherit',
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.text,
  textAlign: 'start',
  background: 'transparent',
  border: '1px solid transparent',
  borderRadius: tokens.radius,
  cursor: 'pointer',
  selectors: {
    '&:hover': { background: tokens.color.surface },
    '&[aria-pressed="true"]': { borderColor: tokens.color.accent, fontWeight: 600 },
    '&:disabled': { cursor: 'default', opacity: 0.6 },
  },
});

export const track = style({
  position: 'relative',
  display: 'block',
  height: '8px',
  borderRadius: '4px',
  background: tokens.color.surface,
  border: `1px solid ${tokens.color.border}`,
  overflow: 'hidden',
});

export const fill = style({
  position: 'absolute',
  insetBlock: 0,
  insetInlineStart: 0,
  background: tokens.color.star,
  '@media': { '(forced-colors: active)': { background: 'CanvasText' } },
});

export const count = style({ textAlign: 'end', color: tokens.color.muted });

export const aspects = style({
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.space.small,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

export const aspectRow = style({
  display: 'grid',
  gridTemplateColumns: '6em 1fr 2.5em',
  alignItems: 'center',
  gap: tokens.space.medium,
  fontSize: tokens.font.sizeSmall,
});
