import type { ComparisonOutcome } from '../../stats/comparison.ts';

/** One group's estimate before disclosure control: stays inside the analytics code. */
export interface GroupEstimate {
  period: string;
  dimension: string;
  group: string;
  numerator: number;
  /** A count of rows, or a population for rates; NaN when not applicable. */
  denominator: number;
  denominatorIsPopulation: boolean;
  /** Individuals behind a mean or median. */
  n: number;
  value: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  note: string | null;
  /**
   * What the WHO measures weight this group by, where it is not its denominator (n for means and
   * medians): with DISCLOSURE_LIMITS=rounded, a proportion's published denominator.
   */
  weight?: number;
}

/** One group after disclosure control: what may be stored, shown and exported. */
export interface PublishedRow {
  period: string;
  dimension: string;
  group: string;
  order: string;
  numerator: string;
  denominator: string;
  value: number | null;
  valueText: string;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  comparison: ComparisonOutcome;
  flag: 'u' | null;
  note: string | null;
}

export interface SummaryMeasure {
  period: string;
  dimension: string;
  measure: string;
  label: string;
  value: number;
  lower: number | null;
  upper: number | null;
  /** For the SII: the fitted value at the most deprived end, to draw the line. */
  intercept?: number;
}

/** Why an inequality measure was not calculated for a period and breakdown. */
export interface SummaryNote {
  period: string;
  dimension: string;
  /** "sii" (with the RII), "rii" (the RII alone, when the SII stands) or "heat" (the WHO measures). */
  measure: 'sii' | 'rii' | 'heat';
  text: string;
}

/** The Fingertips recent-trend test over the overall values of the latest periods. */
export interface TrendSummary {
  marker: 'increasing' | 'decreasing' | 'no significant change' | 'cannot be calculated';
  chiSquare: number | null;
  /** The periods tested, oldest first. */
  periods: string[];
  method: string;
  message: string | null;
}

export interface IndicatorResult {
  indicatorId: string;
  title: string;
  programme: string;
  area: string;
  statistic: string;
  unit: string;
  multiplier: number;
  polarity: string;
  definition: string;
  numeratorText: string;
  denominatorText: string;
  caveats: string[];
  source: string | null;
  periods: string[];
  latestPeriod: string;
  dimensions: { id: string; label: string }[];
  rows: PublishedRow[];
  summaries: SummaryMeasure[];
  /** Absent in results computed before these notes existed. */
  summaryNotes?: SummaryNote[];
  /** Absent in results computed before the trend test existed. */
  trend?: TrendSummary;
  /** What published percentages, crude rates and limits came from; absent before the setting existed (exact). */
  limitsFrom?: 'exact' | 'rounded';
}
