import { describe, expect, it } from 'vitest';
import { publishedRow } from '../../../test/published-row.ts';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { funnelSummary } from '../routes/analytics-breakdown.ts';
import { byarsLower } from '../../stats/limits.ts';
import { calculateFunnelLimits } from '../../stats/funnel.ts';
import {
  beyondFunnel,
  funnelApplies,
  funnelChart,
  funnelCurves,
  funnelPoints,
  proportionLimits,
} from './funnel-chart.ts';

/** The Wilson score interval, written out here, at the two-sided level given by z. */
function wilson(p: number, n: number, z: number): [number, number] {
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  return [(centre - spread) / scale, (centre + spread) / scale];
}

const proportion = { statistic: 'proportion', multiplier: 100, title: 'DNA', unit: '%' } as IndicatorResult;
const dsr = {
  statistic: 'dsr',
  multiplier: 100_000,
  title: 'Admissions',
  unit: 'per 100,000',
} as IndicatorResult;

const ward = (group: string, denominator: string, value: number | null, numerator = '0'): PublishedRow =>
  publishedRow({
    group,
    order: group,
    numerator: value === null ? '*' : numerator,
    denominator,
    value,
    valueText: value === null ? '*' : String(value),
  });

describe('the funnel limits around the overall value', () => {
  it('are the values whose Wilson interval, at that number of people, just reaches the overall value', () => {
    for (const [people, overall] of [
      [150, 18],
      [2_000, 18],
      [800, 3.5],
    ] as const) {
      const [low95, high95] = proportionLimits(people, overall, 100, 0.95);
      expect(wilson(low95 / 100, people, 1.959963984540054)[1]).toBeCloseTo(overall / 100, 9);
      expect(wilson(high95 / 100, people, 1.959963984540054)[0]).toBeCloseTo(overall / 100, 9);
      const [low998, high998] = proportionLimits(people, overall, 100, 0.998);
      expect(wilson(high998 / 100, people, 3.090232306167813)[0]).toBeCloseTo(overall / 100, 9);
      expect(low998).toBeLessThan(low95);
      expect(high998).toBeGreaterThan(high95);
    }
    // Never below nothing: for 10 people, not even none of them would be too few for 3%.
    expect(proportionLimits(10, 3, 100, 0.998)[0]).toBe(0);
    // Narrower for larger areas.
    expect(proportionLimits(2_000, 18, 100, 0.95)[1]).toBeLessThan(proportionLimits(150, 18, 100, 0.95)[1]);
  });

  it('finds a value beyond them at its own size only', () => {
    const [, high] = proportionLimits(400, 20, 100, 0.998);
    const at = (group: string, size: number, value: number) => ({
      group,
      size,
      value,
      events: 0,
      lower998: null,
      upper998: null,
    });
    const points = [
      at('Just above', 400, high + 0.01),
      at('Just inside', 400, high - 0.01),
      // The same value in a ward of 100 people is within its wider limits.
      at('Small', 100, high + 0.01),
    ];
    const { above, below } = beyondFunnel(proportion, points, 20);
    expect(above.map((p) => p.group)).toEqual(['Just above']);
    expect(below).toEqual([]);
  });

  it("reads a ward's place from its own 99.8% interval, from the exact counts, where it has one", () => {
    // Counted exactly as 33 of 104 (31.7%), published as 35 of 105 (33.3%): the published point lies
    // beyond the line at 105 people, but the exact 99.8% interval, 19.7% to 46.9%, includes 20%.
    const point = {
      group: 'Rounded up',
      size: 105,
      value: 33.3,
      events: 0,
      lower998: 19.7,
      upper998: 46.9,
    };
    expect(point.value).toBeGreaterThan(proportionLimits(105, 20, 100, 0.998)[1]);
    expect(beyondFunnel(proportion, [point], 20).above).toEqual([]);
    expect(beyondFunnel(proportion, [{ ...point, lower998: 20.5 }], 20).above).toHaveLength(1);
  });

  it('is drawn for proportions with an overall value between none and all, and for rates', () => {
    expect(funnelApplies(proportion, 18)).toBe(true);
    expect(funnelApplies(proportion, 0)).toBe(false);
    expect(funnelApplies(proportion, 100)).toBe(false);
    expect(funnelApplies(proportion, null)).toBe(false);
    expect(funnelApplies(dsr, 1_800)).toBe(true);
    expect(funnelApplies({ statistic: 'median', multiplier: 1 } as IndicatorResult, 18)).toBe(false);
  });

  it('places the wards whose value and number of people are published', () => {
    const points = funnelPoints(proportion, [
      ward('Abbey', '1200', 12),
      ward('Castle', '*', 30),
      ward('Evington', '400', null),
      ward('Not known', '300', 15),
    ]);
    expect(points).toEqual([
      { group: 'Abbey', size: 1200, value: 12, events: 0, lower998: null, upper998: null },
    ]);
  });

  it('says so when no ward is beyond the 99.8% limits, and counts rather than names many', () => {
    const inside = Array.from({ length: 30 }, (_, i) => ward(`W${i}`, '1000', 18));
    expect(funnelSummary('ward', inside, 18, proportion)).toBe(
      'Allowing for their size, none of the 30 wards drawn lies outside the 99.8% limits around the overall value.',
    );
    const many = inside.map((w, i) => (i < 8 ? { ...w, value: 40 } : i === 8 ? { ...w, value: 2 } : w));
    expect(funnelSummary('ward', many, 18, proportion)).toBe(
      'Allowing for their size, 9 of the 30 wards drawn lie outside the 99.8% limits around the overall value, so their differences from it are very unlikely to be chance: 8 above it; W8 below it.',
    );
  });
});

