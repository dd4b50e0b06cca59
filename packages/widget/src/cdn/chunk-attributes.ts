/**
 * A whole number from a placeholder attribute, clamped to [min, max];
 * `undefined` when absent or not a plain integer (the widget's default then
 * applies, and the shop's developer gets a console warning saying why).
 */
export function integerAttribute(
  value: string | null,
  name: string,
  min: number,
  max: number,
  widget: string,
): number | undefined {
  if (value === null) return undefined;
  if (!/^\d{1,6}$/.test(value.trim())) {
    console.warn(`Koubei: ${widget} ignores data-${name}="${value}" (expected a whole number)`);
    return undefined;
  }
  return Math.min(max, Math.max(min, Number(value.trim())));
}
