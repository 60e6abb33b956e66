// Thin, typed wrappers over @stdlib so every method uses the same well-tested quantile functions.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Φ⁻¹(p) for the standard normal. */
export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Quantile of the χ² distribution with k degrees of freedom. */
export function qchisq(p: number, k: number): number {
  return chisquareQuantile(p, k);
}

/** Quantile of Student's t with v degrees of freedom. */
export function qt(p: number, v: number): number {
  return tQuantile(p, v);
}

/** Two-sided z for a confidence level: qnorm(conf + (1 − conf)/2), as the reference computes it. */
export function zForConfidence(confidence: number): number {
  return qnorm(confidence + (1 - confidence) / 2);
}
