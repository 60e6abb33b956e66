// The indicator page's charts, drawn for a small phone first: a narrow viewBox with large text (a
// 320px screen shows them at nine-tenths of their size, so text is about 13px), and groups as
// horizontal bars labelled above (many groups, such as wards, as ranked dots). Each chart's key is HTML beside it (analytics-breakdown.ts), and its data table has every value.
import * as Plot from '@observablehq/plot';
import type { IndicatorResult, PublishedRow, SummaryMeasure } from '../../analytics/indicators/result.ts';
import { differenceUnit } from '../routes/analytics-format.ts';
import { renderPlot, type ChartLook } from './plot.ts';

export const nhsBlue = '#005eb8';
export const nhsDarkGrey = '#425563';
const nhsRed = '#d5281b';

/** The width of every indicator chart's viewBox: about a phone's content width. */
export const chartWidth = 320;
const fontSize = 15;
export const look: ChartLook = { fontSize, className: 'parity-chart parity-chart--indicator' };

const shown = (rows: PublishedRow[]) => rows.filter((r) => r.value !== null);

/** Values by IMD decile with 95% confidence whiskers and the fitted SII line. */
export function decileChart(
  result: IndicatorResult,
  rows: PublishedRow[],
  sii: SummaryMeasure | undefined,
  // The IMD's deciles, or those of one of its domains ("income domain decile (1 = most deprived)").
  deciles = 'IMD decile (1 = most deprived)',
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
      width: chartWidth,
      height: 300,
      marginLeft: 52,
      marginRight: 8,
      marginBottom: 44,
      x: {
        label: deciles.charAt(0).toUpperCase() + deciles.slice(1),
        labelAnchor: 'center',
        labelArrow: 'none',
        labelOffset: 38,
        domain: [0.5, 10.5],
        ticks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        tickFormat: 'd',
      },
      y: { label: result.unit, grid: true, ticks: 5 },
      marks,
    },
    {
      label: `${result.title} by ${deciles.startsWith('IMD') ? 'deprivation decile' : deciles.replace(/ \(.*$/, '')}`,
      description:
        'Bars show each decile, grey lines the 95% confidence interval and the dashed red line the slope index of inequality.',
    },
    look,
  );
}

export const barHeight = 18;
/** Room for a label's line of text: Plot wraps at about this many of the font's em per character. */
const emPerCharacter = 0.6;

/** How each group's row is laid out: its name (wrapped onto as many lines as the longest needs), then its bar. */
export function groupRows(labels: string[]): { rowHeight: number; barTop: number } {
  const perLine = Math.floor((chartWidth - 24) / (fontSize * emPerCharacter));
  const lines = Math.max(1, ...labels.map((l) => Math.ceil(l.length / perLine)));
  const barTop = Math.ceil(lines * fontSize * 1.2) + 6;
  return { rowHeight: barTop + barHeight + 10, barTop };
}

