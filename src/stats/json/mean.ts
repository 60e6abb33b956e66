// JSON adapter for phe_mean.
import { confidenceLabels, limitColumns } from '../confidence.ts';
import { MEAN_METHOD, MEAN_STATISTIC, meanWithT } from '../mean.ts';
import {
  applyOutputType,
  groupContiguous,
  numberField,
  readGroupBy,
  readInput,
  readOutputType,
  readRestrictedConfidence,
  reorder,
} from './fields.ts';
import { na, type JsonMethod, type JsonRow } from './types.ts';

/** params: groupBy?, confidence? (0.95, or [0.95, 0.998]), type?. rows: x (one value each). */
export const run: JsonMethod = (input) => {
  const { params, rows } = readInput(input);
  const groupBy = readGroupBy(params, rows);
  const levels = readRestrictedConfidence(params);
  const type = readOutputType(params);
  const groups = groupContiguous(rows, groupBy);
  const x = reorder(numberField(rows, 'x', { allowNa: true }), groups.order);
  const columns = limitColumns(levels);
  return {
    rows: groups.keys.map((key, g) => {
      const summary = meanWithT(x.subarray(groups.offsets[g], groups.offsets[g + 1]), levels);
      const row: JsonRow = {
        ...key,
        value_sum: na(summary.sum),
        value_count: summary.count,
        stdev: na(summary.sd),
        value: na(summary.value),
      };
      columns.forEach((names, l) => {
        row[names.lower] = na(summary.lower[l] as number);
        row[names.upper] = na(summary.upper[l] as number);
      });
      Object.assign(row, {
        confidence: confidenceLabels(levels),
        statistic: MEAN_STATISTIC,
        method: MEAN_METHOD,
      });
      return applyOutputType(row, type, levels, ['value_sum', 'value_count', 'stdev']);
    }),
  };
};
