import { style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const gallery = style({
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.space.large,
});

export const title = style({
  margin: 0,
  fontSize: tokens.font.sizeLarge,
  fontWeight: 600,
});

/** Square cells, as many per row as fit: 2 on a phone, 4–6 beside a product. */
export const grid = style({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
  gap: tokens.space.medium,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

export const thumb = style({
  display: 'block',
  width: '100%',
  aspectRatio: '1',
  padding: 0,
  overflow: 'hidden',
  background: tokens.color.surface,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: tokens.radius,
  cursor: 'zoom-in',
  selectors: { '&:hover': { borderColor: tokens.color.accent } },
});

export const image = style({
  display: 'block',
  width: '100%',
  height: '100%',
  objectFit: 'cover',
});

export const more = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'center',
  gap: tokens.space.medium,
});

export const moreError = style({
  margin: 0,
  color: tokens.color.danger,
  fontSize: tokens.font.sizeSmall,
});
