// A funnel plot of many areas (wards): each area's value against its size, with the 95% and 99.8%
// limits around the overall value, as PHE's funnel plots draw them (src/stats/funnel.ts). A small
// area's value varies more by chance, so the limits narrow as areas grow, and an area beyond them
// differs by more than its size explains. For a proportion the size is its number of people and the
// limits are the proportions whose Wilson interval would just reach the overall value; for a crude
// or standardised rate the size is its population and the limits come from the Poisson distribution
// of the events expected there. Drawn from the published figures (counts rounded to 5; hidden ones
// left out), as the page's comparison with the overall value is; which areas lie beyond the 99.8%
// limits is read from their own 99.8% intervals, worked out from the exact counts.
import * as Plot from '@observablehq/plot';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { axisCeiling, axisFloor, axisPoints, proportionFunnelLimit } from '../../stats/funnel.ts';
import { byarsLower, byarsUpper, exactPoissonLower, exactPoissonUpper } from '../../stats/limits.ts';
import { chartWidth } from './indicator-charts.ts';
import { renderPlot, type ChartLook } from './plot.ts';

const nhsBlue = '#005eb8';
const nhsDarkGrey = '#425563';
const nhsRed = '#d5281b';
const look: ChartLook = { fontSize: 15, className: 'parity-chart parity-chart--indicator' };

export interface FunnelPoint {
  group: string;
  /** Across: people (proportions) or population (rates). */
  size: number;
  value: number;
  /** Rates: the events counted (as published). */
  events: number;
  /** The area's own 99.8% interval, from the exact counts (null where not given). */
  lower998: number | null;
  upper998: number | null;
}

type Level = 0.95 | 0.998;
interface Curve {
  level: Level;
  side: 'low' | 'high';
  points: { size: number; value: number }[];
}

/** Whether a funnel can be drawn: a proportion or a rate, with an overall value above 0 (below all). */
export function funnelApplies(result: IndicatorResult, overall: number | null): overall is number {
  if (overall === null || overall <= 0) return false;
  if (result.statistic === 'proportion') return overall < result.multiplier;
  return result.statistic === 'crude-rate' || result.statistic === 'dsr';
}

const isRate = (result: IndicatorResult): boolean => result.statistic !== 'proportion';
const count = (text: string): number | null => (/^\d+$/.test(text) ? Number(text) : null);

/** The areas that can be placed: a published value, and a published denominator or event count. */
export function funnelPoints(result: IndicatorResult, rows: PublishedRow[]): FunnelPoint[] {
  return rows.flatMap((r): FunnelPoint[] => {
    if (r.value === null || r.group === 'Not known') return [];
    const numerator = count(r.numerator);
    const denominator = count(r.denominator);
    const limits = { lower998: r.lower998, upper998: r.upper998 };
    if (!isRate(result))
      return denominator
        ? [{ group: r.group, size: denominator, value: r.value, events: numerator ?? 0, ...limits }]
        : [];
    if (numerator === null) return [];
    // A hidden population is worked back from the events and the rate, as Funnels.R derives it.
    const size = denominator ?? (r.value > 0 ? (result.multiplier * numerator) / r.value : null);
    return size ? [{ group: r.group, size, value: r.value, events: numerator, ...limits }] : [];
  });
}

/** The lower and upper limit for a proportion at `people`, at 95% or 99.8% (each side half of the rest). */
export function proportionLimits(
  people: number,
  overall: number,
  multiplier: number,
  level: Level,
): [number, number] {
  const p = level === 0.95 ? 0.975 : 0.999;
  const average = overall / multiplier;
  // Clipped to what a proportion can be, as calculate_funnel_limits clips them.
  return [
    Math.max(0, proportionFunnelLimit(p, people, average, 'low', multiplier)),
    Math.min(multiplier, proportionFunnelLimit(p, people, average, 'high', multiplier)),
  ];
}

/** A rate's interval from its events alone (exact below 10, Byar's from 10), over its size. */
function rateInterval(point: FunnelPoint, multiplier: number, level: Level): [number, number] {
  const [low, high] =
    point.events < 10
      ? [exactPoissonLower(point.events, level), exactPoissonUpper(point.events, level)]
      : [byarsLower(point.events, level), byarsUpper(point.events, level)];
  return [(low / point.size) * multiplier, (high / point.size) * multiplier];
}

/**
 * Whether an area lies above or below the funnel's limits at `level`, at its own size: by its own
 * interval from the exact counts where given (the funnel's limit at an area's size is where that
 * interval would just reach the overall value), else from its published figures.
 */
