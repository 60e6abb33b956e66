// JSON adapter for phe_mean.
import { confidenceLabels } from '../confidence.ts';
import { MEAN_METHOD, MEAN_STATISTIC, meanWithT } from '../mean.ts';
import { limitValues, summariseValues } from './fields.ts';
import { na, type JsonMethod } from './types.ts';

/** params: groupBy?, confidence? (0.95, or [0.95, 0.998]), type?. rows: x (one value each). */
export const run: JsonMethod = (input) => ({
  rows: summariseValues(
    input,
    (values, levels) => {
      const summary = meanWithT(values, levels);
      return {
        value_sum: na(summary.sum),
        value_count: summary.count,
        stdev: na(summary.sd),
        value: na(summary.value),
        ...limitValues(levels, summary.lower, summary.upper),
        confidence: confidenceLabels(levels),
        statistic: MEAN_STATISTIC,
        method: MEAN_METHOD,
      };
    },
    ['value_sum', 'value_count', 'stdev'],
  ),
});
