import * as css from '../console.css.ts';
import { ChartTable } from './ChartTable.tsx';

export interface TrendPoint {
  readonly label: string;
  readonly count: number;
  readonly mean: number | null;
  readonly countText: string;
  readonly meanText: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 36, right: 36, top: 12, bottom: 40 };

/**
 * Reviews per week (bars, left axis) and their mean rating (line, right
 * axis, 1–5). Hovering a week shows both numbers; the table holds them all.
 */
export function TrendChart({
  title,
  points,
  tableLabel,
  headings,
}: {
  title: string;
  points: readonly TrendPoint[];
  tableLabel: string;
  headings: { week: string; count: string; mean: string };
}) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(points.length, 1);
  const maxCount = Math.max(1, ...points.map((point) => point.count));
  const yCount = (count: number) => PAD.top + plotHeight - (plotHeight * count) / maxCount;
  const yMean = (mean: number) => PAD.top + plotHeight - (plotHeight * (mean - 1)) / 4;
  const line = points
    .map((point, i) =>
      point.mean === null ? null : `${PAD.left + slot * (i + 0.5)},${yMean(point.mean)}`,
    )
    .filter(Boolean)
    .join(' ');
  return (
    <figure style={{ margin: '0 0 16px' }}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <svg class={css.chart} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={PAD.top + plotHeight}
          y2={PAD.top + plotHeight}
          stroke="#52606d"
        />
        <text x={4} y={PAD.top + 10} font-size="11" fill="#52606d">
          {maxCount}
        </text>
        <text x={WIDTH - PAD.right + 4} y={PAD.top + 10} font-size="11" fill="#52606d">
          5★
        </text>
        <text x={WIDTH - PAD.right + 4} y={PAD.top + plotHeight} font-size="11" fill="#52606d">
          1★
        </text>
        {points.map((point, i) => (
          <g key={point.label}>
            <title>{`${point.label}: ${point.countText}, ${point.meanText}`}</title>
            <rect
              x={PAD.left + slot * i + slot * 0.15}
              y={yCount(point.count)}
              width={slot * 0.7}
              height={PAD.top + plotHeight - yCount(point.count)}
              fill="#9fd8c3"
            />
            {i % 2 === 0 ? (
              <text
                x={PAD.left + slot * (i + 0.5)}
                y={HEIGHT - 20}
                font-size="10"
                text-anchor="middle"
                fill="#52606d"
              >
                {point.label}
              </text>
            ) : null}
          </g>
        ))}
        {line ? <polyline points={line} fill="none" stroke="#0b6e4f" stroke-width="2.5" /> : null}
      </svg>
      <ChartTable
        label={tableLabel}
        headings={[headings.week, headings.count, headings.mean]}
        rows={points.map((point) => [point.label, point.countText, point.meanText])}
      />
    </figure>
  );
}
