// What every reader of a result is told beside its own caveats (on the indicator page and in the
// "About" worksheet of its download): disclosure control, the limits basis, small numbers, and how
// comparisons and deprivation are to be read.
import type { IndicatorResult } from '../../analytics/indicators/result.ts';

export function readingNotes(result: Pick<IndicatorResult, 'limitsFrom'>): string[] {
  return [
    'Counts from 1 to 7 are shown as * and other counts are rounded to the nearest 5; percentages use the rounded figures. Occasionally a further value is hidden so that a small number cannot be worked out from the total.',
    result.limitsFrom === 'rounded'
      ? 'Percentages, rates and their confidence intervals are worked out from the rounded counts shown, so that no exact count can be worked out from them.'
      : 'Confidence intervals are worked out from the exact counts, before rounding, as the published methods do.',
    'Rates on fewer than 10 events (standardised) or 3 events (crude) are not calculated (shown as :); rates on fewer than 20 events are marked (u) as less reliable.',
    'Comparisons with the overall value use the 95% confidence interval. Deprivation uses national IMD deciles of the area each person lives in, not their own circumstances.',
  ];
}
