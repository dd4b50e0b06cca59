// Every `.css.ts` module registers its CSS text here (see the build plugin in
// vite-koubei-css.ts). Registering only records a string: nothing touches the
// page until a widget mounts and asks for the shared stylesheet.

const cssTexts: string[] = [];
let sharedSheet: CSSStyleSheet | null = null;

export function registerCss(css: string): void {
  if (cssTexts.includes(css)) return;
  cssTexts.push(css);
  if (sharedSheet) appendRules(sharedSheet, css);
}

/**
 * A widget chunk loaded after the first mount brings its own rules: they are
 * appended, not swapped in with the whole sheet. Replacing the sheet made
 * the browser restyle every widget already on the page each time a chunk
 * arrived (style recalculation of 150 ms at 4x CPU on the product page);
 * new rules name only the new widget's classes, which nothing uses yet.
 */
function appendRules(sheet: CSSStyleSheet, css: string): void {
  const parsed = new CSSStyleSheet();
  parsed.replaceSync(css);
  for (const rule of parsed.cssRules) sheet.insertRule(rule.cssText, sheet.cssRules.length);
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
