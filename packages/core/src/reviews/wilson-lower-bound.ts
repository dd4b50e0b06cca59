/** z for a 95% two-sided confidence interval. */
const Z_95 = 1.959963984540054;

/**
 * Lower bound of the Wilson score interval for the share of "helpful" votes.
 * Ranks a review with 40 of 45 helpful above one with 2 of 2: the bound
 * rewards evidence, not just a high ratio.
 */
export function wilsonLowerBound(positive: number, negative: number, z: number = Z_95): number {
  const n = positive + negative;
  if (!(n > 0) || positive < 0 || negative < 0) return 0;
  const p = positive / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}
