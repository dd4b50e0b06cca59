import * as css from '../console.css.ts';
import { ChartTable } from './ChartTable.tsx';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** What hovering shows and the table says, e.g. "12 reviews". */
  readonly detail: string;
}

const WIDTH = 640;
const ROW = 28;
const LABEL = 150;

/**
 * Horizontal bars in SVG. Each bar has a <title> (the number on hover) and
 * the same figures sit in a table behind a disclosure, for screen readers
 * and keyboard users; the SVG itself is one labelled image. Hand-written:
 * a few rectangles do not need a charting library in the console bundle.
 */
export function BarChart({
  title,
  bars,
  tableLabel,
  valueHeading,
}: {
  title: string;
  bars: readonly Bar[];
  tableLabel: string;
  valueHeading: string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 8;
  return (
    <figure style={{ margin: '0 0 16px' }}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <svg class={css.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {bars.map((bar, i) => {
          // Room on the right for the figure ("214 reviews", "214 条评价").
          const width = ((WIDTH - LABEL - 120) * bar.value) / max;
          const y = i * ROW + 4;
          return (
            <g key={bar.label}>
              <title>{`${bar.label}: ${bar.detail}`}</title>
              <text x={LABEL - 8} y={y + 17} text-anchor="end" font-size="13" fill="#1f2933">
                {bar.label}
              </text>
              <rect
                x={LABEL}
                y={y}
                width={Math.max(width, bar.value > 0 ? 2 : 0)}
                height={ROW - 8}
                fill="#0b6e4f"
                rx="3"
              />
              <text x={LABEL + width + 6} y={y + 17} font-size="13" fill="#1f2933">
                {bar.detail}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable
        label={tableLabel}
        headings={[title, valueHeading]}
        rows={bars.map((bar) => [bar.label, bar.detail])}
      />
    </figure>
  );
}
