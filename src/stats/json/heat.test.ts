// WHO HEAT measures: the healthequal test cases (who_heat_measures.json) through the JSON adapter,
// in the default "sound" mode and in the HEAT-compatible mode.
import { describe, expect, it } from 'vitest';
import { readAnchorJson, relClose } from '../anchor-fixtures.test-util.ts';
import { StatsInputError } from '../errors.ts';
import type { JsonRow } from './types.ts';
import { run } from './heat.ts';

interface Case {
  pop: number[];
  est: number[];
  se: number[];
  subgroup_order?: number[];
  reference_subgroup?: number[];
  favourable_indicator: number;
  ordered_dimension: number;
  indicator_scale: number;
}
type Expected = Record<string, Record<string, number>>;
const anchor = readAnchorJson<{
  ordered: { input: Case; expected: Expected };
  nonordered: { input: Case; expected: Expected };
  my_recomputation: Expected;
}>('heat/who_heat_measures.json');

function rowsOf(c: Case, withReference = true): JsonRow[] {
  return c.est.map((estimate, i) => ({
    subgroup: `g${String(i + 1)}`,
    estimate,
    se: c.se[i],
    population: c.pop[i],
    subgroup_order: c.subgroup_order?.[i],
    reference_subgroup: withReference ? (c.reference_subgroup?.[i] ?? 0) : 0,
    favourable_indicator: c.favourable_indicator,
    ordered_dimension: c.ordered_dimension,
    indicator_scale: c.indicator_scale,
  }));
}

function measures(rows: JsonRow[], params: Record<string, unknown> = {}): Record<string, JsonRow> {
  const out = run({ params: { seed: 123456, ...params }, rows });
  return Object.fromEntries(out.rows.map((r) => [r.measure as string, r]));
}

const TOL = 1e-6;
const close = (actual: unknown, expected: number | undefined, tol = TOL): boolean =>
  expected !== undefined && relClose(actual as number, expected, tol);

const ordered = rowsOf(anchor.ordered.input);
const nonOrdered = rowsOf(anchor.nonordered.input);
const upO = anchor.ordered.expected;
const upN = anchor.nonordered.expected;
/**
 * Upstream's printed expectations agree with an exact re-computation to 1e-6 except where noted:
 * RCI limits (printed from an older run, 1.7e-6; upstream tolerance 1e-3), PAR limits (printed with
 * z = 1.96, 1.6e-5; upstream tolerance 1e-2), MLD (9e-6; the SE is printed to 5 digits).
 */
const UPSTREAM_TOL: Record<string, number> = {
  'rci.lowerci': 2e-6,
  'rci.upperci': 2e-6,
  'par.lowerci': 2e-5,
  'par.upperci': 2e-5,
  'mld.estimate': 1e-5,
  'mld.se': 3e-6,
};
const tolFor = (measure: string, field: string): number => UPSTREAM_TOL[`${measure}.${field}`] ?? TOL;
const mine = anchor.my_recomputation;

