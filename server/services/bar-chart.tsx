/** One series of a grouped bar chart: a name, a colour and, optionally, a hatching. */
export type ChartSeries = {
  name: string;
  color: string;
  /** Hatched bars stay distinguishable without colour, in print and for colour-blind readers. */
  isHatched?: boolean;
};

export type BarChartProps = {
  /** A prefix for the ids inside the SVG, unique on the page. */
  id: string;
  title: string;
  /** A sentence that sums the chart up for screen readers; the table below has every figure. */
  summary: string;
  series: ChartSeries[];
  /** One group of bars per category, e.g. per month, with one value per series. */
  groups: { label: string; values: number[] }[];
};

const barWidth = 14;
const barGap = 2;
const groupGap = 16;
const plotTop = 24;
const plotHeight = 180;
const axisWidth = 44;
const labelHeight = 28;

/** Rounds a value up to 1, 2 or 5 times a power of ten, and to at least 1. */
export function roundUpToNiceNumber(value: number): number {
  if (value <= 1) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(value));
  const factor = [1, 2, 5, 10].find((candidate) => candidate * power >= value)!;

  return factor * power;
}

/**
 * Returns the values of the grid lines for a largest bar: whole numbers, since the bars count
 * dossiers, in round steps, about four lines above zero.
 */
export function gridValues(largest: number): number[] {
  const step = roundUpToNiceNumber(largest / 4);
  const top = step * Math.max(1, Math.ceil(largest / step));

  return Array.from({ length: top / step + 1 }, (_, index) => index * step);
}

/**
 * Draws a grouped bar chart as inline SVG on the server, so it needs no script. Every bar
 * carries its value as text and as a tooltip. Screen readers get the SVG as one image with a
 * title and a summary, and the page gives the same figures in a table.
 */
export function BarChart(props: BarChartProps) {
  const groupWidth = props.series.length * (barWidth + barGap) - barGap + groupGap;
  const width = axisWidth + props.groups.length * groupWidth + groupGap;
  const height = plotTop + plotHeight + labelHeight;
  const grid = gridValues(Math.max(0, ...props.groups.flatMap((group) => group.values)));
  const maximum = grid[grid.length - 1]!;
  const yOf = (value: number) => plotTop + plotHeight - (value / maximum) * plotHeight;
  const titleId = `${props.id}-tieu-de`;
  const summaryId = `${props.id}-tom-tat`;
  const patternId = (index: number) => `${props.id}-gach-${index}`;
  const fillOf = (index: number) =>
    props.series[index]!.isHatched ? `url(#${patternId(index)})` : props.series[index]!.color;

  return (
    <figure class="chart">
      <figcaption id={titleId}>{props.title}</figcaption>
      <div class="chart-scroll">
        <svg
          xmlns="http://www.w3.org/2000/svg"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${titleId} ${summaryId}`}
        >
          <desc id={summaryId}>{props.summary}</desc>
          <defs>
            {props.series.map((series, index) =>
              series.isHatched ? (
                <pattern
                  id={patternId(index)}
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect width="6" height="6" fill={series.color} />
                  <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" />
                </pattern>
              ) : null,
            )}
          </defs>
          {grid.map((value) => (
            <g>
              <line
                x1={axisWidth}
                x2={width}
                y1={yOf(value)}
                y2={yOf(value)}
                stroke="#d6dbe1"
                stroke-width="1"
              />
              <text
                x={axisWidth - 6}
                y={yOf(value) + 4}
                text-anchor="end"
                font-size="11"
                fill="#545d68"
              >
                {value}
              </text>
            </g>
          ))}
          {props.groups.map((group, groupIndex) => {
            const groupX = axisWidth + groupGap + groupIndex * groupWidth;
            return (
              <g>
                {group.values.map((value, seriesIndex) => {
                  const x = groupX + seriesIndex * (barWidth + barGap);
                  const y = yOf(value);
                  return (
                    <g>
                      <rect
                        x={x}
                        y={y}
                        width={barWidth}
                        height={plotTop + plotHeight - y}
                        fill={fillOf(seriesIndex)}
                        stroke={props.series[seriesIndex]!.color}
                      >
                        <title>{`${group.label}, ${props.series[seriesIndex]!.name}: ${value}`}</title>
                      </rect>
                      <text
                        x={x + barWidth / 2}
                        y={y - 4}
                        text-anchor="middle"
                        font-size="10"
                        fill="#1b1f24"
                      >
                        {value}
                      </text>
                    </g>
                  );
                })}
                <text
                  x={groupX + (groupWidth - groupGap) / 2}
                  y={plotTop + plotHeight + 18}
                  text-anchor="middle"
                  font-size="12"
                  fill="#1b1f24"
                >
                  {group.label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <ul class="chart-legend">
        {props.series.map((series, index) => (
          <li>
            <svg viewBox="0 0 16 16" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">
              <rect width="16" height="16" fill={fillOf(index)} stroke={series.color} />
            </svg>
            {series.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
