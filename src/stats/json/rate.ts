// JSON adapter for phe_rate.
import { confidenceLabels, limitColumns } from '../confidence.ts';
import { crudeRates, rateStatistic, validateRateInputs } from '../rate.ts';
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
  writeLimits,
} from './fields.ts';
import { na, type JsonMethod } from './types.ts';

/**
 * params: groupBy?, confidence? (0.95 default, or [0.95, 0.998]), multiplier? (100000), type?.
 * rows: x, n (null = NA) and any other columns. x may exceed n.
 */
export const run: JsonMethod = (input) => {
  const { params, rows } = readInput(input);
  const groupBy = readGroupBy(params, rows);
  const x = numberField(rows, 'x', { allowNa: true });
  const n = numberField(rows, 'n', { allowNa: true });
  validateRateInputs(x, n);
  const levels = readRestrictedConfidence(params);
  const multiplier = readMultiplier(params, 'multiplier', 100000);
  const type = readOutputType(params);
  const data = aggregateWhenGrouped(rows, groupBy, x, n);
  const result = crudeRates(data.x, data.n, { confidence: levels, multiplier });
  const statistic = rateStatistic(multiplier);
  const confidence = confidenceLabels(levels);
  const columns = limitColumns(levels);
  return {
    rows: data.rows.map((row, i) => {
      const out = copyRow(row);
      out.value = na(result.value[i] as number);
      writeLimits(out, columns, result.lower, result.upper, i);
      Object.assign(out, { confidence, statistic, method: result.method[i] ?? null });
      return applyOutputType(out, type, levels, []);
    }),
  };
};
