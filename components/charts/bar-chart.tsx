// Horizontal bar chart as inline SVG rendered on the server (no client JavaScript). Geometry comes from
// d3-scale; the text alternative is the SVG's title/description plus the table the page shows with it.
import { scaleBand, scaleLinear } from "d3-scale";

type Bar = { label: string; value: number | null; display: string };

export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: Bar[] }) {
  const width = 560;
  const labelWidth = 150;
  const barHeight = 28;
  const height = bars.length * barHeight + 8;
  const y = scaleBand<string>().domain(bars.map((b) => b.label)).range([4, height - 4]).padding(0.2);
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const x = scaleLinear().domain([0, max]).range([0, width - labelWidth - 140]);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-xl" xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((b) => {
        const top = y(b.label) ?? 0;
        const w = b.value === null ? 0 : x(b.value);
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={top + y.bandwidth() / 2} dominantBaseline="middle" textAnchor="end" fontSize="13" fill="#262626">{b.label}</text>
            {b.value === null ? (
              <rect x={labelWidth} y={top} width={x(max) } height={y.bandwidth()} fill="none" stroke="#a3a3a3" strokeDasharray="4 3" />
            ) : (
              <rect x={labelWidth} y={top} width={Math.max(w, 1)} height={y.bandwidth()} fill="#1d4ed8" />
            )}
            <text x={labelWidth + (b.value === null ? x(max) : w) + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle" fontSize="13" fill="#262626">{b.display}</text>
          </g>
        );
      })}
    </svg>
  );
}
