// JSON adapter for calculate_ISRate.
import { isRate, isRateStatistic } from '../isr.ts';
import { readMultiplier } from './fields.ts';
import { isrRows, readIsrRequest } from './isratio.ts';
import type { JsonMethod } from './types.ts';

/** params as for isratio, with multiplier? (100000) instead of refvalue. Output adds ref_rate. */
export const run: JsonMethod = (json) => {
  const request = readIsrRequest(json);
  const multiplier = readMultiplier(request.params, 'multiplier', 100000);
  const result = isRate(request.input, { confidence: request.levels, multiplier });
  return isrRows(request, result, isRateStatistic(multiplier), true);
};
