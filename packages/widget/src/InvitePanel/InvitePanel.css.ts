import { style } from '@vanilla-extract/css';
import { quietButton } from '../shared/StateViews.css.ts';
import { tokens } from '../styles/theme.css.ts';

export const panel = style({
  display: 'grid',
  gap: tokens.space.medium,
  padding: tokens.space.large,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: tokens.radius,
  background: tokens.color.surface,
  maxWidth: '32rem',
});

export const title = style({ margin: 0, fontSize: tokens.font.sizeLarge });

export const rewards = style({
  margin: 0,
  paddingInlineStart: '1.2em',
  display: 'grid',
  gap: '2px',
});

export const code = style({
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
  fontSize: tokens.font.sizeLarge,
  letterSpacing: '0.12em',
});

export const linkRow = style({ display: 'flex', gap: tokens.space.small, flexWrap: 'wrap' });

export const linkInput = style({
  flex: '1 1 14rem',
  minWidth: 0,
  font: 'inherit',
  padding: '6px 8px',
  color: tokens.color.text,
  background: tokens.color.background,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: tokens.radius,
});

export const targets = style({
  display: 'flex',
  flexWrap: 'wrap',
  gap: tokens.space.small,
  margin: 0,
  padding: 0,
  listStyle: 'none',
});

// Share targets are links and buttons that look alike: the quiet button, as a flex box.
export const target = style([
  quietButton,
  { display: 'inline-flex', alignItems: 'center', padding: '4px 12px', textDecoration: 'none' },
]);

export const qr = style({ display: 'grid', justifyItems: 'start', gap: tokens.space.small });

export const muted = style({
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
  margin: 0,
});

export const notice = style({
  margin: 0,
  padding: tokens.space.medium,
  borderRadius: tokens.radius,
  border: `1px solid ${tokens.color.border}`,
  background: tokens.color.surface,
});
