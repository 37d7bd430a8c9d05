// Weekly series as an inline SVG area chart rendered on the server. Geometry from d3-scale and
// d3-shape; weeks hidden by the privacy rule are gaps in the line (never drawn as zero), marked by a
// hatched band along the axis and explained by the legend under the chart. Drawn for a phone first:
// 360 units wide with 13-unit text, so at 375 px every label is at least 12 px tall.
import { scaleLinear, scalePoint } from "d3-scale";
import { area, line } from "d3-shape";

type Point = { week: string; value: number | null };

export const WEEK_CHART_WIDTH = 360;
const FONT = 13;

export function WeekChart({
  id,
  title,
  description,
  points,
  format,
  hiddenLegend,
}: {
  id: string;
  title: string;
  description: string;
  points: Point[];
  format: (v: number) => string;
  hiddenLegend?: string;
}) {
  const width = WEEK_CHART_WIDTH;
  const height = 190;
  const margin = { top: 12, right: 12, bottom: 34, left: 40 };
  const x = scalePoint<string>()
    .domain(points.map((p) => p.week))
    .range([margin.left, width - margin.right])
    .padding(0.5);
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([height - margin.bottom, margin.top]);
  const defined = (p: Point) => p.value !== null;
  const px = (p: Point) => x(p.week) ?? 0;
  const py = (p: Point) => y(p.value ?? 0);
  // Rounded coordinates keep the inline SVG small.
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const areaPath =
    area<Point>()
      .defined(defined)
      .x((p) => r1(px(p)))
      .y0(r1(y(0)))
      .y1((p) => r1(py(p)))(points) ?? "";
  const linePath =
    line<Point>()
      .defined(defined)
      .x((p) => r1(px(p)))
      .y((p) => r1(py(p)))(points) ?? "";
  const ticks = y.ticks(4).filter((t) => Number.isInteger(t));
  const every = Math.max(1, Math.ceil(points.length / 4));
  const step = points.length > 1 ? x.step() : width - margin.left - margin.right;
  const hidden = points.filter((p) => p.value === null);
  const hatch = `${id}-hatch`;
  return (
    <figure className="w-full max-w-md space-y-1">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#525252" strokeWidth="2" />
          </pattern>
        </defs>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#e5e5e5" />
            <text x={margin.left - 6} y={y(t)} dominantBaseline="middle" textAnchor="end" fontSize={FONT} fill="#404040">
              {format(t)}
            </text>
          </g>
        ))}
        {/* A week with fewer than 5 people: a hatched band on the axis, not a zero. */}
        {hidden.map((p) => (
          <rect
            key={`h-${p.week}`}
            x={r1(px(p) - step / 2 + 1)}
            y={height - margin.bottom - 10}
            width={r1(Math.max(step - 2, 2))}
            height={10}
            fill={`url(#${hatch})`}
          />
        ))}
        <path d={areaPath} fill="#bfdbfe" />
        <path d={linePath} fill="none" stroke="#1d4ed8" strokeWidth="2" />
        {/* A shown week between hidden ones has no line to draw: a dot keeps it visible. */}
        {points.map((p, i) =>
          p.value !== null && points[i - 1]?.value == null && points[i + 1]?.value == null ? (
            <circle key={`d-${p.week}`} cx={r1(px(p))} cy={r1(py(p))} r="3" fill="#1d4ed8" />
          ) : null,
        )}
        {points.map((p, i) =>
          i % every === 0 ? (
            <text key={p.week} x={px(p)} y={height - margin.bottom + 20} textAnchor="middle" fontSize={FONT} fill="#404040">
              {p.week.slice(5)}
            </text>
          ) : null,
        )}
      </svg>
      {hidden.length > 0 && hiddenLegend && (
        <figcaption className="flex items-center gap-2 text-sm text-neutral-800">
          <svg width="28" height="14" aria-hidden="true" className="shrink-0">
            <defs>
              <pattern id={`${hatch}-key`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="6" stroke="#525252" strokeWidth="2" />
              </pattern>
            </defs>
            <rect width="28" height="14" fill={`url(#${hatch}-key)`} />
          </svg>
          {hiddenLegend}
        </figcaption>
      )}
    </figure>
  );
}
