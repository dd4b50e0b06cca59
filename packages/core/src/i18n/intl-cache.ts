/**
 * Intl formatters are slow to make: about 0.1–1 ms each on a laptop, many
 * times that on a phone, and the first one on a page loads locale data
 * (measured: 76 ms of a 119 ms task at 4x CPU throttling when every
 * translator made four up front). Each is made on first use and kept per
 * locale and options. Bounded, because locales and options come from
 * configuration.
 */
const made = new Map<string, object>();

export function intl<T extends object>(key: string, make: () => T): T {
  let found = made.get(key) as T | undefined;
  if (!found) {
    if (made.size >= 32) made.clear();
    made.set(key, (found = make()));
  }
  return found;
}