function placeOf(
  result: IndicatorResult,
  point: FunnelPoint,
  overall: number,
  level: Level,
): 'above' | 'below' | 'within' {
  const own: [number, number] | null =
    level === 0.998 && point.lower998 !== null && point.upper998 !== null
      ? [point.lower998, point.upper998]
      : null;
  if (own || isRate(result)) {
    const [low, high] = own ?? rateInterval(point, result.multiplier, level);
    return low > overall ? 'above' : high < overall ? 'below' : 'within';
  }
  const [low, high] = proportionLimits(point.size, overall, result.multiplier, level);
  return point.value > high ? 'above' : point.value < low ? 'below' : 'within';
}

/** The areas beyond the 99.8% limits at their own size, above and below. */
export function beyondFunnel(
  result: IndicatorResult,
  points: FunnelPoint[],
  overall: number,
): { above: FunnelPoint[]; below: FunnelPoint[] } {
  const places = points.map((p) => placeOf(result, p, overall, 0.998));
  return {
    above: points.filter((_p, i) => places[i] === 'above'),
    below: points.filter((_p, i) => places[i] === 'below'),
  };
}

/** The four limit lines over the range of the areas' sizes. */
export function funnelCurves(result: IndicatorResult, points: FunnelPoint[], overall: number): Curve[] {
  const sizes = points.map((p) => p.size);
  const from = axisFloor(Math.min(...sizes));
  const to = axisCeiling(Math.max(...sizes));
  // As Funnels.R: the lines start from nothing when the largest area is over twice the smallest.
  const start = Math.max(...sizes) > 2 * Math.min(...sizes) ? 0 : from;
  const inView = (c: { size: number }) => c.size >= from && c.size <= to;
  const levels: Level[] = [0.95, 0.998];
  const sides = ['low', 'high'] as const;
  if (!isRate(result)) {
    const xs = axisPoints(Math.max(1, start), to, false).filter((size) => size >= from);
    return levels.flatMap((level) =>
      sides.map((side, s) => ({
        level,
        side,
        points: xs.map((size) => ({
          size,
          value: proportionLimits(size, overall, result.multiplier, level)[s]!,
        })),
      })),
    );
  }
  // A rate's limits are drawn by events, as Funnels.R does: the population at which a count of
  // events sits on the limit, and the rate that count gives there. The Poisson mean at which e events
  // are in the upper tail is e's exact lower limit (Funnels.R finds the same mean by bisection).
  const average = overall / result.multiplier;
  const events = axisPoints(Math.max(1, Math.floor(start * average)), Math.ceil(to * average), false);
  return levels.flatMap((level) =>
    sides.map((side) => {
      const curve = events.map((e) => {
        const mean = side === 'low' ? exactPoissonUpper(e, level) : exactPoissonLower(e, level);
        const size = mean / average;
        return { size, value: (e / size) * result.multiplier };
      });
      return { level, side, points: curve.filter(inView) };
    }),
  );
}

export function funnelChart(
  result: IndicatorResult,
  rows: PublishedRow[],
  overall: number,
  title: string,
): string {
  const points = funnelPoints(result, rows);
  if (points.length < 2) return '';
  const curves = funnelCurves(result, points, overall);
  const sizes = points.map((p) => p.size);
  const values = [
    ...points.map((p) => p.value),
    ...curves.filter((c) => c.level === 0.998).flatMap((c) => c.points.map((p) => p.value)),
  ];
  const lines = curves.map((c) =>
    Plot.line(c.points, {
      x: 'size',
      y: 'value',
      stroke: nhsDarkGrey,
      strokeWidth: 1.5,
      ...(c.level === 0.998 ? { strokeDasharray: '2,3' } : {}),
    }),
  );
  return renderPlot(
    {
      width: chartWidth,
      height: 300,
      marginLeft: 52,
      marginRight: 20,
      marginBottom: 44,
      x: {
        label: isRate(result) ? `Population of each ${title}` : `People in each ${title}`,
        labelAnchor: 'center',
        labelArrow: 'none',
        labelOffset: 38,
        domain: [axisFloor(Math.min(...sizes)), axisCeiling(Math.max(...sizes))],
        ticks: 3,
      },
      y: { label: result.unit, grid: true, ticks: 5, domain: [Math.min(...values), Math.max(...values)] },
      marks: [
        ...lines,
        Plot.ruleY([overall], { stroke: nhsRed, strokeWidth: 2, strokeDasharray: '6,4' }),
        Plot.dot(points, { x: 'size', y: 'value', fill: nhsBlue, r: 2.5 }),
      ],
    },
    {
      label: `${result.title} by ${title}: funnel plot`,
      description: `Dots show each of the ${points.length} groups at its size and its value; solid grey lines the 95% limits and dotted grey lines the 99.8% limits around the overall value, the dashed red line.`,
    },
    look,
  );
}
