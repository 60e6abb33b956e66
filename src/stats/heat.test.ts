import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicableMeasures, heatMeasures, type HeatSetting } from './heat.ts';
import { quantileType7 } from './heat-common.ts';

const subgroupArb = fc.record({
  estimate: fc.double({ min: 5, max: 90, noNaN: true }),
  se: fc.double({ min: 0.1, max: 5, noNaN: true }),
  population: fc.integer({ min: 50, max: 5000 }),
});

function setting(
  subgroups: { estimate: number; se: number; population: number }[],
  ordered: boolean,
  favourable = true,
): HeatSetting {
  return { favourable, ordered, scale: 100, subgroups: subgroups.map((s, i) => ({ ...s, order: i + 1 })) };
}

const byMeasure = (
  s: HeatSetting,
  measures?: string[],
  options = {},
): Record<string, { estimate: number; lower: number; upper: number; se: number }> =>
  Object.fromEntries(
    heatMeasures(s, measures, { simulations: 200, seed: 1, ...options }).map((r) => [r.measure, r]),
  );

const close = (a: number, b: number, tol = 1e-9): boolean =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('HEAT measure properties', () => {
  it('analytic limits bracket the estimate and widen with the confidence level', () => {
    fc.assert(
      fc.property(fc.array(subgroupArb, { minLength: 3, maxLength: 8 }), fc.boolean(), (subs, isOrdered) => {
        const s = setting(subs, isOrdered);
        const analytic = isOrdered
          ? ['d', 'aci', 'rci', 'sii', 'rii', 'paf', 'par']
          : ['d', 'r', 'bgv', 'ti', 'mld', 'paf'];
        const at95 = byMeasure(s, analytic);
        const at99 = byMeasure(s, analytic, { confidence: 0.99 });
        return analytic.every((m) => {
          const a = at95[m];
          const b = at99[m];
          if (!a || !b || !Number.isFinite(a.lower)) return true;
          return a.lower <= a.estimate && a.estimate <= a.upper && b.lower <= a.lower && a.upper <= b.upper;
        });
      }),
      { numRuns: 60 },
    );
  });

  it('absolute measures scale with the estimates; relative ones are unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(subgroupArb, { minLength: 3, maxLength: 8 }),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        (subs, c) => {
          const base = byMeasure(setting(subs, false), [
            'd',
            'r',
            'bgv',
            'mdmw',
            'mdbu',
            'idisw',
            'ti',
            'mld',
          ]);
          const scaled = byMeasure(
            setting(
              subs.map((x) => ({ ...x, estimate: x.estimate * c, se: x.se * c })),
              false,
            ),
            ['d', 'r', 'bgv', 'mdmw', 'mdbu', 'idisw', 'ti', 'mld'],
          );
          return (
            close(scaled.d?.estimate ?? NaN, c * (base.d?.estimate ?? NaN)) &&
            close(scaled.bgv?.estimate ?? NaN, c * c * (base.bgv?.estimate ?? NaN)) &&
            close(scaled.mdmw?.estimate ?? NaN, c * (base.mdmw?.estimate ?? NaN)) &&
            close(scaled.mdbu?.estimate ?? NaN, c * (base.mdbu?.estimate ?? NaN)) &&
            ['r', 'idisw', 'ti', 'mld'].every((m) =>
              close(scaled[m]?.estimate ?? NaN, base[m]?.estimate ?? NaN, 1e-8),
            )
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the ACI ignores a common shift of every estimate; equal estimates give zero inequality', () => {
    fc.assert(
      fc.property(
        fc.array(subgroupArb, { minLength: 3, maxLength: 8 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (subs, shift) => {
          const base = byMeasure(setting(subs, true), ['aci']);
          const moved = byMeasure(
            setting(
              subs.map((x) => ({ ...x, estimate: x.estimate + shift })),
              true,
            ),
            ['aci'],
          );
          return close(moved.aci?.estimate ?? NaN, base.aci?.estimate ?? NaN, 1e-9);
        },
      ),
    );
    const flat = byMeasure(
      setting(
        [1, 2, 3, 4].map((i) => ({ estimate: 40, se: 1, population: 100 * i })),
        false,
      ),
      ['d', 'bgv', 'ti', 'mld', 'mdmw'],
    );
    for (const m of ['d', 'bgv', 'ti', 'mld', 'mdmw']) expect(flat[m]?.estimate).toBeCloseTo(0, 12);
  });

  it('for an adverse indicator D compares the most disadvantaged with the most advantaged', () => {
    const subs = [30, 25, 20, 15, 10].map((estimate, i) => ({ estimate, se: 1, population: 100 + i }));
    expect(byMeasure(setting(subs, true, false), ['d']).d?.estimate).toBe(20);
    expect(byMeasure(setting(subs, true, true), ['d']).d?.estimate).toBe(-20);
  });

  it('of subgroups tied on the highest or lowest estimate, compares the first in input order', () => {
    const subs = [
      { estimate: 10, se: 1, population: 100 },
      { estimate: 20, se: 2, population: 100 },
      { estimate: 10, se: 3, population: 100 },
      { estimate: 20, se: 4, population: 100 },
    ];
    const d = byMeasure(setting(subs, false), ['d']).d;
    expect(d?.estimate).toBe(10);
    expect(d?.se).toBeCloseTo(Math.sqrt(2 ** 2 + 1 ** 2), 12);
    const reversed = byMeasure(setting([...subs].reverse(), false), ['d']).d;
    expect(reversed?.se).toBeCloseTo(Math.sqrt(4 ** 2 + 3 ** 2), 12);
  });

  it('knows which measures apply where', () => {
    expect(
      applicableMeasures(
        setting(
          [
            { estimate: 1, se: 1, population: 1 },
            { estimate: 2, se: 1, population: 1 },
          ],
          false,
        ),
      ),
    ).toEqual(['d', 'r', 'paf', 'par']);
  });

  it("takes R's type-7 percentiles", () => {
    expect(quantileType7([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantileType7([], 0.5)).toBeNaN();
  });

  it('derives the SE from 95% limits when no SE is given', () => {
    const withSe = byMeasure(
      setting(
        [20, 30, 40].map((estimate) => ({ estimate, se: 2, population: 100 })),
        false,
      ),
      ['d'],
    );
    const fromLimits = heatMeasures(
      {
        favourable: true,
        ordered: false,
        scale: 100,
        subgroups: [20, 30, 40].map((estimate) => ({
          estimate,
          lower: estimate - 1.959963984540054 * 2,
          upper: estimate + 1.959963984540054 * 2,
          population: 100,
        })),
      },
      ['d'],
    )[0];
    expect(fromLimits?.se).toBeCloseTo(withSe.d?.se ?? NaN, 12);
  });
});
