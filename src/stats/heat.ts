// WHO HEAT / HEAT Plus summary measures of health inequality (Technical Notes v6.0; WHOequity
// HEAT-Measures and healthequal). Simple measures (D, R, PAF, PAR) live here; ordered and
// non-ordered measures in their own files. See docs/methods/heat.md for every formula and choice.
import { fail } from './errors.ts';
import {
  analytic,
  prepare,
  requireMean,
  type HeatOptions,
  type HeatResult,
  type HeatSetting,
  type Prepared,
} from './heat-common.ts';
import * as nonOrdered from './heat-nonordered.ts';
import * as ordered from './heat-ordered.ts';
import { createRandom } from './random.ts';

export type { HeatMode, HeatOptions, HeatResult, HeatSetting, HeatSubgroup } from './heat-common.ts';

/** The pair D and R compare: [higher, lower] indices in HEAT's sense (get_est_se_min_max). */
function comparedPair(p: Prepared): [number, number] {
  const indices = p.est.map((_e, i) => i);
  // Of subgroups tied on the highest or lowest estimate, the first in input order (as R's which.max).
  const pick = (among: number[], better: (a: number, b: number) => boolean): number =>
    among.reduce((best, i) => (better(p.est[i] as number, p.est[best] as number) ? i : best));
  const higher = (a: number, b: number) => a > b;
  const lower = (a: number, b: number) => a < b;
  if (p.reference >= 0) {
    const others = indices.filter((i) => i !== p.reference);
    return p.favourable ? [p.reference, pick(others, lower)] : [pick(others, higher), p.reference];
  }
  if (p.ordered) {
    const first = 0;
    const last = indices.length - 1;
    // Favourable: most advantaged minus most disadvantaged; adverse: the reverse.
    return p.favourable ? [last, first] : [first, last];
  }
  return [pick(indices, higher), pick(indices, lower)];
}

export function difference(p: Prepared): HeatResult {
  const [hi, lo] = comparedPair(p);
  const se = Math.sqrt((p.se[hi] as number) ** 2 + (p.se[lo] as number) ** 2);
  return analytic('d', (p.est[hi] as number) - (p.est[lo] as number), se, p.z);
}

export function ratio(p: Prepared): HeatResult {
  const [hi, lo] = comparedPair(p);
  const top = p.est[hi] as number;
  const bottom = p.est[lo] as number;
  const estimate = top / bottom;
  if (!Number.isFinite(estimate))
    return { measure: 'r', estimate: NaN, se: NaN, lower: NaN, upper: NaN, ciMethod: 'none' };
  const se = Math.sqrt(((p.se[hi] as number) ** 2 + estimate ** 2 * (p.se[lo] as number) ** 2) / bottom ** 2);
  const logSe = se / estimate;
  return {
    measure: 'r',
    estimate,
    se,
    lower: Math.exp(Math.log(estimate) - p.z * logSe),
    upper: Math.exp(Math.log(estimate) + p.z * logSe),
    ciMethod: Number.isFinite(se) ? 'analytic' : 'none',
  };
}

/** PAF/PAR reference: the declared reference, else most advantaged (ordered) or best subgroup. */
function attributableReference(p: Prepared): number {
  if (p.reference >= 0) return p.reference;
  if (p.ordered) return p.est.length - 1;
  const target = p.favourable ? Math.max(...p.est) : Math.min(...p.est);
  return p.est.indexOf(target);
}

/** PAF (fraction, before ×100) and its SE on the fraction scale (Walter 1978, 2×2 table). */
function attributableFraction(p: Prepared): { fraction: number; se: number; gap: number } {
  requireMean(p, 'PAF');
  const ref = attributableReference(p);
  const refEstimate = p.est[ref] as number;
  const wrongDirection = p.favourable ? refEstimate < p.mean : refEstimate > p.mean;
  const gap = wrongDirection ? 0 : refEstimate - p.mean;
  let se = NaN;
  if (p.hasPopulation) {
    const total = p.pop.reduce((a, b) => a + b, 0);
    const refPop = p.pop[ref] as number;
    const c = (refEstimate / p.scale) * refPop;
    const d = refPop - c;
    const a = (p.mean / p.scale) * total - c;
    const b = total - a - refPop;
    const n = a + b + c + d;
    se = Math.sqrt((c * n * (a * d * (n - c) + b * c * c)) / ((a + c) ** 3 * (c + d) ** 3));
  }
  return { fraction: gap / p.mean, se, gap };
}

