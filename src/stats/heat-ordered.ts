// HEAT measures for ordered dimensions: ACI, RCI (concentration indices) and SII, RII (logistic
// regression on relative rank). Choices where HEAT's code and its technical notes disagree are in
// docs/methods/heat.md; mode "heat" reproduces the code.
import { fail } from './errors.ts';
import { analytic, relativeRank, requirePopulation, type HeatResult, type Prepared } from './heat-common.ts';
import { roundHalfEven } from './order-statistics.ts';

function requireOrderedInputs(p: Prepared, measure: string): void {
  requirePopulation(p, measure);
  if (!p.ordered) fail(`${measure} applies only to ordered dimensions`);
}

/**
 * SE of ACI/RCI from the "convenient regression" (HEAT code): OLS of 2σ²·y·√pop (÷μ for RCI) on
 * rank·√pop and √pop without intercept; the model SE of the rank coefficient.
 */
function convenientRegressionSe(p: Prepared, rank: number[], divisor: number): number {
  const w = p.pop.map(Math.sqrt);
  const sigma2 = rank.reduce((sum, r, i) => sum + (p.share[i] as number) * (r - 0.5) ** 2, 0);
  const y = p.est.map((e, i) => (2 * sigma2 * e * (w[i] as number)) / divisor);
  const x1 = rank.map((r, i) => r * (w[i] as number));
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let t1 = 0;
  let t2 = 0;
  x1.forEach((a, i) => {
    const b = w[i] as number;
    s11 += a * a;
    s12 += a * b;
    s22 += b * b;
    t1 += a * (y[i] as number);
    t2 += b * (y[i] as number);
  });
  const det = s11 * s22 - s12 * s12;
  const beta1 = (s22 * t1 - s12 * t2) / det;
  const beta2 = (s11 * t2 - s12 * t1) / det;
  const rss = y.reduce(
    (sum, v, i) => sum + (v - beta1 * (x1[i] as number) - beta2 * (w[i] as number)) ** 2,
    0,
  );
  return Math.sqrt((rss / (y.length - 2)) * (s22 / det));
}

/** ACI = Σ p_j (2X_j − 1) y_j. Sound SE: √Σ p_j²(2X_j − 1)²σ_j² (technical notes). */
export function aci(p: Prepared): HeatResult {
  requireOrderedInputs(p, 'ACI');
  const rank = relativeRank(p.pop);
  const terms = rank.map((r, i) => (p.share[i] as number) * (2 * r - 1));
  const estimate = terms.reduce((sum, t, i) => sum + t * (p.est[i] as number), 0);
  const se =
    p.mode === 'heat'
      ? convenientRegressionSe(p, rank, 1)
      : Math.sqrt(terms.reduce((sum, t, i) => sum + t * t * (p.se[i] as number) ** 2, 0));
  return analytic('aci', estimate, se, p.z);
}

/** RCI = ACI / μ, as a fraction (HEAT displays ×100). Sound SE by the delta method with μ random. */
export function rci(p: Prepared): HeatResult {
  requireOrderedInputs(p, 'RCI');
  const rank = relativeRank(p.pop);
  const mean = p.mean;
  const estimate =
    rank.reduce((sum, r, i) => sum + (p.share[i] as number) * (2 * r - 1) * (p.est[i] as number), 0) / mean;
  const se =
    p.mode === 'heat'
      ? convenientRegressionSe(p, rank, mean)
      : Math.sqrt(
          rank.reduce(
            (sum, r, i) => sum + ((p.share[i] as number) * (2 * r - 1 - estimate) * (p.se[i] as number)) ** 2,
            0,
          ),
        ) / mean;
  return analytic('rci', estimate, se, p.z);
}

interface LogisticFit {
  mu0: number;
  mu1: number;
  /** HC1 covariance of (b0, b1). */
  v: [number, number, number];
}

const expit = (x: number): number => 1 / (1 + Math.exp(-x));

interface Sums {
  /** X'WX (00, 01, 11) with IRLS working weights. */
  a: [number, number, number];
  /** Score X'w(p − μ). */
  g: [number, number];
  /** Meat of the sandwich: Σ (w(p − μ))² x x'. */
  m: [number, number, number];
}

function weightedSums(x: number[], prop: number[], weight: number[], b0: number, b1: number): Sums {
  const sums: Sums = { a: [0, 0, 0], g: [0, 0], m: [0, 0, 0] };
  x.forEach((xi, j) => {
    const mu = expit(b0 + b1 * xi);
    const w = (weight[j] as number) * mu * (1 - mu);
    const score = (weight[j] as number) * ((prop[j] as number) - mu);
    sums.a[0] += w;
    sums.a[1] += w * xi;
    sums.a[2] += w * xi * xi;
    sums.g[0] += score;
    sums.g[1] += score * xi;
    sums.m[0] += score * score;
    sums.m[1] += score * score * xi;
    sums.m[2] += score * score * xi * xi;
  });
  return sums;
}

