import { fail } from '../errors.ts';
import { run as disclosure } from './disclosure.ts';
import { run as dsr } from './dsr.ts';
import { run as funnel } from './funnel.ts';
import { run as heat } from './heat.ts';
import { run as israte } from './israte.ts';
import { run as isratio } from './isratio.ts';
import { run as lifeExpectancy } from './life-expectancy.ts';
import { run as mean } from './mean.ts';
import { run as median } from './median.ts';
import { run as proportion } from './proportion.ts';
import { run as quantiles } from './quantiles.ts';
import { run as rate } from './rate.ts';
import { run as sii } from './sii.ts';
import { run as smr } from './smr.ts';
import type { JsonInput, JsonMethod, JsonOutput } from './types.ts';

/** `isr` is the indirectly standardised ratio, or the rate when params.statistic is "rate". */
const isr: JsonMethod = (input) => (input.params.statistic === 'rate' ? israte(input) : isratio(input));

export const jsonMethods: Record<string, JsonMethod> = {
  proportion,
  rate,
  mean,
  median,
  dsr,
  isr,
  isratio,
  israte,
  smr,
  'life-expectancy': lifeExpectancy,
  sii,
  quantiles,
  funnel,
  heat,
  disclosure,
};

export const jsonMethodNames = Object.keys(jsonMethods);

/** Checks the envelope `{ params, rows }` and runs the method. */
export function runJsonMethod(method: string, input: unknown): JsonOutput {
  const run = jsonMethods[method];
  if (!run) fail(`Unknown method "${method}". Choose one of: ${jsonMethodNames.join(', ')}`);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail('The input must be a JSON object: { "params": { ... }, "rows": [ { ... }, ... ] }');
  }
  const { params = {}, rows } = input as Partial<JsonInput>;
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    fail('"params" must be an object');
  if (!Array.isArray(rows)) fail('"rows" must be a list of objects, one per input row');
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) fail(`row ${i + 1} must be an object`);
  });
  return run({ params, rows });
}
