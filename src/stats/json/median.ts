// JSON adapter for the median with distribution-free limits (src/stats/median.ts).
import { confidenceLabels } from '../confidence.ts';
import { fail } from '../errors.ts';
import { MEDIAN_METHOD, MEDIAN_STATISTIC, medianWithLimits } from '../median.ts';
import { limitValues, summariseValues } from './fields.ts';
import type { JsonMethod } from './types.ts';

/** params: groupBy?, confidence? (0.95, or [0.95, 0.998]), type?. rows: x (one value each; NA skipped). */
export const run: JsonMethod = (input) => ({
  rows: summariseValues(
    input,
    (x, levels) => {
      const values = [...x].filter(Number.isFinite);
      if (values.length === 0) fail('a group has no values: a median needs at least one');
      const summary = medianWithLimits(values, levels);
      return {
        value_count: values.length,
        value: summary.value,
        ...limitValues(levels, summary.lower, summary.upper),
        confidence: confidenceLabels(levels),
        statistic: MEDIAN_STATISTIC,
        method: MEDIAN_METHOD,
      };
    },
    ['value_count'],
  ),
});
