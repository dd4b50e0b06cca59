import { keyframes, style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

const pulse = keyframes({ '0%': { opacity: 1 }, '50%': { opacity: 0.55 }, '100%': { opacity: 1 } });

export const skeleton = style({
  display: 'block',
  borderRadius: tokens.radius,
  background: tokens.color.surface,
  // The pulse waits half a second: an answer that comes sooner replaces a
  // still skeleton, instead of starting an animation (extra frames and
  // compositor commits) only to stop it a few milliseconds later.
  animation: `${pulse} 1.6s ease-in-out 0.5s infinite`,
  marginBlockEnd: tokens.space.medium,
});

export const message = style({
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: tokens.space.medium,
  padding: tokens.space.large,
  borderRadius: tokens.radius,
  background: tokens.color.surface,
  color: tokens.color.muted,
});

export const button = style({
  font: 'inherit',
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.accentText,
  background: tokens.color.accent,
  border: 'none',
  borderRadius: tokens.radius,
  padding: `6px 14px`,
  minHeight: '32px',
  cursor: 'pointer',
  selectors: { '&:disabled': { opacity: 0.6, cursor: 'default' } },
});

export const quietButton = style([
  button,
  {
    color: tokens.color.text,
    background: 'transparent',
    border: `1px solid ${tokens.color.border}`,
  },
]);