describe('the funnel for a rate', () => {
  it('places a rate at its population, worked back from its events and rate when hidden', () => {
    expect(funnelPoints(dsr, [ward('Abbey', '2800', 1_500, '45')])[0]?.size).toBe(2_800);
    // 45 events at 1,500 per 100,000 stand for 3,000 people.
    expect(funnelPoints(dsr, [ward('Abbey', '*', 1_500, '45')])[0]?.size).toBeCloseTo(3_000, 9);
    // Hidden events cannot be placed.
    expect(funnelPoints(dsr, [ward('Castle', '2800', 1_500, '*')])).toEqual([]);
  });

  it("finds a ward beyond the 99.8% limits when its events' interval leaves out the overall value", () => {
    // At 1,000 per 100,000 overall, a ward of 3,000 people expects 30 events: 60 is far above it.
    const points = funnelPoints(dsr, [
      ward('Far above', '3000', 2_000, '60'),
      ward('Near', '3000', 1_200, '36'),
      ward('Below', '3000', 300, '10'),
    ]);
    const { above, below } = beyondFunnel(dsr, points, 1_000);
    expect(above.map((p) => p.group)).toEqual(['Far above']);
    expect(below.map((p) => p.group)).toEqual(['Below']);
    // Byar's 99.8% lower limit of 60 events over 3,000 people is above the overall rate.
    expect((byarsLower(60, 0.998) / 3_000) * 100_000).toBeGreaterThan(1_000);
  });

  it("draws the limits of the statistics engine's rate funnel (Funnels.R) around the overall rate", () => {
    // Wards of 5,000 to 9,000 people, all at the overall 1,000 per 100,000, so that the engine's
    // baseline (their events over their populations) is the overall rate.
    const rows = [5_000, 6_000, 7_000, 9_000].map((people, i) =>
      ward(`W${i}`, String(people), 1_000, String(people / 100)),
    );
    const points = funnelPoints(dsr, rows);
    const engine = calculateFunnelLimits(
      points.map((p) => ({ numerator: p.events, rate: p.value })),
      { statistic: 'rate', rateType: 'dsr', multiplier: 100_000, yearsOfData: 1 },
      'standard',
    );
    const upper998 = funnelCurves(dsr, points, 1_000).find((c) => c.level === 0.998 && c.side === 'high')!;
    // The engine's rows span its whole axis; the chart keeps those within the wards' sizes.
    const within = engine.filter((row) => {
      const size = row.upper_3s_population_1_year as number;
      return size >= 4_000 && size <= 9_500;
    });
    expect(upper998.points.length).toBe(within.length);
    expect(within.length).toBeGreaterThan(10);
    upper998.points.forEach((point, i) => {
      expect(point.size).toBeCloseTo(within[i]!.upper_3s_population_1_year as number, 0);
      expect(point.value).toBeCloseTo(within[i]!.upper_3s_limit as number, 2);
    });
  });

  it("draws a rate's wards with its 95% and 99.8% limits, drawn by events", () => {
    const rows = [5_000, 8_000, 12_000, 20_000].map((people, i) =>
      ward(`W${i}`, String(people), 1_000, String(people / 100)),
    );
    const svg = funnelChart(dsr, rows, 1_000, 'ward');
    expect(svg).toContain('Admissions by ward: funnel plot');
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg.match(/stroke-dasharray="2,3"/g)).toHaveLength(2);
    expect(svg).toContain('Population of each ward');
  });
});
