// Numbers as en and zh-CN both write them, without Intl. The first
// Intl.NumberFormat or Intl.DateTimeFormat on a page loads ICU data: measured
// in Chromium at 19–62 ms with a normal CPU and 93–191 ms at 4x CPU
// throttling, a long task by itself, while star badges, shares and review
// dates need nothing these two locales do not write alike. Tests hold every
// output to Intl's for each supported locale.

/** "1234567" → "1,234,567" (also inside "1234.5"). */
export const groupDigits = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A 0–1 share as a whole percentage, rounded half up from the shortest
 * decimal that reads back as `share`, as Intl rounds it: 0.285 → "29%"
 * (where `Math.round(0.285 * 100)` says 28). `undefined` outside 0–1.
 */
export function plainPercent(share: number): string | undefined {
  if (!(share >= 0 && share <= 1) || Object.is(share, -0)) return undefined;
  const text = String(share);
  // Below 0.000001 the shortest form has an exponent; it rounds to 0 %.
  if (text.includes('e')) return '0%';
  const [whole = '0', fraction = ''] = text.split('.');
  const digits = `${fraction}000`;
  return `${Number(whole) * 100 + Number(digits.slice(0, 2)) + (digits[2]! >= '5' ? 1 : 0)}%`;
}
