// JSON adapter for phe_proportion.
import { confidenceLabels, limitColumns } from '../confidence.ts';
import { proportionStatistic, proportions, validateProportionInputs } from '../proportion.ts';
import {
  aggregateWhenGrouped,
  applyOutputType,
  copyRow,
  numberField,
  readGroupBy,
  readInput,
  readMultiplier,
  readOutputType,
  readRestrictedConfidence,
  withConfidenceWording,
  writeLimits,
} from './fields.ts';
import { na, type JsonMethod } from './types.ts';

/**
 * params: groupBy?, confidence? (0.95 default; 0.95/95, [0.95, 0.998]; null for no limits),
 * multiplier? (1; 100 for percentages), type?. rows: x, n (null = NA) and any other columns.
 */
export const run: JsonMethod = (input) => {
  const { params, rows } = readInput(input);
  const groupBy = readGroupBy(params, rows);
  const x = numberField(rows, 'x', { allowNa: true });
  const n = numberField(rows, 'n', { allowNa: true });
  validateProportionInputs(x, n);
  const levels = withConfidenceWording(
    'confidence level, if specified, must be between 90 and 100 or between 0.9 and 1',
    () => readRestrictedConfidence(params, { allowNone: true }),
  );
  const multiplier = readMultiplier(params, 'multiplier', 1);
  const type = readOutputType(params);
  const data = aggregateWhenGrouped(rows, groupBy, x, n);
  const result = proportions(data.x, data.n, { confidence: levels, multiplier });
  const statistic = proportionStatistic(multiplier);
  const columns = levels.length === 0 ? [] : limitColumns(levels);
  const confidence = confidenceLabels(levels);
  return {
    rows: data.rows.map((row, i) => {
      const out = copyRow(row);
      out.value = na(result.value[i] as number);
      if (levels.length === 0) {
        out.statistic = statistic;
      } else {
        writeLimits(out, columns, result.lower, result.upper, i);
        Object.assign(out, { confidence, statistic, method: 'Wilson' });
      }
      return applyOutputType(out, type, levels, []);
    }),
  };
};
