import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { createEffect, createUniqueId, For, onCleanup } from 'solid-js';

import '../styles/chart.css';

// Only the parts a bar chart uses are registered, so the bundle leaves the rest of Chart.js out.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Colours distinguishable with common colour-vision deficiencies, each 3:1 against white. */
const seriesColours = ['#1b4f8f', '#c25400', '#17663a', '#8a3ffc', '#b3261e', '#4f5b67'];

export type BarSeries = { label: string; values: readonly number[] };

export type BarChartProps = {
  /** Names the chart for screen readers and heads the data table. */
  title: string;
  labels: readonly string[];
  series: readonly BarSeries[];
  /** Stacks the series in one bar per label, for parts of a whole. */
  stacked?: boolean;
  /** Draws the bars sideways, which suits long labels such as unit names. */
  horizontal?: boolean;
  /** The data table's summary line; the table itself is the chart's text alternative. */
  tableLabel: string;
};

/**
 * A bar chart drawn by Chart.js on a canvas, with the same figures in a table under a disclosure,
 * so the numbers are readable without sight and without the canvas.
 */
export function BarChart(props: BarChartProps) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: Chart<'bar'> | undefined;
  const titleId = createUniqueId();

  createEffect(() => {
    const data = {
      labels: [...props.labels],
      datasets: props.series.map((series, index) => ({
        label: series.label,
        data: [...series.values],
        backgroundColor: seriesColours[index % seriesColours.length],
      })),
    };
    if (chart) {
      chart.data = data;
      chart.update();
      return;
    }
    // A browser without canvas (or a test's DOM) still gets the table below.
    const context = canvas?.getContext?.('2d');
    if (!context) {
      return;
    }
    const valueAxis = { beginAtZero: true, stacked: props.stacked, ticks: { precision: 0 } };
    const labelAxis = { stacked: props.stacked };
    chart = new Chart(context, {
      type: 'bar',
      data,
      options: {
        indexAxis: props.horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        scales: props.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        plugins: { legend: { display: props.series.length > 1, position: 'bottom' } },
      },
    });
  });
  onCleanup(() => chart?.destroy());

  const height = () =>
    props.horizontal ? `${Math.max(12, props.labels.length * 2.25 + 4)}rem` : '18rem';

  return (
    <figure class="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} class="chart__title">
        {props.title}
      </figcaption>
      <div class="chart__canvas" style={{ height: height() }}>
        <canvas ref={canvas} role="img" aria-labelledby={titleId} />
      </div>
      <details class="chart__data">
        <summary>{props.tableLabel}</summary>
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{props.title}</span>
                </th>
                <For each={props.series}>{(series) => <th scope="col">{series.label}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.labels}>
                {(label, row) => (
                  <tr>
                    <th scope="row">{label}</th>
                    <For each={props.series}>
                      {(series) => <td class="numeric">{series.values[row()] ?? 0}</td>}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