/** HC1 sandwich: n/(n − 2) · A⁻¹ M A⁻¹ for the two coefficients. */
function hc1(a: [number, number, number], m: [number, number, number], n: number): [number, number, number] {
  const det = a[0] * a[2] - a[1] * a[1];
  const inv: [number, number, number] = [a[2] / det, -a[1] / det, a[0] / det];
  const bm00 = inv[0] * m[0] + inv[1] * m[1];
  const bm01 = inv[0] * m[1] + inv[1] * m[2];
  const bm10 = inv[1] * m[0] + inv[2] * m[1];
  const bm11 = inv[1] * m[1] + inv[2] * m[2];
  const k = n / (n - 2);
  return [
    k * (bm00 * inv[0] + bm01 * inv[1]),
    k * (bm00 * inv[1] + bm01 * inv[2]),
    k * (bm10 * inv[1] + bm11 * inv[2]),
  ];
}

/**
 * Binomial logit regression of the subgroup proportions on relative rank by IRLS, with case weights
 * (binomial totals, or totals² in HEAT mode), and the HC1 sandwich covariance.
 */
export function logisticOnRank(p: Prepared): LogisticFit | undefined {
  const n = p.pop.map(Math.ceil);
  const cases = p.est.map((e, i) => roundHalfEven((e / p.scale) * (n[i] as number)));
  if (cases.some((c, i) => c < 0 || c > (n[i] as number))) return undefined;
  const x = relativeRank(n);
  const prop = cases.map((c, i) => c / (n[i] as number));
  const weight = n.map((v) => (p.mode === 'heat' ? v * v : v));
  let b0 = 0;
  let b1 = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    const { a, g } = weightedSums(x, prop, weight, b0, b1);
    const det = a[0] * a[2] - a[1] * a[1];
    const d0 = (a[2] * g[0] - a[1] * g[1]) / det;
    const d1 = (a[0] * g[1] - a[1] * g[0]) / det;
    b0 += d0;
    b1 += d1;
    if (Math.abs(d0) + Math.abs(d1) < 1e-13) break;
  }
  const { a, m } = weightedSums(x, prop, weight, b0, b1);
  return { mu0: expit(b0), mu1: expit(b0 + b1), v: hc1(a, m, x.length) };
}

function deltaSe(v: [number, number, number], g0: number, g1: number): number {
  return Math.sqrt(g0 * g0 * v[0] + 2 * g0 * g1 * v[1] + g1 * g1 * v[2]);
}

function requireLogisticInputs(p: Prepared, measure: string): void {
  requireOrderedInputs(p, measure);
  if (new Set(p.est).size === 1) fail(`${measure} not calculated - all estimates have the same value`);
}

/** SII = (fitted proportion at rank 1 − at rank 0) × scale; delta-method SE (HC1). */
export function sii(p: Prepared): HeatResult {
  requireLogisticInputs(p, 'SII');
  const fit = logisticOnRank(p);
  if (!fit) return { measure: 'sii', estimate: NaN, se: NaN, lower: NaN, upper: NaN, ciMethod: 'none' };
  const { mu0, mu1, v } = fit;
  const se = deltaSe(v, mu1 * (1 - mu1) - mu0 * (1 - mu0), mu1 * (1 - mu1));
  const result = analytic('sii', (mu1 - mu0) * p.scale, se * p.scale, p.z);
  // HEAT reports the SE on the 0–1 scale next to an estimate and interval on the indicator scale.
  return p.mode === 'heat' ? { ...result, se } : result;
}

/** RII = fitted proportion at rank 1 / at rank 0; SE on the log scale, interval exponentiated. */
export function rii(p: Prepared): HeatResult {
  requireLogisticInputs(p, 'RII');
  const fit = logisticOnRank(p);
  if (!fit) return { measure: 'rii', estimate: NaN, se: NaN, lower: NaN, upper: NaN, ciMethod: 'none' };
  const { mu0, mu1, v } = fit;
  const seLog = deltaSe(v, mu0 - mu1, 1 - mu1);
  const estimate = mu1 / mu0;
  return {
    measure: 'rii',
    estimate,
    se: seLog,
    lower: Math.exp(Math.log(estimate) - p.z * seLog),
    upper: Math.exp(Math.log(estimate) + p.z * seLog),
    ciMethod: 'analytic',
  };
}
