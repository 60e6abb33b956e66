import { describe, expect, it } from 'vitest';
import { proportions } from '../../stats/proportion.ts';
import { builtInIndicators } from './catalogue.ts';
import { resultFor } from './compute.ts';
import { CONFIDENCE } from './confidence.ts';
import { dimensionsFor } from './dimensions.ts';
import type { GroupEstimate, IndicatorResult, PublishedRow } from './result.ts';
import type { LimitsBasis } from './rounded-basis.ts';

const dnaRate = builtInIndicators().find((i) => i.id === 'did-not-attend');
if (!dnaRate) throw new Error('the catalogue has no did-not-attend indicator');
const dimensions = dimensionsFor([], ['imd_decile', 'imd_quintile', 'core20']);
const periods = ['2020/21', '2021/22', '2022/23', '2023/24', '2024/25'];

/** Exact estimates, as the pack gives them, from each decile's [missed, appointments]. */
function estimates(deciles: [number, number][]): GroupEstimate[] {
  const sum = (list: [number, number][]): [number, number] =>
    list.reduce(([x, n], [a, b]) => [x + a, n + b], [0, 0]);
  const groups: [string, string, [number, number]][] = [
    ['overall', 'All', sum(deciles)],
    ...deciles.map((c, d): [string, string, [number, number]] => ['imd_decile', String(d + 1), c]),
    ...[1, 2, 3, 4, 5].map((q): [string, string, [number, number]] => [
      'imd_quintile',
      String(q),
      sum(deciles.slice(2 * q - 2, 2 * q)),
    ]),
    ['core20', 'Core20', sum(deciles.slice(0, 2))],
    ['core20', 'Rest of the population', sum(deciles.slice(2))],
  ];
  // Periods differ in their appointments, not in the missed ones (so that a nudge below stays within
  // its rounding in every period).
  return periods.flatMap((period, p) =>
    groups.map(([dimension, group, [x, n]]) => estimate(period, dimension, group, x, n + 10 * p)),
  );
}

/** One group's exact estimate of `missed` of `appointments`. */
function estimate(
  period: string,
  dimension: string,
  group: string,
  missed: number,
  appointments: number,
): GroupEstimate {
  const set = proportions([missed], [appointments], { confidence: CONFIDENCE, multiplier: 100 });
  return {
    period,
    dimension,
    group,
    numerator: missed,
    denominator: appointments,
    denominatorIsPopulation: false,
    n: appointments,
    value: set.value[0] as number,
    lower95: set.lower[0]?.[0] as number,
    upper95: set.upper[0]?.[0] as number,
    lower998: set.lower[1]?.[0] as number,
    upper998: set.upper[1]?.[0] as number,
    note: null,
  };
}

// Decile 4 has 5 missed appointments: suppressed. Its quintile (deciles 3 and 4) is published.
const counts: [number, number][] = [
  [61, 402],
  [52, 398],
  [41, 371],
  [5, 366],
  [31, 352],
  [28, 351],
  [24, 333],
  [21, 341],
  [18, 338],
  [13, 344],
];
// The same but decile 3 misses one appointment more: every published count still rounds the same.
const nudged = counts.map(([x, n], d): [number, number] => (d === 2 ? [x + 1, n] : [x, n]));

const published = (result: IndicatorResult) => ({
  rows: result.rows,
  who: result.summaries.filter((s) => s.measure !== 'sii' && s.measure !== 'rii'),
  trend: result.trend,
});
const row = (result: IndicatorResult, dimension: string, group: string): PublishedRow => {
  const found = result.rows.find(
    (r) => r.period === '2020/21' && r.dimension === dimension && r.group === group,
  );
  if (!found) throw new Error(`no row for ${dimension} ${group}`);
  return found;
};

/** Every (missed, appointments) a reader could try for a row, given its rounded counts and limits. */
function countsBehind(r: PublishedRow): number[] {
  const found: number[] = [];
  const rounded = Number(r.denominator);
  for (let n = rounded - 2; n <= rounded + 2; n++)
    for (let x = 0; x <= n; x++) {
      const set = proportions([x], [n], { confidence: [0.95], multiplier: 100 });
      const close = (a: number, b: number | null) => b !== null && Math.abs(a - b) < 5e-9;
      if (close(set.lower[0]?.[0] as number, r.lower95) && close(set.upper[0]?.[0] as number, r.upper95))
        found.push(x);
    }
  return found;
}

