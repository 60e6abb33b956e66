// A funnel plot of many areas (wards) for a proportion: each area's value against its number of
// people, with the 95% and 99.8% limits around the overall value (the proportion whose Wilson
// interval would just reach it, src/stats/funnel.ts). A small area's value varies more by chance,
// so the limits narrow as areas grow, and an area beyond them differs by more than its size
// explains. Drawn from the published figures (counts rounded to 5; hidden ones left out), as the
// page's comparison with the overall value is.
import * as Plot from '@observablehq/plot';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { axisCeiling, axisFloor, axisPoints, proportionFunnelLimit } from '../../stats/funnel.ts';
import { chartWidth } from './indicator-charts.ts';
import { renderPlot, type ChartLook } from './plot.ts';

const nhsBlue = '#005eb8';
const nhsDarkGrey = '#425563';
const nhsRed = '#d5281b';
const look: ChartLook = { fontSize: 15, className: 'parity-chart parity-chart--indicator' };

export interface FunnelPoint {
  group: string;
  people: number;
  value: number;
}

/** The areas that can be placed: a published value and a published (not hidden) denominator. */
export function funnelPoints(rows: PublishedRow[]): FunnelPoint[] {
  return rows
    .filter((r) => r.value !== null && r.group !== 'Not known' && /^\d+$/.test(r.denominator))
    .map((r) => ({ group: r.group, people: Number(r.denominator), value: r.value as number }))
    .filter((p) => p.people > 0);
}

/** Whether a funnel can be drawn: a proportion with an overall value strictly between 0 and all. */
export function funnelApplies(result: IndicatorResult, overall: number | null): overall is number {
  return result.statistic === 'proportion' && overall !== null && overall > 0 && overall < result.multiplier;
}

/** The lower and upper limit at `people`, at 95% (0.975 each side) or 99.8% (0.999 each side). */
export function funnelLimits(
  people: number,
  overall: number,
  multiplier: number,
  level: 0.95 | 0.998,
): [number, number] {
  const p = level === 0.95 ? 0.975 : 0.999;
  const average = overall / multiplier;
  return [
    proportionFunnelLimit(p, people, average, 'low', multiplier),
    proportionFunnelLimit(p, people, average, 'high', multiplier),
  ];
}

/** The areas beyond the 99.8% limits at their own size, above and below. */
export function beyondFunnel(
  points: FunnelPoint[],
  overall: number,
  multiplier: number,
): { above: FunnelPoint[]; below: FunnelPoint[] } {
  const limits = points.map((p) => funnelLimits(p.people, overall, multiplier, 0.998));
  return {
    above: points.filter((p, i) => p.value > limits[i]![1]),
    below: points.filter((p, i) => p.value < limits[i]![0]),
  };
}

export function funnelChart(
  result: IndicatorResult,
  rows: PublishedRow[],
  overall: number,
  title: string,
): string {
  const points = funnelPoints(rows);
  if (points.length < 2) return '';
  const sizes = points.map((p) => p.people);
  const from = axisFloor(Math.min(...sizes));
  const to = axisCeiling(Math.max(...sizes));
  const curve = axisPoints(Math.max(1, from), to, false).map((people) => {
    const [low95, high95] = funnelLimits(people, overall, result.multiplier, 0.95);
    const [low998, high998] = funnelLimits(people, overall, result.multiplier, 0.998);
    return { people, low95, high95, low998, high998 };
  });
  const values = [...points.map((p) => p.value), ...curve.flatMap((c) => [c.low998, c.high998])];
  const line = (y: keyof (typeof curve)[number], dashed: boolean) =>
    Plot.line(curve, {
      x: 'people',
      y,
      stroke: nhsDarkGrey,
      strokeWidth: 1.5,
      ...(dashed ? { strokeDasharray: '2,3' } : {}),
    });
  return renderPlot(
    {
      width: chartWidth,
      height: 300,
      marginLeft: 52,
      marginRight: 20,
      marginBottom: 44,
      x: {
        label: `People in each ${title}`,
        labelAnchor: 'center',
        labelArrow: 'none',
        labelOffset: 38,
        domain: [from, to],
        ticks: 3,
      },
      y: { label: result.unit, grid: true, ticks: 5, domain: [Math.min(...values), Math.max(...values)] },
      marks: [
        line('low95', false),
        line('high95', false),
        line('low998', true),
        line('high998', true),
        Plot.ruleY([overall], { stroke: nhsRed, strokeWidth: 2, strokeDasharray: '6,4' }),
        Plot.dot(points, { x: 'people', y: 'value', fill: nhsBlue, r: 2.5 }),
      ],
    },
    {
      label: `${result.title} by ${title}: funnel plot`,
      description: `Dots show each of the ${points.length} groups at its number of people and its value; solid grey lines the 95% limits and dotted grey lines the 99.8% limits around the overall value, the dashed red line.`,
    },
    look,
  );
}
