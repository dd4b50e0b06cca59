import { getSharedStylesheet } from './register-css.ts';

/**
 * Applies Koubei's styles to a document or a shadow root through a
 * constructable stylesheet (works under a strict CSP). For npm users who do
 * not import `@koubei/widget/style.css`; call it once where widgets render.
 */
export function adoptKoubeiStyles(root: Document | ShadowRoot): void {
  const sheet = getSharedStylesheet();
  if (!root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
