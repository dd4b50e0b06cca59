// Every `.css.ts` module registers its CSS text here (see the build plugin in
// vite-koubei-css.ts). Registering only records a string: nothing touches the
// page until a widget mounts and asks for the shared stylesheet.

const cssTexts: string[] = [];
let sharedSheet: CSSStyleSheet | null = null;

export function registerCss(css: string): void {
  if (cssTexts.includes(css)) return;
  cssTexts.push(css);
  // A widget chunk loaded after the first mount brings its own rules.
  sharedSheet?.replaceSync(collectCss());
}

export function collectCss(): string {
  return cssTexts.join('\n');
}

/**
 * One constructable stylesheet shared by every shadow root: applied through
 * `adoptedStyleSheets`, so it works under a CSP without 'unsafe-inline'
 * (a `<style>` element would be blocked) and is parsed once per page.
 */
export function getSharedStylesheet(): CSSStyleSheet {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(collectCss());
  }
  return sharedSheet;
}
