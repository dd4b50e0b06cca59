// Printing for the benchmarks: every figure goes out as a Markdown table, so
// the console output can be committed as the results file as it is.

/** The middle value (the upper one of the two middles for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Prints `### title` and a Markdown table; the first column left-aligned, the rest right-aligned. */
export function printTable(title, headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const cell = (c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]));
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`));
  console.log(`\n### ${title}\n`);
  console.log(line(headers));
  console.log(`|${rule.join('|')}|`);
  for (const row of rows) console.log(line(row));
}
