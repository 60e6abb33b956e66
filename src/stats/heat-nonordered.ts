// HEAT measures for non-ordered dimensions: between-group variance and standard deviation,
// coefficient of variation, mean differences (from the mean, best and reference subgroup; weighted
// and unweighted), index of disparity, Theil index and mean log deviation.
import { fail } from './errors.ts';
import {
  analytic,
  requireMean,
  requirePopulation,
  simulated,
  weightedMean,
  type HeatResult,
  type Prepared,
} from './heat-common.ts';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** μ for a simulated draw: weighted when populations are known, else the setting average. */
function meanOf(p: Prepared, est: readonly number[]): number {
  return p.hasPopulation ? weightedMean(est, p.share) : p.mean;
}

/** BGV = Σ p_j (y_j − μ)²; analytic variance from the technical notes. */
export function bgv(p: Prepared): HeatResult {
  requirePopulation(p, 'BGV');
  const { share, est, se } = p;
  const estimate = sum(est.map((y, j) => (share[j] as number) * (y - p.mean) ** 2));
  const ps2 = est.map((_y, j) => (share[j] as number) ** 2 * (se[j] as number) ** 2);
  const variance =
    4 * sum(est.map((y, j) => (ps2[j] as number) * (y - p.mean) ** 2)) +
    2 *
      (sum(ps2) ** 2 -
        sum(ps2.map((v) => v * v)) +
        sum(ps2.map((v, j) => v * (1 - (share[j] as number)) ** 2 * (se[j] as number) ** 2)));
  return analytic('bgv', estimate, Math.sqrt(variance), p.z);
}

function bgsdOf(p: Prepared, est: readonly number[]): number {
  const mean = meanOf(p, est);
  return Math.sqrt(sum(est.map((y, j) => (p.share[j] as number) * (y - mean) ** 2)));
}

export function bgsd(p: Prepared): HeatResult {
  requirePopulation(p, 'BGSD');
  return simulated('bgsd', bgsdOf(p, p.est), p, (est) => bgsdOf(p, est));
}

/** COV = BGSD / μ × 100. */
export function cov(p: Prepared): HeatResult {
  requirePopulation(p, 'COV');
  const of = (est: readonly number[]): number => (bgsdOf(p, est) / meanOf(p, est)) * 100;
  return simulated('cov', of(p.est), p, of);
}

type Target = 'mean' | 'best' | 'reference';

function targetValue(p: Prepared, est: readonly number[], target: Target): number {
  if (target === 'mean') return meanOf(p, est);
  if (target === 'reference') return est[p.reference] as number;
  return p.favourable ? Math.max(...est) : Math.min(...est);
}

function meanDifference(p: Prepared, est: readonly number[], target: Target, weighted: boolean): number {
  const t = targetValue(p, est, target);
  const gaps = est.map((y) => Math.abs(y - t));
  return weighted ? sum(gaps.map((g, j) => (p.share[j] as number) * g)) : sum(gaps) / gaps.length;
}

function mdMeasure(
  p: Prepared,
  name: string,
  target: Target,
  weighted: boolean,
  asIndex = false,
): HeatResult {
  const label = name.toUpperCase();
  if (weighted) requirePopulation(p, label);
  if (target === 'mean' || asIndex) requireMean(p, label);
  if (target === 'reference' && p.reference < 0)
    fail(`${label} needs one subgroup marked as the reference subgroup`);
  const of = (est: readonly number[]): number => {
    const value = meanDifference(p, est, target, weighted);
    return asIndex ? (value / meanOf(p, est)) * 100 : value;
  };
  return simulated(name, of(p.est), p, of);
}

export const mdmu = (p: Prepared): HeatResult => mdMeasure(p, 'mdmu', 'mean', false);
export const mdmw = (p: Prepared): HeatResult => mdMeasure(p, 'mdmw', 'mean', true);
export const mdbu = (p: Prepared): HeatResult => mdMeasure(p, 'mdbu', 'best', false);
export const mdbw = (p: Prepared): HeatResult => mdMeasure(p, 'mdbw', 'best', true);
export const mdru = (p: Prepared): HeatResult => mdMeasure(p, 'mdru', 'reference', false);
export const mdrw = (p: Prepared): HeatResult => mdMeasure(p, 'mdrw', 'reference', true);
/** Index of disparity: mean difference from the mean as a percentage of the mean. */
export const idisu = (p: Prepared): HeatResult => mdMeasure(p, 'idisu', 'mean', false, true);
export const idisw = (p: Prepared): HeatResult => mdMeasure(p, 'idisw', 'mean', true, true);

function requirePositive(p: Prepared, label: string): void {
  requirePopulation(p, label);
  if (p.est.some((y) => !(y > 0))) fail(`${label} needs every subgroup estimate to be greater than zero`);
}

/** Theil index × 1000. Sound mode scales the SE by 1000 too; HEAT does not. */
export function ti(p: Prepared): HeatResult {
  requirePositive(p, 'TI');
  const r = p.est.map((y) => y / p.mean);
  const estimate = sum(r.map((v, j) => (p.share[j] as number) * v * Math.log(v)));
  const centre = sum(r.map((v, j) => (p.share[j] as number) * v * (1 + Math.log(v))));
  const variance =
    sum(
      r.map((v, j) => ((p.share[j] as number) * (p.se[j] as number)) ** 2 * (1 + Math.log(v) - centre) ** 2),
    ) /
    p.mean ** 2;
  return analytic('ti', estimate * 1000, Math.sqrt(variance) * (p.mode === 'heat' ? 1 : 1000), p.z);
}

/** Mean log deviation × 1000. Sound mode scales the SE by 1000 too; HEAT does not. */
export function mld(p: Prepared): HeatResult {
  requirePositive(p, 'MLD');
  const r = p.est.map((y) => y / p.mean);
  const estimate = sum(r.map((v, j) => -(p.share[j] as number) * Math.log(v)));
  const variance = sum(
    r.map((v, j) => (((p.share[j] as number) * (p.se[j] as number)) / p.mean) ** 2 * (1 - 1 / v) ** 2),
  );
  return analytic('mld', estimate * 1000, Math.sqrt(variance) * (p.mode === 'heat' ? 1 : 1000), p.z);
}
