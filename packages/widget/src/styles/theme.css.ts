import { assignVars, createThemeContract, globalStyle, style } from '@vanilla-extract/css';
import { darkTheme, lightTheme, overridable } from './theme-values.ts';

/**
 * Design tokens. Widgets read these (hashed, private) variables; each one
 * defaults to a public `--koubei-*` custom property, so a shop themes Koubei
 * from its own stylesheet or the script tag without touching our CSS:
 *   [data-koubei] { --koubei-color-accent: #0a7; --koubei-radius: 0; }
 */
export const tokens = createThemeContract({
  color: {
    text: null,
    muted: null,
    background: null,
    surface: null,
    border: null,
    accent: null,
    accentText: null,
    star: null,
    starEmpty: null,
    focus: null,
    danger: null,
    success: null,
  },
  font: { family: null, size: null, sizeSmall: null, sizeLarge: null, lineHeight: null },
  radius: null,
  space: { small: null, medium: null, large: null },
});

/**
 * The wrapper every widget renders inside its shadow root. `all: initial`
 * stops inherited host styles (font size, colour, line height, text
 * transforms) from leaking in; everything is then set explicitly.
 */
export const root = style({
  all: 'initial',
  display: 'block',
  boxSizing: 'border-box',
  color: tokens.color.text,
  // Our own background keeps text readable whatever the shop's page colour
  // (dark theme on a white page, light theme on a dark one). Shops that want
  // the page to show through set --koubei-color-background: transparent.
  background: tokens.color.background,
  fontFamily: tokens.font.family,
  fontSize: tokens.font.size,
  lineHeight: tokens.font.lineHeight,
  textAlign: 'start',
  overflowWrap: 'anywhere',
  vars: assignVars(tokens, overridable(lightTheme)),
  selectors: {
    // Only colours change with the theme; sizes and fonts are set once above.
    '&[data-theme="dark"]': {
      vars: assignVars(tokens.color, overridable(darkTheme.color, ['color'])),
    },
    '&[data-font="inherit"]': { fontFamily: 'inherit' },
  },
  '@media': {
    // `light-dark()` would say this once, but older Safari drops every colour with it.
    '(prefers-color-scheme: dark)': {
      selectors: {
        '&[data-theme="auto"]': {
          vars: assignVars(tokens.color, overridable(darkTheme.color, ['color'])),
        },
      },
    },
  },
});

globalStyle(`${root} *, ${root} *::before, ${root} *::after`, { boxSizing: 'inherit' });
globalStyle(`${root} :focus-visible`, {
  outline: `2px solid ${tokens.color.focus}`,
  outlineOffset: '2px',
});

// Inside a shadow root, `:host` is the placeholder. `!important` here beats
// ordinary host-page rules such as `div:empty { display: none }`, which would
// otherwise hide a placeholder that had no fallback content.
globalStyle(':host', { display: 'block !important' });
globalStyle(':host([data-koubei-inline])', {
  display: 'inline-block !important',
  verticalAlign: 'middle',
});
globalStyle(':host([hidden])', { display: 'none !important' });

globalStyle(`${root} *`, {
  '@media': {
    '(prefers-reduced-motion: reduce)': {
      transition: 'none !important',
      animation: 'none !important',
    },
  },
});

/** Visually hidden but read by screen readers. */
export const visuallyHidden = style({
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
});
