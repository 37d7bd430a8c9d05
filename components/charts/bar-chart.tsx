// Horizontal bar chart as inline SVG rendered on the server (no client JavaScript). Geometry comes from
// d3-scale; the text alternative is the SVG's title/description plus the table the page shows with it.
// Drawn for a phone first: 360 units wide, each label on its own line above its bar, so at 375 px the
// text is at least 12 px tall (the SVG scales with its width; it never grows past max-w-md, 448 px).
import { scaleLinear } from "d3-scale";

type Bar = { label: string; value: number | null; display: string };

export const BAR_CHART_WIDTH = 360;
const FONT = 13;
const ROW = 42;
const VALUE_SPACE = 96;

export function BarChart({
  id,
  title,
  description,
  bars,
  hiddenLegend,
}: {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  hiddenLegend?: string;
}) {
  const width = BAR_CHART_WIDTH;
  const height = bars.length * ROW + 4;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, width - VALUE_SPACE]);
  const anyHidden = bars.some((b) => b.value === null);
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
        {bars.map((b, i) => {
          const top = i * ROW + 2;
          const barY = top + FONT + 6;
          const w = b.value === null ? x(max) : Math.max(x(b.value), 1);
          return (
            <g key={b.label}>
              <text x={0} y={top + FONT} fontSize={FONT} fill="#262626">
                {b.label}
              </text>
              {b.value === null ? (
                <rect x={0.5} y={barY} width={w - 1} height={16} fill="none" stroke="#525252" strokeDasharray="4 3" />
              ) : (
                <rect x={0} y={barY} width={w} height={16} fill="#1d4ed8" />
              )}
              <text x={w + 6} y={barY + 12.5} fontSize={FONT} fill="#262626">
                {b.display}
              </text>
            </g>
          );
        })}
      </svg>
      {anyHidden && hiddenLegend && (
        <figcaption className="flex items-center gap-2 text-sm text-neutral-800">
          <svg width="28" height="14" aria-hidden="true" className="shrink-0">
            <rect x="0.5" y="0.5" width="27" height="13" fill="none" stroke="#525252" strokeDasharray="4 3" />
          </svg>
          {hiddenLegend}
        </figcaption>
      )}
    </figure>
  );
}
