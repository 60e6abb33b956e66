import * as Plot from '@observablehq/plot';
import type { IndicatorResult, PublishedRow, SummaryMeasure } from '../../analytics/indicators/result.ts';
import { renderPlot } from './plot.ts';

const nhsBlue = '#005eb8';
const nhsDarkGrey = '#425563';
const nhsRed = '#d5281b';

const shown = (rows: PublishedRow[]) => rows.filter((r) => r.value !== null);

/** Values by IMD decile with 95% confidence whiskers and the fitted SII line. */
export function decileChart(
  result: IndicatorResult,
  rows: PublishedRow[],
  sii: SummaryMeasure | undefined,
): string {
  const data = shown(rows).map((r) => ({
    decile: Number(r.group),
    value: r.value,
    lower: r.lower95,
    upper: r.upper95,
  }));
  if (data.length === 0) return '';
  const marks: Plot.Markish[] = [
    // The x scale is continuous (so the SII line can run from rank 0 to 1), so bars are drawn as rects.
    Plot.rectY(data, {
      x1: (d: { decile: number }) => d.decile - 0.4,
      x2: (d: { decile: number }) => d.decile + 0.4,
      y: 'value',
      fill: nhsBlue,
      fillOpacity: 0.75,
    }),
    Plot.ruleX(
      data.filter((d) => d.lower !== null),
      { x: 'decile', y1: 'lower', y2: 'upper', stroke: nhsDarkGrey, strokeWidth: 2 },
    ),
    Plot.ruleY([0]),
  ];
  if (sii?.intercept !== undefined) {
    // The SII line runs from the most deprived end (rank 0) to the least deprived (rank 1) of the scale.
    const line = [
      { decile: 0.5, value: sii.intercept },
      { decile: 10.5, value: sii.intercept + sii.value },
    ];
    marks.push(
      Plot.line(line, { x: 'decile', y: 'value', stroke: nhsRed, strokeWidth: 2, strokeDasharray: '6,4' }),
    );
  }
  return renderPlot(
    {
      width: 640,
      height: 320,
      marginLeft: 56,
      x: {
        label: 'IMD decile (1 = most deprived)',
        domain: [0.5, 10.5],
        ticks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        tickFormat: 'd',
      },
      y: { label: `${result.unit}`, grid: true },
      marks,
    },
    {
      label: `${result.title} by deprivation decile`,
      description:
        'Bars show each decile, grey lines the 95% confidence interval and the dashed red line the slope index of inequality.',
    },
  );
}

/** Horizontal bars for a non-ordered breakdown (ethnic group, place) with 95% whiskers. */
export function groupChart(result: IndicatorResult, rows: PublishedRow[], title: string): string {
  const data = shown(rows).map((r) => ({
    group: r.group,
    value: r.value,
    lower: r.lower95,
    upper: r.upper95,
  }));
  if (data.length === 0) return '';
  return renderPlot(
    {
      width: 640,
      height: 40 + data.length * 28,
      marginLeft: 240,
      x: { label: result.unit, grid: true },
      y: { label: null, domain: data.map((d) => d.group) },
      marks: [
        Plot.barX(data, { y: 'group', x: 'value', fill: nhsBlue, fillOpacity: 0.75 }),
        Plot.ruleY(
          data.filter((d) => d.lower !== null),
          { y: 'group', x1: 'lower', x2: 'upper', stroke: nhsDarkGrey, strokeWidth: 2 },
        ),
        Plot.ruleX([0]),
      ],
    },
    {
      label: `${result.title} by ${title}`,
      description: `Bars show each group with its 95% confidence interval.`,
    },
  );
}

/** The overall value in each period, with its 95% interval. */
export function trendChart(result: IndicatorResult, rows: PublishedRow[]): string {
  const data = shown(rows).map((r) => ({
    period: r.period,
    value: r.value,
    lower: r.lower95,
    upper: r.upper95,
  }));
  if (data.length < 2) return '';
  return renderPlot(
    {
      width: 640,
      height: 280,
      marginLeft: 56,
      x: { label: 'Period', domain: data.map((d) => d.period), type: 'point', padding: 0.3 },
      y: { label: result.unit, grid: true },
      marks: [
        Plot.ruleX(
          data.filter((d) => d.lower !== null),
          { x: 'period', y1: 'lower', y2: 'upper', stroke: nhsDarkGrey, strokeWidth: 2 },
        ),
        Plot.line(data, { x: 'period', y: 'value', stroke: nhsBlue, strokeWidth: 2 }),
        Plot.dot(data, { x: 'period', y: 'value', fill: nhsBlue, r: 4 }),
      ],
    },
    {
      label: `${result.title}: trend`,
      description: 'The overall value in each period with its 95% confidence interval.',
    },
  );
}
