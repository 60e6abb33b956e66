import { describe, expect, it } from 'vitest';
import { crudeRates } from '../../stats/rate.ts';
import { builtInIndicators } from './catalogue.ts';
import { resultFor } from './compute.ts';
import { dimensionsFor } from './dimensions.ts';
import type { GroupEstimate } from './result.ts';

const detentions = builtInIndicators().find((i) => i.id === 'mha-detentions')!;

/** A crude rate's estimate of `events` over `residents`, with its limits at 95% and 99.8%. */
function rate(dimension: string, group: string, events: number, residents: number): GroupEstimate {
  const set = crudeRates([events], [residents], { confidence: [0.95, 0.998], multiplier: 100_000 });
  return {
    period: '2024/25',
    dimension,
    group,
    numerator: events,
    denominator: residents,
    denominatorIsPopulation: true,
    n: NaN,
    value: set.value[0]!,
    lower95: set.lower[0]![0]!,
    upper95: set.upper[0]![0]!,
    lower998: set.lower[1]![0]!,
    upper998: set.upper[1]![0]!,
    note: null,
  };
}

describe('rates by ethnic group compared', () => {
  it('with the rate of the groups together, not the overall rate that counts events of no known group', () => {
    // 1,000 detentions of 1,000,000 residents, 100 of people whose ethnic group is not stated: the
    // two groups, 90 per 100,000 each, are as high as all the groups together.
    const estimates = [
      rate('overall', 'All', 1_000, 1_000_000),
      rate('ethnic_broad', 'White', 450, 500_000),
      rate('ethnic_broad', 'Asian or Asian British', 450, 500_000),
    ];
    const result = resultFor(detentions, estimates, dimensionsFor([], ['overall', 'ethnic_broad']));
    const byGroup = result.rows.filter((r) => r.dimension === 'ethnic_broad');
    expect(Object.fromEntries(byGroup.map((r) => [r.group, r.comparison]))).toEqual({
      White: 'similar',
      'Asian or Asian British': 'similar',
    });
    // Beside the overall rate of 100, each would have looked better (its limits are below 100).
    expect(byGroup.every((r) => r.upper95! < 100)).toBe(true);

    // A group well above the others is still worse.
    const apart = resultFor(
      detentions,
      [...estimates.slice(0, 2), rate('ethnic_broad', 'Asian or Asian British', 900, 500_000)],
      dimensionsFor([], ['overall', 'ethnic_broad']),
    );
    const compared = apart.rows.filter((r) => r.dimension === 'ethnic_broad');
    expect(Object.fromEntries(compared.map((r) => [r.group, r.comparison]))).toEqual({
      White: 'better',
      'Asian or Asian British': 'worse',
    });
  });
});