interface GroupDatum {
  group: string;
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

/** Each group's bar in the lower part of its row, its whisker through the bar, its name above. */
function groupMarks(data: GroupDatum[], rowHeight: number, barTop: number): Plot.Markish[] {
  // Marks are placed from the middle of each group's row.
  const barMiddle = barTop + barHeight / 2 - rowHeight / 2;
  return [
    Plot.barX(data, {
      y: 'group',
      x: 'value',
      fill: nhsBlue,
      fillOpacity: 0.75,
      insetTop: barTop,
      insetBottom: rowHeight - barTop - barHeight,
    }),
    Plot.ruleY(
      data.filter((d) => d.lower !== null),
      { y: 'group', x1: 'lower', x2: 'upper', stroke: nhsDarkGrey, strokeWidth: 2, dy: barMiddle },
    ),
    groupLabels(data, rowHeight, barTop),
    Plot.ruleX([0]),
  ];
}

/** Each group's label (`label`, wrapped) at the top of its row, above the bars from `barTop`. */
export function groupLabels(data: { group: string; label: string }[], rowHeight: number, barTop: number) {
  return Plot.text(data, {
    y: 'group',
    text: 'label',
    frameAnchor: 'left',
    textAnchor: 'start',
    lineAnchor: 'bottom',
    dx: 4,
    dy: barTop - rowHeight / 2 - 4,
    fontSize,
    lineHeight: 1.2,
    fill: '#212b32',
    // A halo in the page's background keeps the words clear of the grid lines behind them.
    stroke: '#f0f4f5',
    strokeWidth: 4,
    lineWidth: (chartWidth - 24) / fontSize,
  });
}

/** The frame of a chart with a row of `rowHeight` for each group, its values along the bottom. */
export function groupFrame(unit: string, groups: string[], rowHeight: number): Plot.PlotOptions {
  return {
    width: chartWidth,
    height: 48 + groups.length * rowHeight,
    marginTop: 8,
    marginLeft: 8,
    marginRight: 16,
    marginBottom: 40,
    x: { label: unit, labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: 4 },
    y: { axis: null, domain: groups, padding: 0 },
  };
}

/**
 * Horizontal bars for a non-ordered breakdown (ethnic group, place), each group's name and value
 * written above its bar so that long names need no margin, with 95% whiskers.
 */
export function groupChart(result: IndicatorResult, rows: PublishedRow[], title: string): string {
  const data = shown(rows).map((r): GroupDatum => ({
    group: r.group,
    label: `${r.group}: ${r.valueText}`,
    value: r.value,
    lower: r.lower95,
    upper: r.upper95,
  }));
  if (data.length === 0) return '';
  const { rowHeight, barTop } = groupRows(data.map((d) => d.label));
  return renderPlot(
    {
      ...groupFrame(
        result.unit,
        data.map((d) => d.group),
        rowHeight,
      ),
      marks: groupMarks(data, rowHeight, barTop),
    },
    {
      label: `${result.title} by ${title}`,
      description: 'Bars show each group with its 95% confidence interval.',
    },
    look,
  );
}

/**
 * Many groups (wards) ranked from the lowest value to the highest: a dot for each with its 95%
 * whisker, and the overall value as a dashed line across, so that the groups whose interval does not
 * reach the line stand out without a hundred names. The names are in the table and the summary.
 */
export function rankedChart(
  result: IndicatorResult,
  rows: PublishedRow[],
  overall: number | null,
  title: string,
): string {
  const data = shown(rows)
    .map((r) => ({ value: r.value as number, lower: r.lower95, upper: r.upper95 }))
    .sort((a, b) => a.value - b.value)
    .map((d, i) => ({ ...d, rank: i + 1 }));
  if (data.length < 2) return '';
  const marks: Plot.Markish[] = [
    Plot.ruleX(
      data.filter((d) => d.lower !== null),
      { x: 'rank', y1: 'lower', y2: 'upper', stroke: nhsDarkGrey, strokeWidth: 1.5, strokeOpacity: 0.7 },
    ),
    Plot.dot(data, { x: 'rank', y: 'value', fill: nhsBlue, r: 2.5 }),
  ];
  if (overall !== null)
    marks.push(Plot.ruleY([overall], { stroke: nhsRed, strokeWidth: 2, strokeDasharray: '6,4' }));
  return renderPlot(
    {
      width: chartWidth,
      height: 280,
      marginLeft: 52,
      marginRight: 20,
      marginBottom: 44,
      x: {
        label: `${title} ranked, lowest value first`,
        labelAnchor: 'center',
        labelArrow: 'none',
        labelOffset: 38,
        domain: [0.5, data.length + 0.5],
        ticks: [1, data.length],
        tickFormat: 'd',
      },
      y: { label: result.unit, grid: true, ticks: 5 },
      marks,
    },
    {
      label: `${result.title} by ${title}, ranked`,
      description: `Dots show each of the ${data.length} groups from the lowest value to the highest, grey lines their 95% confidence intervals and the dashed red line the overall value.`,
    },
    look,
  );
}

/** Label at most four periods along the axis (the latest always), so that they do not run together. */
export function periodTicks(periods: string[]): string[] {
  const step = Math.ceil(periods.length / 4);
  return periods.filter((_, i) => (periods.length - 1 - i) % step === 0);
}

/** The overall value in each period with its 95% confidence interval. */
export function trendChart(result: IndicatorResult, rows: PublishedRow[]): string {
  const data = shown(rows).map((r) => ({
    period: r.period,
    value: r.value as number,
    lower: r.lower95,
    upper: r.upper95,
  }));
  return periodChart(data, {
    yLabel: result.unit,
    label: `${result.title}: trend`,
    description: 'The overall value in each period with its 95% confidence interval.',
  });
}

/** The slope index of inequality of each period with its 95% interval, against a line at no gap. */
export function gapChart(
  result: IndicatorResult,
  points: { period: string; value: number; lower: number; upper: number }[],
): string {
  return periodChart(points, {
    yLabel: `SII (${differenceUnit(result.unit)})`,
    label: `${result.title}: gap by deprivation over time`,
    description:
      'The slope index of inequality in each period with its 95% confidence interval; zero is no gap.',
    zeroLine: true,
  });
}

/** The frame of a chart across periods: a phone-wide plot with the periods along the bottom. */
function periodFrame(periods: string[], yLabel: string): Plot.PlotOptions {
  return {
    width: chartWidth,
    height: 280,
    // Room above the plot for the y label, clear of a zero line drawn along its top.
    marginTop: 32,
    marginLeft: 52,
    marginRight: 24,
    marginBottom: 44,
    x: {
      label: 'Period',
      labelAnchor: 'center',
      labelArrow: 'none',
      labelOffset: 38,
      domain: periods,
      ticks: periodTicks(periods),
      type: 'point',
      padding: 0.3,
    },
    y: { label: yLabel, grid: true, ticks: 5, nice: true },
  };
}

function periodChart(
  data: { period: string; value: number; lower: number | null; upper: number | null }[],
  text: { yLabel: string; label: string; description: string; zeroLine?: boolean },
): string {
  if (data.length < 2) return '';
  return renderPlot(
    {
      ...periodFrame(
        data.map((d) => d.period),
        text.yLabel,
      ),
      marks: [
        ...(text.zeroLine ? [Plot.ruleY([0], { stroke: nhsDarkGrey })] : []),
        Plot.ruleX(
          data.filter((d) => d.lower !== null),
          { x: 'period', y1: 'lower', y2: 'upper', stroke: nhsDarkGrey, strokeWidth: 2 },
        ),
        Plot.line(data, { x: 'period', y: 'value', stroke: nhsBlue, strokeWidth: 2 }),
        Plot.dot(data, { x: 'period', y: 'value', fill: nhsBlue, r: 5 }),
      ],
    },
    { label: text.label, description: text.description },
    look,
  );
}

/**
 * The Core20's value (blue circles) and the rest's (grey squares) in each period with their 95%
 * intervals, set a little apart so that their whiskers do not hide each other.
 */
export function core20Chart(
  result: IndicatorResult,
  points: { period: string; series: 'Core20' | 'rest'; row: PublishedRow }[],
): string {
  const data = points
    .filter((p) => p.row.value !== null)
    .map((p) => ({
      period: p.period,
      series: p.series,
      value: p.row.value as number,
      lower: p.row.lower95,
      upper: p.row.upper95,
    }));
  const periods = [...new Set(points.map((p) => p.period))];
  if (periods.length < 2 || data.length === 0) return '';
  const seriesLook = {
    Core20: { colour: nhsBlue, symbol: 'circle', dx: -5 },
    rest: { colour: nhsDarkGrey, symbol: 'square', dx: 5 },
  } as const;
  const marks = (['Core20', 'rest'] as const).flatMap((series): Plot.Markish[] => {
    const own = data.filter((d) => d.series === series);
    const { colour, symbol, dx } = seriesLook[series];
    return [
      Plot.ruleX(
        own.filter((d) => d.lower !== null),
        { x: 'period', y1: 'lower', y2: 'upper', stroke: colour, strokeWidth: 2, dx },
      ),
      Plot.line(own, { x: 'period', y: 'value', stroke: colour, strokeWidth: 2, dx }),
      Plot.dot(own, { x: 'period', y: 'value', fill: colour, symbol, r: 5, dx }),
    ];
  });
  return renderPlot(
    {
      ...periodFrame(periods, result.unit),
      marks,
    },
    {
      label: `${result.title}: the Core20 and the rest over time`,
      description:
        'Blue circles show the Core20 in each period and grey squares the rest of the population, each with its 95% confidence interval.',
    },
    look,
  );
}