/** PAF × 100. Sound mode puts the SE on the same ×100 scale; HEAT leaves it on the fraction scale. */
export function paf(p: Prepared): HeatResult {
  const { fraction, se } = attributableFraction(p);
  return analytic('paf', fraction * 100, p.mode === 'heat' ? se : se * 100, p.z);
}

/** PAR = reference − μ (0 when the reference is on the wrong side); SE = μ × SE(PAF fraction). */
export function par(p: Prepared): HeatResult {
  const { gap, se } = attributableFraction(p);
  return analytic('par', gap, p.mean * se, p.z);
}

type MeasureFn = (p: Prepared) => HeatResult;

export const HEAT_MEASURES: Record<string, MeasureFn> = {
  d: difference,
  r: ratio,
  aci: ordered.aci,
  rci: ordered.rci,
  sii: ordered.sii,
  rii: ordered.rii,
  bgv: nonOrdered.bgv,
  bgsd: nonOrdered.bgsd,
  cov: nonOrdered.cov,
  mdmu: nonOrdered.mdmu,
  mdmw: nonOrdered.mdmw,
  mdbu: nonOrdered.mdbu,
  mdbw: nonOrdered.mdbw,
  mdru: nonOrdered.mdru,
  mdrw: nonOrdered.mdrw,
  idisu: nonOrdered.idisu,
  idisw: nonOrdered.idisw,
  ti: nonOrdered.ti,
  mld: nonOrdered.mld,
  paf,
  par,
};

const BINARY = ['d', 'r', 'paf', 'par'];
const ORDERED = ['d', 'r', 'aci', 'rci', 'sii', 'rii', 'paf', 'par'];
const NON_ORDERED = [
  'd',
  'r',
  'bgv',
  'bgsd',
  'cov',
  'mdmu',
  'mdmw',
  'mdbu',
  'mdbw',
  'mdru',
  'mdrw',
  'idisu',
  'idisw',
  'ti',
  'mld',
  'paf',
  'par',
];

/** The measures HEAT computes for a dimension (HEAT_summary_measures_types). */
export function applicableMeasures(setting: HeatSetting): string[] {
  if (setting.subgroups.length === 2) return [...BINARY];
  return setting.ordered ? [...ORDERED] : [...NON_ORDERED];
}

function describe(setting: HeatSetting): string {
  if (setting.subgroups.length === 2) return 'a binary dimension';
  return `${setting.ordered ? 'an ordered' : 'a non-ordered'} dimension with ${String(setting.subgroups.length)} subgroups`;
}

/**
 * Compute the requested measures (default: every applicable one; MDRU/MDRW only when a reference
 * subgroup is declared) for one setting × indicator × dimension.
 */
export function heatMeasures(
  setting: HeatSetting,
  measures?: readonly string[],
  options: HeatOptions = {},
): HeatResult[] {
  const applicable = applicableMeasures(setting);
  const requested = (
    measures ?? applicable.filter((m) => !m.startsWith('mdr') || setting.subgroups.some((s) => s.reference))
  ).map((m) => m.toLowerCase());
  for (const m of requested) {
    if (!(m in HEAT_MEASURES))
      fail(`unknown measure "${m}"; choose from ${Object.keys(HEAT_MEASURES).join(', ')}`);
    if (!applicable.includes(m)) {
      fail(`measure "${m}" does not apply to ${describe(setting)}; it takes ${applicable.join(', ')}`);
    }
  }
  const p = prepare(setting, options, createRandom(options.seed));
  return requested.map((m) => (HEAT_MEASURES[m] as MeasureFn)(p));
}
