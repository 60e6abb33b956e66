import { describe, expect, it } from 'vitest';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { funnelSummary } from '../routes/analytics-breakdown.ts';
import { beyondFunnel, funnelApplies, funnelLimits, funnelPoints } from './funnel-chart.ts';

/** The Wilson score interval, written out here, at the two-sided level given by z. */
function wilson(p: number, n: number, z: number): [number, number] {
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  return [(centre - spread) / scale, (centre + spread) / scale];
}

const ward = (group: string, denominator: string, value: number | null): PublishedRow => ({
  period: '2024/25',
  dimension: 'ward',
  group,
  order: group,
  numerator: value === null ? '*' : '0',
  denominator,
  value,
  valueText: value === null ? '*' : String(value),
  lower95: null,
  upper95: null,
  lower998: null,
  upper998: null,
  comparison: 'similar',
  flag: null,
  note: null,
});

describe('the funnel limits around the overall value', () => {
  it('are the values whose Wilson interval, at that number of people, just reaches the overall value', () => {
    for (const [people, overall] of [
      [150, 18],
      [2_000, 18],
      [800, 3.5],
    ] as const) {
      const [low95, high95] = funnelLimits(people, overall, 100, 0.95);
      expect(wilson(low95 / 100, people, 1.959963984540054)[1]).toBeCloseTo(overall / 100, 9);
      expect(wilson(high95 / 100, people, 1.959963984540054)[0]).toBeCloseTo(overall / 100, 9);
      const [low998, high998] = funnelLimits(people, overall, 100, 0.998);
      expect(wilson(high998 / 100, people, 3.090232306167813)[0]).toBeCloseTo(overall / 100, 9);
      expect(low998).toBeLessThan(low95);
      expect(high998).toBeGreaterThan(high95);
    }
    // Narrower for larger areas.
    expect(funnelLimits(2_000, 18, 100, 0.95)[1]).toBeLessThan(funnelLimits(150, 18, 100, 0.95)[1]);
  });

  it('finds a value beyond them at its own size only', () => {
    const [, high] = funnelLimits(400, 20, 100, 0.998);
    const points = [
      { group: 'Just above', people: 400, value: high + 0.01 },
      { group: 'Just inside', people: 400, value: high - 0.01 },
      // The same value in a ward of 100 people is within its wider limits.
      { group: 'Small', people: 100, value: high + 0.01 },
    ];
    const { above, below } = beyondFunnel(points, 20, 100);
    expect(above.map((p) => p.group)).toEqual(['Just above']);
    expect(below).toEqual([]);
  });

  it('is drawn for proportions with an overall value between none and all', () => {
    const proportion = { statistic: 'proportion', multiplier: 100 } as IndicatorResult;
    expect(funnelApplies(proportion, 18)).toBe(true);
    expect(funnelApplies(proportion, 0)).toBe(false);
    expect(funnelApplies(proportion, 100)).toBe(false);
    expect(funnelApplies(proportion, null)).toBe(false);
    expect(funnelApplies({ statistic: 'dsr', multiplier: 100_000 } as IndicatorResult, 18)).toBe(false);
  });

  it('places the wards whose value and number of people are published', () => {
    const points = funnelPoints([
      ward('Abbey', '1200', 12),
      ward('Castle', '*', 30),
      ward('Evington', '400', null),
      ward('Not known', '300', 15),
    ]);
    expect(points).toEqual([{ group: 'Abbey', people: 1200, value: 12 }]);
  });

  it('says so when no ward is beyond the 99.8% limits, and counts rather than names many', () => {
    const inside = Array.from({ length: 30 }, (_, i) => ward(`W${i}`, '1000', 18));
    expect(funnelSummary('ward', inside, 18, 100)).toBe(
      'Allowing for their size, none of the 30 wards drawn lies outside the 99.8% limits around the overall value.',
    );
    const many = inside.map((w, i) => (i < 8 ? { ...w, value: 40 } : i === 8 ? { ...w, value: 2 } : w));
    expect(funnelSummary('ward', many, 18, 100)).toBe(
      'Allowing for their size, 9 of the 30 wards drawn lie outside the 99.8% limits around the overall value, so their differences from it are very unlikely to be chance: 8 above it; W8 below it.',
    );
  });
});
