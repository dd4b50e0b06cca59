import { style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const wall = style({
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.space.large,
  minWidth: 0,
});

export const title = style({
  margin: 0,
  fontSize: tokens.font.sizeLarge,
  fontWeight: 700,
  lineHeight: 1.25,
});

// Masonry without script: columns fill top to bottom, so reading order (the
// DOM, featured first) stays the order screen readers and keyboards follow.
export const grid = style({
  columnWidth: '260px',
  columnGap: tokens.space.large,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

export const cell = style({
  breakInside: 'avoid',
  marginBlockEnd: tokens.space.large,
});

export const card = style({
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.space.medium,
  height: '100%',
  margin: 0,
  padding: tokens.space.large,
  borderRadius: tokens.radius,
  border: `1px solid ${tokens.color.border}`,
  background: tokens.color.surface,
  // Layout of one card never affects the rest of the page.
  contain: 'content',
  minWidth: 0,
});

export const header = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: tokens.space.medium,
});

export const badge = style({
  display: 'inline-block',
  padding: '0 8px',
  borderRadius: '999px',
  fontSize: tokens.font.sizeSmall,
  fontWeight: 600,
  color: tokens.color.accent,
  border: `1px solid ${tokens.color.accent}`,
});

export const quote = style({ margin: 0 });

export const author = style({
  display: 'flex',
  alignItems: 'center',
  gap: tokens.space.medium,
});

export const avatar = style({
  flex: 'none',
  width: '40px',
  height: '40px',
  borderRadius: '999px',
  objectFit: 'cover',
  background: tokens.color.background,
});

export const initials = style({
  display: 'inline-grid',
  placeItems: 'center',
  fontWeight: 700,
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.text,
  border: `1px solid ${tokens.color.border}`,
  // Initials are built from a stranger's name: keep them in their own bidi island.
  unicodeBidi: 'isolate',
  overflow: 'hidden',
});

export const who = style({
  display: 'flex',
  flexDirection: 'column',
  minWidth: 0,
});

export const name = style({ fontWeight: 600, unicodeBidi: 'isolate' });

export const muted = style({
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
});

export const source = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: tokens.space.small,
  margin: 0,
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
});

export const link = style({
  color: tokens.color.accent,
  textDecoration: 'underline',
});