describe('HEAT-compatible mode reproduces the upstream expectations', () => {
  const o = measures(ordered, { mode: 'heat' });
  const n = measures(nonOrdered, { mode: 'heat' });
  it('ordered: ACI and RCI with the convenient-regression SE', () => {
    for (const m of ['aci', 'rci']) {
      for (const field of ['estimate', 'se', 'lowerci', 'upperci']) {
        if (upO[m]?.[field] === undefined) continue;
        expect(close(o[m]?.[field], upO[m]?.[field], tolFor(m, field)), `${m} ${field}`).toBe(true);
      }
    }
    expect(close(o.aci?.se, mine.aci?.se_reg, 1e-9)).toBe(true);
    expect(close(o.rci?.se, mine.rci?.se_reg, 1e-9)).toBe(true);
  });
  it('ordered: SII and RII from the logistic GLM with pop² weights and HC1 SEs', () => {
    for (const m of ['sii', 'rii']) {
      for (const field of ['estimate', 'se', 'lowerci', 'upperci']) {
        expect(close(o[m]?.[field], upO[m]?.[field]), `${m} ${field}`).toBe(true);
      }
    }
    expect(close(o.sii?.se, mine.sii_logit_w_pop?.se, 1e-6)).toBe(true);
  });
  it('ordered: PAF with the unscaled SE (its CI 100 times too narrow), PAR', () => {
    for (const m of ['paf', 'par']) {
      for (const field of ['estimate', 'se', 'lowerci', 'upperci']) {
        expect(close(o[m]?.[field], upO[m]?.[field], tolFor(m, field)), `${m} ${field}`).toBe(true);
      }
    }
    expect(close(o.paf?.lowerci, mine.paf_ordered?.lcl, 1e-9)).toBe(true);
    expect(close(o.par?.lowerci, mine.par_ordered?.lcl, 1e-7)).toBe(true);
  });
  it('non-ordered: BGV, BGSD, COV, mean differences and indices of disparity', () => {
    expect(close(n.bgv?.estimate, upN.bgv?.estimate)).toBe(true);
    expect(close(n.bgv?.se, upN.bgv?.se)).toBe(true);
    for (const m of ['bgsd', 'mdmu', 'mdmw', 'mdbu', 'mdbw', 'mdru', 'mdrw', 'idisu', 'idisw']) {
      expect(close(n[m]?.estimate, upN[m]?.estimate), m).toBe(true);
      expect(n[m]?.ci_method, m).toBe('simulation');
    }
    expect(close(n.cov?.estimate, upN.cov?.estimate_closed_form, 1e-12)).toBe(true);
  });
  it('non-ordered: MLD and TI (× 1000) with the unscaled SE', () => {
    expect(close(n.mld?.estimate, mine.mld?.mld, 1e-12)).toBe(true);
    expect(close(n.mld?.se, mine.mld?.se, 1e-12)).toBe(true);
    expect(close(n.mld?.estimate, upN.mld?.estimate, tolFor('mld', 'estimate'))).toBe(true);
    expect(close(n.mld?.se, upN.mld?.se, tolFor('mld', 'se'))).toBe(true);
    expect(close(n.ti?.estimate, upN.ti?.estimate_closed_form, 1e-12)).toBe(true);
    expect(close(n.ti?.se, upN.ti?.se_closed_form, 1e-12)).toBe(true);
  });
  it('non-ordered PAF/PAR against the best subgroup, as healthequal (which ignores a declared reference)', () => {
    const p = measures(rowsOf(anchor.nonordered.input, false), { mode: 'heat' });
    for (const m of ['paf', 'par']) {
      for (const field of ['estimate', 'se', 'lowerci', 'upperci']) {
        expect(close(p[m]?.[field], upN[m]?.[field], tolFor(m, field)), `${m} ${field}`).toBe(true);
      }
    }
  });
});

describe('sound mode: the documented choices', () => {
  const o = measures(ordered);
  const n = measures(nonOrdered);
  const z = 1.959963984540054;
  it('ACI SE from the technical-notes formula, not the convenient regression', () => {
    expect(close(o.aci?.estimate, mine.aci?.closed, 1e-12)).toBe(true);
    expect(close(o.aci?.se, mine.aci?.se_TN, 1e-12)).toBe(true);
    expect((o.aci?.se as number) / (upO.aci?.se as number)).toBeGreaterThan(8);
  });
  it('RCI SE by the delta method, consistent with the ACI SE', () => {
    const est = o.rci?.estimate as number;
    expect(close(est, mine.rci?.closed, 1e-12)).toBe(true);
    expect(o.rci?.se as number).toBeGreaterThan(upO.rci?.se as number);
    expect(close(o.rci?.lowerci, est - z * (o.rci?.se as number), 1e-12)).toBe(true);
  });
  it('SII and RII from the binomial GLM on counts (no double weighting), HC1 SEs on the indicator scale', () => {
    const s = mine.sii_logit_w_none;
    const r = mine.rii_logit_w_none;
    expect(close(o.sii?.estimate, s?.sii)).toBe(true);
    expect(close(o.sii?.se, (s?.se as number) * 100)).toBe(true);
    expect(close(o.sii?.lowerci, s?.lcl)).toBe(true);
    expect(close(o.sii?.upperci, s?.ucl)).toBe(true);
    expect(close(o.rii?.estimate, r?.rii)).toBe(true);
    expect(close(o.rii?.se, r?.se_log)).toBe(true);
    expect(close(o.rii?.lowerci, r?.lcl)).toBe(true);
    expect(close(o.rii?.upperci, r?.ucl)).toBe(true);
    expect(close(o.sii?.estimate, upO.sii?.estimate)).toBe(false);
  });
  it('PAF SE on the same ×100 scale as PAF: exactly 100 times the upstream SE', () => {
    expect(close(o.paf?.estimate, upO.paf?.estimate)).toBe(true);
    expect(close(o.paf?.se, 100 * (upO.paf?.se as number))).toBe(true);
    expect(close(o.paf?.lowerci, (o.paf?.estimate as number) - z * 100 * (upO.paf?.se as number))).toBe(true);
    expect(close(o.paf?.lowerci, upO.paf?.lowerci)).toBe(false);
  });
  it('PAR is unchanged (its units were already consistent); upstream printed CI used an older z', () => {
    expect(close(o.par?.se, mine.par_ordered?.se, 1e-9)).toBe(true);
    expect(close(o.par?.lowerci, mine.par_ordered?.lcl, 1e-7)).toBe(true);
    expect(close(o.par?.lowerci, upO.par?.lowerci, tolFor('par', 'lowerci'))).toBe(true);
  });
  it('MLD and TI SEs scaled by 1000 like the estimates: exactly 1000 times upstream', () => {
    expect(close(n.mld?.se, 1000 * (mine.mld?.se as number), 1e-12)).toBe(true);
    expect(close(n.mld?.se, 1000 * (upN.mld?.se as number), tolFor('mld', 'se'))).toBe(true);
    expect(close(n.ti?.se, 1000 * (upN.ti?.se_closed_form as number), 1e-12)).toBe(true);
  });
  it('a declared reference subgroup is the PAF/PAR reference (HEAT app behaviour)', () => {
    expect(n.paf?.estimate).toBe(0); // the reference (62) is below the mean, so nothing is attributable
    expect(n.par?.estimate).toBe(0);
  });
  it('simulated intervals are reproducible for a seed', () => {
    expect(measures(nonOrdered, { seed: 5 }).bgsd).toEqual(measures(nonOrdered, { seed: 5 }).bgsd);
    expect(measures(nonOrdered, { seed: 5 }).bgsd?.lowerci).not.toBe(
      measures(nonOrdered, { seed: 6 }).bgsd?.lowerci,
    );
  });
});

