// What an attacker wants to find in a widget's DOM, as one check shared by
// the happy-dom/jsdom suites, the property tests and (the URL verdict) the
// Chromium suite.

import { LIMITS, safeHttpUrl } from '@koubei/core';

/** Elements no user text may ever create inside a widget. */
export const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, frameset, object, embed, applet, base, meta, link, style, noscript, xmp, listing, marquee, template, math, foreignObject, animate, set, image, use, body, html, head, isindex, keygen';
export const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'background',
  'data',
  'cite',
];
/** Share links the invite panel builds itself (e-mail, SMS), with the payload encoded. */
// (Percent-encoded: no whitespace, quotes or angle brackets survive into them.)
const SHARE_SCHEME = /^(mailto|sms):[^\s<>"`]*$/;

/** The URL guard's verdict; share links we build may exceed its length cap, nothing else. */
export function isSafeUrl(value: string): boolean {
  if (safeHttpUrl(value, { allowHttpLoopback: true }) !== null || SHARE_SCHEME.test(value))
    return true;
  return (
    value.length > LIMITS.url &&
    safeHttpUrl(new URL(value).origin, { allowHttpLoopback: true }) !== null &&
    value.startsWith(new URL(value).origin) &&
    !/[\s<>"`]/.test(value)
  );
}

/** Everything an attacker would want to find in the widget's DOM; returns the offences. */
export function domOffences(root: Element): string[] {
  const offences: string[] = [];
  for (const element of root.querySelectorAll(FORBIDDEN_ELEMENTS))
    offences.push(`forbidden <${element.localName}>`);
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name) ?? '';
      const lower = name.toLowerCase();
      if (lower.startsWith('on'))
        offences.push(`handler attribute ${name} on <${element.localName}>`);
      if (lower === 'srcdoc' || lower.endsWith(':href') || lower === 'is')
        offences.push(`attribute ${name} on <${element.localName}>`);
      if (URL_ATTRIBUTES.includes(lower) && !isSafeUrl(value))
        offences.push(`unsafe ${name}=${JSON.stringify(value.slice(0, 80))}`);
      if (lower === 'srcset') {
        for (const candidate of value.split(/,\s+/)) {
          const url = candidate.trim().split(/\s+/)[0] ?? '';
          if (!isSafeUrl(url))
            offences.push(`unsafe srcset URL ${JSON.stringify(url.slice(0, 80))}`);
        }
      }
      if (
        lower === 'style' &&
        /url\(|expression|javascript|fixed|evil|behavior|binding/i.test(value)
      )
        offences.push(`style from data: ${value.slice(0, 80)}`);
      if (lower === 'class' && /\bevil\b/.test(value)) offences.push('class from data');
    }
  }
  return offences;
}
