// The Fingertips "recent trend" test (fingertips-open, PholioVisualisationWS/Analysis/TrendMarkers/
// TrendMarkerCalculator.cs): over the five most recent points, a chi-square test for a linear trend,
// significant at 99.8% (χ²₁ > 9.5495…) only when the slope keeps its sign with each point left out.

export const TREND_POINTS = 5;
/** χ²₁ at 99.8% confidence, as Fingertips uses it. */
export const TREND_CHI_SQUARE = 9.54953570608324;

export type TrendMarker = 'increasing' | 'decreasing' | 'no significant change' | 'cannot be calculated';

export interface TrendResult {
  marker: TrendMarker;
  /** Chi-square of the trend over the points used (NaN when it cannot be calculated). */
  chiSquare: number;
  /** Slope per period: of the value (weighted), or of the log-odds for proportions. */
  slope: number;
  pointsUsed: number;
  significant: boolean;
  message: string | null;
}

export interface ValuePoint {
  value: number;
  lower95: number;
  upper95: number;
}

export interface CountPoint {
  count: number;
  denominator: number;
}

const cannot = (message: string): TrendResult => ({
  marker: 'cannot be calculated',
  chiSquare: NaN,
  slope: NaN,
  pointsUsed: 0,
  significant: false,
  message,
});

function outcome(chiSquare: number, slope: number, sameSign: boolean): TrendResult {
  const significant = sameSign && chiSquare > TREND_CHI_SQUARE;
  const marker: TrendMarker = !significant
    ? 'no significant change'
    : slope > 0
      ? 'increasing'
      : 'decreasing';
  return { marker, chiSquare, slope, pointsUsed: TREND_POINTS, significant, message: null };
}

/** Weighted least-squares slope of y on t with weights w; and its χ² = (b / SE(b))². */
function weightedSlope(t: number[], y: number[], w: number[]): { slope: number; chiSquare: number } {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  t.forEach((ti, i) => {
    const wi = w[i] as number;
    const yi = y[i] as number;
    s1 += wi;
    s2 += wi * ti * yi;
    s3 += wi * ti;
    s4 += wi * yi;
    s5 += wi * ti * ti;
  });
  const determinant = s1 * s5 - s3 * s3;
  const slope = (s1 * s2 - s3 * s4) / determinant;
  const standardError = Math.sqrt(s1 / determinant);
  return { slope, chiSquare: (slope / standardError) ** 2 };
}

/** Whether the slope has the same sign with all points and with each point left out in turn. */
function signHolds(t: number[], slopeOf: (keep: number[]) => number): boolean {
  const all = t.map((_v, i) => i);
  const signs = [all, ...all.map((left) => all.filter((i) => i !== left))].map((keep) =>
    slopeOf(keep) < 0 ? -1 : 1,
  );
  return Math.abs(signs.reduce((a, b) => a + b, 0)) === signs.length;
}

/**
 * Recent trend of values with 95% limits (rates, DSRs, means), oldest first: weights 1/SE² with
 * SE = (upper − lower)/3.92.
 */
export function recentTrend(points: ValuePoint[]): TrendResult {
  const usable = points.filter(
    (p) =>
      Number.isFinite(p.value) &&
      Number.isFinite(p.lower95) &&
      Number.isFinite(p.upper95) &&
      p.upper95 > p.lower95,
  );
  if (usable.length < TREND_POINTS)
    return cannot(`A trend needs ${TREND_POINTS} periods with confidence limits`);
  const recent = usable.slice(-TREND_POINTS);
  const t = recent.map((_p, i) => i + 1);
  const y = recent.map((p) => p.value);
  const w = recent.map((p) => 1 / ((p.upper95 - p.lower95) / 3.92) ** 2);
  const pick = <T>(values: T[], keep: number[]) => keep.map((i) => values[i] as T);
  const full = weightedSlope(t, y, w);
  const sameSign = signHolds(t, (keep) => weightedSlope(pick(t, keep), pick(y, keep), pick(w, keep)).slope);
  return outcome(full.chiSquare, full.slope, sameSign);
}

/** Ordinary least-squares slope of the log-odds on t (the leave-one-out check for proportions). */
function logitSlope(t: number[], logits: number[]): number {
  const n = t.length;
  const sumT = t.reduce((a, b) => a + b, 0);
  const sumY = logits.reduce((a, b) => a + b, 0);
  const sumTY = t.reduce((a, ti, i) => a + ti * (logits[i] as number), 0);
  const sumT2 = t.reduce((a, ti) => a + ti * ti, 0);
  return (n * sumTY - sumY * sumT) / (n * sumT2 - sumT * sumT);
}

/**
 * Recent trend of proportions from counts and denominators, oldest first: the chi-square test for
 * trend in proportions (Armitage) with the leave-one-out check on log-odds. The direction is the
 * sign of the log-odds slope over all five points.
 */
export function recentTrendForProportions(points: CountPoint[]): TrendResult {
  const usable = points.filter((p) => p.count > 0 && p.count < p.denominator);
  if (usable.length < TREND_POINTS)
    return cannot(`A trend needs ${TREND_POINTS} periods, each with some but not all people counted`);
  const recent = usable.slice(-TREND_POINTS);
  let n = 0;
  let r = 0;
  let rt = 0;
  let nt = 0;
  let nt2 = 0;
  recent.forEach((p, i) => {
    const t = i + 1;
    n += p.denominator;
    r += p.count;
    rt += p.count * t;
    nt += p.denominator * t;
    nt2 += p.denominator * t * t;
  });
  const chiSquare = (n * (n * rt - r * nt) ** 2) / (r * (n - r) * (n * nt2 - nt * nt));
  const t = recent.map((_p, i) => i + 1);
  const logits = recent.map((p) => Math.log(p.count / (p.denominator - p.count)));
  const slopeOf = (keep: number[]) =>
    logitSlope(
      keep.map((i) => t[i] as number),
      keep.map((i) => logits[i] as number),
    );
  return outcome(chiSquare, slopeOf(t.map((_v, i) => i)), signHolds(t, slopeOf));
}