describe('applicability and validation', () => {
  it('computes every applicable measure by default', () => {
    expect(Object.keys(measures(ordered))).toEqual(['d', 'r', 'aci', 'rci', 'sii', 'rii', 'paf', 'par']);
    expect(Object.keys(measures(nonOrdered))).toHaveLength(17);
    expect(Object.keys(measures(nonOrdered.slice(0, 2)))).toEqual(['d', 'r', 'paf', 'par']);
  });
  it('groups by the groupBy columns', () => {
    const rows = [
      ...ordered.map((r) => ({ ...r, setting: 'A' })),
      ...ordered.map((r) => ({ ...r, setting: 'B' })),
    ];
    const out = run({ params: { measures: ['d'], groupBy: ['setting'] }, rows });
    expect(out.rows.map((r) => r.setting)).toEqual(['A', 'B']);
  });
  const expectError = (params: Record<string, unknown>, rows: JsonRow[], message: string): void => {
    expect(() => run({ params, rows })).toThrow(StatsInputError);
    expect(() => run({ params, rows })).toThrow(message);
  };
  it('refuses unknown and inapplicable measures', () => {
    expectError({ measure: 'gini' }, ordered, 'unknown measure "gini"');
    expectError(
      { measure: 'bgv' },
      ordered,
      'measure "bgv" does not apply to an ordered dimension with 5 subgroups',
    );
    expectError(
      { measure: 'sii' },
      nonOrdered,
      'measure "sii" does not apply to a non-ordered dimension with 25 subgroups',
    );
  });
  it('refuses negative populations, missing estimates and inconsistent settings', () => {
    expectError(
      {},
      ordered.map((r, i) => (i === 2 ? { ...r, population: -3 } : r)),
      'row 3: population must not be negative',
    );
    expectError(
      {},
      ordered.map((r, i) => (i === 1 ? { ...r, estimate: undefined } : r)),
      'row 2: estimate is missing',
    );
    expectError(
      {},
      ordered.map((r, i) => (i === 1 ? { ...r, indicator_scale: 1 } : r)),
      'indicator_scale must be the same for every subgroup',
    );
    expectError(
      {},
      ordered.map(({ favourable_indicator: _f, ...r }) => r),
      'favourable_indicator is missing',
    );
    expectError(
      {},
      ordered.map((r, i) => (i === 1 ? { ...r, estimate: null } : r)),
      'estimates are missing in some subgroups',
    );
    expectError(
      {},
      ordered.map((r) => ({ ...r, estimate: 0 })),
      'all subgroup estimates are zero',
    );
    expectError({}, ordered.slice(0, 1), 'at least two subgroups are needed');
  });
  it('needs a reference subgroup for MDRU/MDRW and populations for weighted measures', () => {
    expectError(
      { measure: 'mdru' },
      rowsOf(anchor.nonordered.input, false),
      'MDRU needs one subgroup marked as the reference subgroup',
    );
    expectError(
      { measure: 'bgv' },
      nonOrdered.map(({ population: _p, ...r }) => r),
      'BGV needs the population of every subgroup',
    );
  });
  it('refuses an unknown mode, a bad confidence level and too few simulations', () => {
    expectError({ mode: 'fast' }, ordered, 'params.mode must be one of "sound", "heat"');
    expectError({ confidence: 1.5 }, ordered, 'confidence must be a level such as 0.95');
    expectError({ simulations: 3 }, nonOrdered, 'simulations must be a whole number of at least 10');
  });
});