describe('published limits from exact or rounded counts', () => {
  const compute = (c: [number, number][], basis: LimitsBasis) =>
    resultFor(dnaRate, estimates(c), dimensions, basis);

  it('from exact counts, a hidden count comes back by difference of two published rows', () => {
    const result = compute(counts, 'exact');
    expect(row(result, 'imd_decile', '4').numerator).toBe('*');
    const quintile = countsBehind(row(result, 'imd_quintile', '2'));
    const decile3 = countsBehind(row(result, 'imd_decile', '3'));
    expect(quintile).toEqual([46]);
    expect(decile3).toEqual([41]);
    expect((quintile[0] as number) - (decile3[0] as number)).toBe(5);
  });

  it('from rounded counts, the limits give back only the published counts', () => {
    const result = compute(counts, 'rounded');
    expect(row(result, 'imd_decile', '4').value).toBeNull();
    expect(countsBehind(row(result, 'imd_quintile', '2'))).not.toContain(46);
    expect(countsBehind(row(result, 'imd_decile', '3'))).not.toContain(41);
  });

  it('from rounded counts, nothing published changes when an exact count moves within its rounding', () => {
    expect(published(compute(nudged, 'rounded'))).toEqual(published(compute(counts, 'rounded')));
    // The same move shows through when limits come from the exact counts.
    expect(published(compute(nudged, 'exact'))).not.toEqual(published(compute(counts, 'exact')));
  });

  it('keeps each published percentage inside its own limits when they come from rounded counts', () => {
    // 8 of 12 publish as 10 of 10, 100%: outside the exact limits of 8 of 12 (39% to 86%).
    const small = counts.map((c, d): [number, number] => (d === 9 ? [8, 12] : c));
    const outside = (r: PublishedRow) =>
      r.value !== null && ((r.lower95 as number) > r.value || (r.upper95 as number) < r.value);
    expect(
      compute(small, 'exact')
        .rows.filter(outside)
        .map((r) => r.group),
    ).toContain('10');
    expect(compute(small, 'rounded').rows.filter(outside)).toEqual([]);
  });

  it('from rounded counts, weights the WHO measures for ethnic groups by their published denominators', () => {
    // White 20 of 100 or of 101: both publish as 20 of 100, so nothing published may move.
    const groups = (white: number) => [
      estimate('2024/25', 'overall', 'All', 90, 200 + white),
      estimate('2024/25', 'ethnic_broad', 'White', 20, white),
      estimate('2024/25', 'ethnic_broad', 'Asian or Asian British', 30, 100),
      estimate('2024/25', 'ethnic_broad', 'Black, Black British, Caribbean or African', 40, 100),
    ];
    const who = (white: number, basis: LimitsBasis) =>
      resultFor(dnaRate, groups(white), dimensionsFor([], ['ethnic_broad']), basis).summaries;
    const spread = who(101, 'rounded').filter((s) => ['bgv', 'mdmw', 'idisw'].includes(s.measure));
    expect(spread).toHaveLength(3);
    // Equal published weights: the mean is 30%, so BGV = (10² + 0² + 10²) / 3.
    expect(spread.find((s) => s.measure === 'bgv')?.value).toBeCloseTo(200 / 3, 9);
    expect(who(101, 'rounded')).toEqual(who(100, 'rounded'));
    expect(who(101, 'exact')).not.toEqual(who(100, 'exact'));
  });

  it('compares each group with the overall value as published, whichever the basis', () => {
    // 151 of 1,000 publish as 150 of 1,000 = 15.0%. Men's 33 of 300 have exact limits of 7.94% to
    // 15.05%: similar to the 15.0% a reader sees, though better than the exact 15.1%.
    const groups = [
      estimate('2024/25', 'overall', 'All', 151, 1000),
      estimate('2024/25', 'sex', 'Male', 33, 300),
      estimate('2024/25', 'sex', 'Female', 118, 700),
    ];
    for (const basis of ['exact', 'rounded'] as const) {
      const rows = resultFor(dnaRate, groups, dimensionsFor([], ['sex']), basis).rows;
      const men = rows.find((r) => r.group === 'Male');
      expect(rows.find((r) => r.dimension === 'overall')?.value).toBe(15);
      expect(men?.upper95).toBeGreaterThan(15);
      expect(men?.comparison).toBe('similar');
    }
  });

  it('leaves the SII on the exact estimates, as a regression the rule exempts', () => {
    const sii = (r: IndicatorResult) =>
      r.summaries.find((s) => s.measure === 'sii' && s.period === '2024/25');
    expect(sii(compute(counts, 'rounded'))?.value).toBe(sii(compute(counts, 'exact'))?.value);
  });
});
