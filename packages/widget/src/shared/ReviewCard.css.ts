import { globalStyle, style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

// A grid rather than wrapper elements (a page of reviews is mostly cards, so
// every element per card counts): the stars and the title share the first
// row, and every later child spans the whole width.
export const card = style({
  display: 'grid',
  gridTemplateColumns: 'auto minmax(0, 1fr)',
  alignItems: 'center',
  gap: tokens.space.medium,
  padding: `${tokens.space.large} 0`,
  borderBlockEnd: `1px solid ${tokens.color.border}`,
  // Layout of one card never affects the rest of the page.
  contain: 'content',
  minWidth: 0,
});

globalStyle(`${card} > :nth-child(n + 3)`, { gridColumn: '1 / -1' });

export const title = style({
  margin: 0,
  // Next to the stars whatever the direction of the title's own text.
  justifySelf: 'start',
  fontSize: tokens.font.size,
  fontWeight: 600,
  overflowWrap: 'anywhere',
  unicodeBidi: 'isolate',
});

export const meta = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: tokens.space.medium,
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
});

export const author = style({ fontWeight: 600, color: tokens.color.text, unicodeBidi: 'isolate' });

export const badge = style({
  display: 'inline-block',
  padding: '0 8px',
  borderRadius: '999px',
  fontSize: tokens.font.sizeSmall,
  border: `1px solid ${tokens.color.border}`,
  color: tokens.color.success,
});

export const disclosure = style({
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.muted,
  margin: 0,
});

export const aspects = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: `${tokens.space.small} ${tokens.space.large}`,
  margin: 0,
  padding: 0,
  listStyle: 'none',
  fontSize: tokens.font.sizeSmall,
});

export const photos = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: tokens.space.small,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

export const photoButton = style({
  display: 'block',
  padding: 0,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: tokens.radius,
  overflow: 'hidden',
  background: tokens.color.surface,
  cursor: 'zoom-in',
  width: '72px',
  height: '72px',
});

export const photo = style({ display: 'block', width: '100%', height: '100%', objectFit: 'cover' });

export const reply = style({
  marginInlineStart: tokens.space.large,
  padding: tokens.space.medium,
  borderInlineStart: `3px solid ${tokens.color.accent}`,
  background: tokens.color.surface,
  borderRadius: tokens.radius,
});

export const replyLabel = style({
  margin: `0 0 ${tokens.space.small}`,
  fontSize: tokens.font.sizeSmall,
  fontWeight: 600,
});

export const votes = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: tokens.space.medium,
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.muted,
  selectors: {
    // The visible question is the group's accessible name; the empty
    // alternative text after the slash keeps screen readers from hearing it
    // twice (browsers without that syntax keep the first value).
    '&::before': { content: ['attr(aria-label)', 'attr(aria-label) / ""'] },
  },
});

export const voteButton = style({
  font: 'inherit',
  color: tokens.color.text,
  background: 'transparent',
  border: `1px solid ${tokens.color.border}`,
  borderRadius: '999px',
  padding: '2px 12px',
  minHeight: '28px',
  cursor: 'pointer',
  selectors: {
    '&[aria-pressed="true"]': {
      borderColor: tokens.color.accent,
      color: tokens.color.accent,
      fontWeight: 600,
    },
    '&:disabled': { cursor: 'default', opacity: 0.7 },
  },
});

export const voteError = style({ color: tokens.color.danger });
