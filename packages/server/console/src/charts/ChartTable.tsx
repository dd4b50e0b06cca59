import * as css from '../console.css.ts';

export interface ChartTableProps {
  /** The disclosure's summary, e.g. "Show as a table". */
  readonly label: string;
  /** Column headings, the row-heading column first. */
  readonly headings: readonly string[];
  /** One row per bar or point: its label, then its values as shown. */
  readonly rows: readonly (readonly [string, ...string[]])[];
}

/** The numbers behind a chart as a table, folded under the chart for screen readers and exact values. */
export function ChartTable({ label, headings, rows }: ChartTableProps) {
  return (
    <details>
      <summary>{label}</summary>
      <table class={css.table}>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([heading, ...cells]) => (
            <tr key={heading}>
              <th scope="row">{heading}</th>
              {cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
