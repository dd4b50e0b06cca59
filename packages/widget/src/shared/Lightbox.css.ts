import { keyframes, style } from '@vanilla-extract/css';
import { tokens } from '../styles/theme.css.ts';

const fadeIn = keyframes({ from: { opacity: 0 }, to: { opacity: 1 } });

/**
 * The dialog is the whole overlay. Fixed to the viewport from inside the
 * shadow root, above anything a shop's theme is likely to stack (sticky
 * headers, chat bubbles), and opaque, so no backdrop colour is needed.
 */
export const dialog = style({
  position: 'fixed',
  inset: 0,
  zIndex: 2147483000,
  display: 'grid',
  gridTemplateRows: 'auto minmax(0, 1fr) auto',
  gridTemplateColumns: 'auto minmax(0, 1fr) auto',
  gridTemplateAreas: '"count count close" "previous figure next" ". caption ."',
  alignItems: 'center',
  gap: tokens.space.medium,
  padding: tokens.space.large,
  background: tokens.color.background,
  color: tokens.color.text,
  overscrollBehavior: 'contain',
  '@media': {
    // Motion only for those who have not asked for less.
    '(prefers-reduced-motion: no-preference)': { animation: `${fadeIn} 150ms ease-out` },
    // On phones the photo gets the full width; previous/next sit below it, within thumb reach.
    '(max-width: 600px)': {
      gridTemplateAreas: '"count count close" "figure figure figure" "previous caption next"',
    },
  },
});

export const counter = style({
  gridArea: 'count',
  margin: 0,
  color: tokens.color.muted,
  fontSize: tokens.font.sizeSmall,
});

export const figure = style({
  gridArea: 'figure',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  height: '100%',
  minHeight: 0,
  margin: 0,
  // Horizontal drags reach our pointer handlers (swipe); vertical ones still scroll or zoom.
  touchAction: 'pan-y pinch-zoom',
});

export const image = style({
  display: 'block',
  maxWidth: '100%',
  maxHeight: '100%',
  width: 'auto',
  height: 'auto',
  objectFit: 'contain',
  borderRadius: tokens.radius,
  background: tokens.color.surface,
  userSelect: 'none',
});

export const caption = style({
  gridArea: 'caption',
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  gap: tokens.space.small,
  textAlign: 'center',
  fontSize: tokens.font.sizeSmall,
  color: tokens.color.muted,
});

export const captionText = style({
  margin: 0,
  color: tokens.color.text,
  fontSize: tokens.font.size,
  overflowWrap: 'anywhere',
  unicodeBidi: 'isolate',
});

export const context = style({ margin: 0, unicodeBidi: 'isolate' });

const roundButton = style({
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: '44px',
  height: '44px',
  padding: 0,
  font: 'inherit',
  lineHeight: 1,
  color: tokens.color.text,
  background: tokens.color.surface,
  border: `1px solid ${tokens.color.border}`,
  borderRadius: '999px',
  cursor: 'pointer',
  selectors: { '&:hover': { borderColor: tokens.color.text } },
});

// The glyphs (×, ‹, ›) sit small in their em box; this makes them read at button size.
const glyph = { fontSize: `calc(${tokens.font.sizeLarge} * 1.5)` };

export const close = style([roundButton, glyph, { gridArea: 'close' }]);
export const previous = style([roundButton, glyph, { gridArea: 'previous' }]);
export const next = style([roundButton, glyph, { gridArea: 'next' }]);
