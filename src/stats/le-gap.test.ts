// LE gap: range and SII by deprivation decile, against le_gap_sii.json (generated with
// PHEindicatormethods on its LE_data example: Hartlepool and another LA, both sexes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnchorJson, relClose } from './anchor-fixtures.test-util.ts';
import { StatsInputError } from './errors.ts';
import { leGap, leRangeGap, type LeQuantile } from './le-gap.ts';

interface InputRow {
  Sex: number;
  GeoCode: string;
  Decile: number;
  Pop: number;
  LifeExp: number;
  SE: number;
}
const anchor = readAnchorJson<{
  input: InputRow[];
  expected_sii: Record<string, number | string>[];
  expected_range_gap: Record<string, number | string>[];
}>('phe/cases/le_gap_sii.json');

const keyOf = (r: { Sex: number | string; GeoCode: number | string }): string =>
  `${String(r.Sex)}|${String(r.GeoCode)}`;
const groups = [...new Set(anchor.input.map(keyOf))].map((key) => ({
  key,
  rows: anchor.input
    .filter((r) => keyOf(r) === key)
    .map((r): LeQuantile => ({ quantile: r.Decile, population: r.Pop, value: r.LifeExp, se: r.SE })),
}));

describe('LE gap reference case', () => {
  const { results } = leGap(groups, { seed: 1 });
  it('reproduces the range gap, its SE and 95% interval', () => {
    for (const expected of anchor.expected_range_gap) {
      const r = results.find((x) => x.key === keyOf(expected as { Sex: number; GeoCode: string }))?.range;
      expect(r).toBeDefined();
      expect(relClose(r?.leMostDeprived ?? NaN, expected.le_decile1 as number, 1e-12)).toBe(true);
      expect(relClose(r?.leLeastDeprived ?? NaN, expected.le_decile10 as number, 1e-12)).toBe(true);
      expect(relClose(r?.gap ?? NaN, expected.range_gap as number, 1e-9)).toBe(true);
      expect(relClose(r?.se ?? NaN, expected.range_gap_se as number, 1e-9)).toBe(true);
      expect(relClose(r?.limits[0]?.lower ?? NaN, expected.range_gap_lower95 as number, 1e-9)).toBe(true);
      expect(relClose(r?.limits[0]?.upper ?? NaN, expected.range_gap_upper95 as number, 1e-9)).toBe(true);
    }
  });
  it('reproduces the SII in years (point 1e-7, simulated limits within 5%)', () => {
    for (const expected of anchor.expected_sii) {
      const fit = results.find((x) => x.key === keyOf(expected as { Sex: number; GeoCode: string }))?.sii;
      expect(relClose(fit?.sii ?? NaN, expected.sii as number, 1e-7)).toBe(true);
      expect(relClose(fit?.rii ?? NaN, expected.rii as number, 1e-7)).toBe(true);
      expect(relClose(fit?.siiLimits[0]?.lower ?? NaN, expected.sii_lower95_0cl as number, 0.05)).toBe(true);
      expect(relClose(fit?.siiLimits[0]?.upper ?? NaN, expected.sii_upper95_0cl as number, 0.05)).toBe(true);
      expect(relClose(fit?.riiLimits[0]?.lower ?? NaN, expected.rii_lower95_0cl as number, 0.05)).toBe(true);
    }
  });
  it('Hartlepool males: range 12.2 years, SII 11.7 years', () => {
    const hartlepool = results.find((x) => x.key === '1|E06000001');
    expect(hartlepool?.range.gap.toFixed(1)).toBe('12.2');
    expect(hartlepool?.sii.sii.toFixed(1)).toBe('11.7');
  });
});

describe('range gap properties and errors', () => {
  const quantileArb = fc.record({
    value: fc.double({ min: 60, max: 90, noNaN: true }),
    se: fc.double({ min: 0.01, max: 3, noNaN: true }),
  });
  it('the interval brackets the gap and widens with the confidence level', () => {
    fc.assert(
      fc.property(fc.array(quantileArb, { minLength: 2, maxLength: 10 }), (qs) => {
        const rows = qs.map((q, i) => ({ quantile: i + 1, population: 1000, ...q }));
        const r = leRangeGap(rows, [0.95, 0.998]);
        const [a, b] = r.limits;
        return !!a && !!b && a.lower <= r.gap && r.gap <= a.upper && b.lower <= a.lower && a.upper <= b.upper;
      }),
    );
  });
  it('refuses fewer than two quantiles and missing or negative SEs', () => {
    expect(() => leRangeGap([{ quantile: 1, population: 1, value: 70, se: 1 }])).toThrow(StatsInputError);
    expect(() =>
      leRangeGap([
        { quantile: 1, population: 1, value: 70, se: NaN },
        { quantile: 2, population: 1, value: 80, se: 1 },
      ]),
    ).toThrow('the most and least deprived quantiles need a life expectancy and a standard error');
    expect(() =>
      leRangeGap([
        { quantile: 1, population: 1, value: 70, se: -1 },
        { quantile: 2, population: 1, value: 80, se: 1 },
      ]),
    ).toThrow('negative or missing standard errors in input dataset');
  });
});
