// JSON adapter for the median with distribution-free limits (src/stats/median.ts).
import { confidenceLabels, limitColumns } from '../confidence.ts';
import { fail } from '../errors.ts';
import { MEDIAN_METHOD, MEDIAN_STATISTIC, medianWithLimits } from '../median.ts';
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

/** params: groupBy?, confidence? (0.95, or [0.95, 0.998]), type?. rows: x (one value each; NA skipped). */
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
      const values = [...x.subarray(groups.offsets[g], groups.offsets[g + 1])].filter(Number.isFinite);
      if (values.length === 0) fail(`group ${g + 1} has no values: a median needs at least one`);
      const summary = medianWithLimits(values, levels);
      const row: JsonRow = { ...key, value_count: values.length, value: summary.value };
      columns.forEach((names, l) => {
        row[names.lower] = na(summary.lower[l] as number);
        row[names.upper] = na(summary.upper[l] as number);
      });
      Object.assign(row, {
        confidence: confidenceLabels(levels),
        statistic: MEDIAN_STATISTIC,
        method: MEDIAN_METHOD,
      });
      return applyOutputType(row, type, levels, ['value_count']);
    }),
  };
};
