// JSON adapter for phe_sii. Rows: quantile, population and value (or x for proportions) with se or
// lower_cl/upper_cl; params as the reference names them, plus groupBy and seed.
import { confidenceLabels } from '../confidence.ts';
import { groupRows } from '../grouping.ts';
import { calculateSii, levelTag, SII_DEFAULT_REPETITIONS, type SiiFit, type SiiRow } from '../sii.ts';
import { na, type JsonInput, type JsonMethod, type JsonOutput, type JsonRow } from './types.ts';
import {
  groupByColumns,
  optionalNumber,
  paramBoolean,
  paramNumber,
  paramNumbers,
  paramString,
  requiredNumber,
  requireRows,
} from './row-fields.ts';

function toSiiRow(row: JsonRow, index: number): SiiRow {
  return {
    quantile: requiredNumber(row, 'quantile', index),
    population: requiredNumber(row, 'population', index),
    value: optionalNumber(row, 'value', index),
    x: optionalNumber(row, 'x', index),
    se: optionalNumber(row, 'se', index),
    lowerCl: optionalNumber(row, 'lower_cl', index),
    upperCl: optionalNumber(row, 'upper_cl', index),
  };
}

interface Flags {
  rii: boolean;
  intercept: boolean;
  reliability: boolean;
}

function resultColumns(fit: SiiFit, levels: number[], flags: Flags): JsonRow {
  const out: JsonRow = { sii: na(fit.sii) };
  if (flags.rii) out.rii = na(fit.rii);
  levels.forEach((level, i) => {
    const tag = levelTag(level);
    out[`sii_lower${tag}cl`] = na(fit.siiLimits[i]?.lower ?? NaN);
    out[`sii_upper${tag}cl`] = na(fit.siiLimits[i]?.upper ?? NaN);
    if (flags.rii) {
      out[`rii_lower${tag}cl`] = na(fit.riiLimits[i]?.lower ?? NaN);
      out[`rii_upper${tag}cl`] = na(fit.riiLimits[i]?.upper ?? NaN);
    }
  });
  if (flags.reliability) {
    levels.forEach((level, i) => {
      out[`sii_mad${levelTag(level)}`] = na(fit.siiMad[i] ?? NaN);
      if (flags.rii) out[`rii_mad${levelTag(level)}`] = na(fit.riiMad[i] ?? NaN);
    });
  }
  if (flags.intercept) out.intercept = na(fit.intercept);
  return out;
}

function metadata(input: JsonInput, valueType: number, transform: boolean, levels: number[]): JsonRow {
  const kind = valueType === 0 ? 'normal' : valueType === 1 ? 'rate' : 'proportion';
  const repetitions = paramNumber(input, 'repetitions', SII_DEFAULT_REPETITIONS);
  return {
    indicator_type: kind,
    multiplier: paramNumber(input, 'multiplier', 1),
    transform: transform ? (valueType === 1 ? 'log' : 'logit') : 'none',
    CI_confidence: confidenceLabels(levels),
    CI_method: `simulation ${String(repetitions)} reps`,
  };
}

export const run: JsonMethod = (input) => {
  const rows = requireRows(input);
  const by = groupByColumns(input);
  const groups = groupRows(rows, by);
  const indexOf = new Map(rows.map((row, i) => [row, i]));
  const valueType = paramNumber(input, 'value_type', 0);
  const transform = paramBoolean(input, 'transform', false);
  const flags: Flags = {
    rii: paramBoolean(input, 'rii', false),
    intercept: paramBoolean(input, 'intercept', false),
    reliability: paramBoolean(input, 'reliability_stat', false),
  };
  const type = paramString(input, 'type', ['full', 'standard'], 'full');
  const output = calculateSii(
    groups.map((g) => ({ key: g.key, rows: g.rows.map((row) => toSiiRow(row, indexOf.get(row) ?? 0)) })),
    {
      valueType,
      transform,
      multiplier: paramNumber(input, 'multiplier', 1),
      repetitions: paramNumber(input, 'repetitions', SII_DEFAULT_REPETITIONS),
      confidence: paramNumbers(input, 'confidence', [0.95]),
      rii: flags.rii,
      intercept: flags.intercept,
      reliabilityStat: flags.reliability,
      seed: paramNumber(input, 'seed'),
    },
  );
  const meta = type === 'full' ? metadata(input, valueType, transform, output.confidence) : {};
  const result: JsonOutput & { warnings?: string[] } = {
    rows: output.results.map(({ key, fit }) => ({
      ...key,
      ...resultColumns(fit, output.confidence, flags),
      ...meta,
    })),
  };
  if (output.warnings.length > 0) result.warnings = output.warnings;
  return result;
};
