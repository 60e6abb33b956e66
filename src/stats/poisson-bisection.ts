// Exact Poisson limits by bisection, as the Fingertips / APHO funnel-plot tools compute them
// (PHEindicatormethods R/utils.R poisson_cis and poisson_funnel; Fingertips StatisticalMethods.PoisLow/PoisHigh).

/**
 * P(from ≤ X ≤ to) for X ~ Poisson(mean), summed term by term with rescaling so large means do not
 * overflow; the sum runs until past the mean and the terms are negligible.
 */
export function poissonRangeProbability(mean: number, from: number, to: number): number {
  let term = 1;
  let total = 0;
  let inRange = 0;
  let k = 0;
  while (k <= mean || term > total * 1e-10) {
    total += term;
    if (k >= from && k <= to) inRange += term;
    if (total > 1e30) {
      inRange /= 1e30;
      total /= 1e30;
      term /= 1e30;
    }
    k += 1;
    term = (term * mean) / k;
  }
  return inRange / total;
}

/**
 * The Poisson mean at which `observed` sits on the funnel: side "low" finds μ with P(X ≥ observed | μ) = p,
 * side "high" finds μ with P(X ≤ observed | μ) = p. Bisection on v with μ = (1 + observed)·v/(1 − v)
 * until the step is below 1e-7.
 */
export function poissonFunnel(observed: number, p: number, side: 'low' | 'high'): number {
  let v = 0.5;
  let dv = 0.5;
  while (dv > 1e-7) {
    dv /= 2;
    const mean = ((1 + observed) * v) / (1 - v);
    const tooFar =
      side === 'low'
        ? poissonRangeProbability(mean, observed, 1e10) > p
        : poissonRangeProbability(mean, 0, observed) < p;
    v += tooFar ? -dv : dv;
  }
  return ((1 + observed) * v) / (1 - v);
}
