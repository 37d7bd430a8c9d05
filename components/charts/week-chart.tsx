// Weekly series as an inline SVG area chart rendered on the server. Geometry from d3-scale and
// d3-shape; weeks hidden by the privacy rule are gaps in the line (never drawn as zero).
import { scaleLinear, scalePoint } from "d3-scale";
import { area, line } from "d3-shape";

type Point = { week: string; value: number | null };

export function WeekChart({ id, title, description, points, format }: { id: string; title: string; description: string; points: Point[]; format: (v: number) => string }) {
  const width = 560;
  const height = 200;
  const margin = { top: 16, right: 16, bottom: 36, left: 72 };
  const x = scalePoint<string>().domain(points.map((p) => p.week)).range([margin.left, width - margin.right]).padding(0.5);
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const y = scaleLinear().domain([0, max]).nice(4).range([height - margin.bottom, margin.top]);
  const defined = (p: Point) => p.value !== null;
  const px = (p: Point) => x(p.week) ?? 0;
  const py = (p: Point) => y(p.value ?? 0);
  // Rounded coordinates keep the inline SVG small.
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const areaPath = area<Point>().defined(defined).x((p) => r1(px(p))).y0(r1(y(0))).y1((p) => r1(py(p)))(points) ?? "";
  const linePath = line<Point>().defined(defined).x((p) => r1(px(p))).y((p) => r1(py(p)))(points) ?? "";
  const ticks = y.ticks(4);
  const every = Math.max(1, Math.ceil(points.length / 6));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-xl" xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#e5e5e5" />
          <text x={margin.left - 6} y={y(t)} dominantBaseline="middle" textAnchor="end" fontSize="11" fill="#404040">{format(Math.round(t))}</text>
        </g>
      ))}
      <path d={areaPath} fill="#bfdbfe" />
      <path d={linePath} fill="none" stroke="#1d4ed8" strokeWidth="2" />
      {points.map((p, i) => (i % every === 0 ? <text key={p.week} x={px(p)} y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill="#404040">{p.week.slice(5)}</text> : null))}
    </svg>
  );
}
