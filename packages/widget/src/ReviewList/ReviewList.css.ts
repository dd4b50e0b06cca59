import { style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

export const list = style({ display: 'flex', flexDirection: 'column', gap: tokens.space.medium });

export const heading = style({
  margin: 0,
  fontSize: tokens.font.sizeLarge,
  fontWeight: 700,
  selectors: {
    '&:focus': { outline: 'none' },
    '&:focus-visible': { outline: `2px solid ${tokens.color.focus}` },
  },
});

export const toolbar = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: tokens.space.medium,
  paddingBlock: tokens.space.medium,
  borderBlockEnd: `1px solid ${tokens.color.border}`,
});

export const select = style({
  font: 'inherit',
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.text,
  background: tokens.color.background,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: tokens.radius,
  padding: '4px 8px',
  minHeight: '32px',
});

export const label = style({
  display: 'inline-flex',
  alignItems: 'center',
  gap: tokens.space.small,
  fontSize: tokens.font.sizeSmall,
});

export const chips = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: tokens.space.small,
  margin: 0,
  padding: 0,
  border: 0,
});

export const chip = style({
  font: 'inherit',
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.text,
  background: tokens.color.background,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: '999px',
  padding: '2px 12px',
  minHeight: '32px',
  cursor: 'pointer',
  selectors: {
    '&[aria-pressed="true"]': {
      background: tokens.color.accent,
      borderColor: tokens.color.accent,
      color: tokens.color.accentText,
    },
  },
});

export const items = style({
  margin: 0,
  padding: 0,
  listStyle: 'none',
  selectors: { '&[aria-busy="true"]': { opacity: 0.6 } },
});

export const pager = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: tokens.space.medium,
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.muted,
});

export const disclosure = style({
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.muted,
  margin: 0,
});

export const link = style({ color: tokens.color.accent });
