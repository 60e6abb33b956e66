// The counts and sums of an indicator pack as bits of a per-row pattern, so that the first phase of
// the two-phase aggregation (indicator-strata.sql) needs one COUNT(*) per fine stratum and pattern
// instead of one SUM per indicator: every condition a count needs becomes one bit, identical
// conditions share a bit, and the second phase adds up the strata whose pattern has the bit set.
import type { IndicatorDefinition } from '../indicators/schema.ts';
import { usesPopulation } from '../indicators/schema.ts';
import { ident } from '../sql-text.ts';
import { conditionsSql, measurePrefix } from './indicator-aggregates.ts';

/** Bits per pattern column: 2^30 stays inside a 32-bit integer and exact in a double. */
const BITS_PER_COLUMN = 30;

export interface MeasureBits {
  /** One SQL condition per bit, in bit order. */
  conditions: string[];
  /** Pattern column names (p0, p1 …), one per 30 bits. */
  patternColumns: string[];
  /** Fields whose values (and squares) are summed per stratum, for means. */
  valueFields: string[];
  /** Second-phase expressions over one stratum row, one per result column (named m<k>_…). */
  decoded: string[];
  /** Conditions true for a row counted by a directly standardised rate (its ESP-band stratum). */
  banded: string[];
}

const patternColumn = (bit: number): string => `p${Math.floor(bit / BITS_PER_COLUMN)}`;

/** Portable SQL: whether `bit` is set in its pattern column (no bitwise operators in Spark/PG alike). */
export function bitIsSet(bit: number): string {
  const place = 2 ** (bit % BITS_PER_COLUMN);
  const column = patternColumn(bit);
  return place === 1 ? `MOD(${column}, 2) = 1` : `MOD(FLOOR(${column} / ${place}.0), 2) = 1`;
}

export const valueSum = (field: string): string => `v_${field}_sum`;
export const valueSumOfSquares = (field: string): string => `v_${field}_sumsq`;

/** The bits, value sums and decoding of every non-median indicator of a pack. */
export function measureBits(indicators: IndicatorDefinition[]): MeasureBits {
  const conditions: string[] = [];
  const bit = (condition: string): number => {
    const found = conditions.indexOf(condition);
    if (found >= 0) return found;
    conditions.push(condition);
    return conditions.length - 1;
  };
  const countOf = (b: number) => `CASE WHEN ${bitIsSet(b)} THEN n ELSE 0 END`;
  const valueFields = new Set<string>();
  const decoded: string[] = [];
  const banded: string[] = [];
  indicators.forEach((indicator, k) => {
    const p = measurePrefix(k);
    const numerator = conditionsSql(indicator.numerator.where);
    if (indicator.statistic === 'median') return;
    if (usesPopulation(indicator)) {
      decoded.push(`${countOf(bit(numerator))} AS ${p}_num`);
      if (indicator.statistic === 'dsr') banded.push(numerator);
      return;
    }
    const denominator =
      'where' in indicator.denominator ? conditionsSql(indicator.denominator.where) : '1 = 1';
    if (indicator.statistic === 'proportion') {
      decoded.push(`${countOf(bit(`${denominator} AND ${numerator}`))} AS ${p}_num`);
      decoded.push(`${countOf(bit(denominator))} AS ${p}_den`);
      return;
    }
    const field = (indicator.value as { field: string }).field;
    valueFields.add(field);
    const b = bit(`${denominator} AND ${numerator} AND ${ident(field)} IS NOT NULL`);
    decoded.push(`${countOf(b)} AS ${p}_n`);
    decoded.push(`CASE WHEN ${bitIsSet(b)} THEN ${valueSum(field)} END AS ${p}_sum`);
    decoded.push(`CASE WHEN ${bitIsSet(b)} THEN ${valueSumOfSquares(field)} END AS ${p}_sumsq`);
  });
  const columns = Math.max(1, Math.ceil(conditions.length / BITS_PER_COLUMN));
  return {
    conditions,
    patternColumns: Array.from({ length: columns }, (_v, i) => `p${i}`),
    valueFields: [...valueFields],
    decoded,
    banded,
  };
}

/** SQL computing each pattern column of a row from its conditions. */
export function patternSql(bits: MeasureBits): string[] {
  return bits.patternColumns.map((column) => {
    const terms = bits.conditions
      .map((condition, b) => ({ condition, b }))
      .filter(({ b }) => patternColumn(b) === column)
      .map(({ condition, b }) => `CASE WHEN ${condition} THEN ${2 ** (b % BITS_PER_COLUMN)} ELSE 0 END`);
    return `${terms.length ? terms.join(' + ') : '0'} AS ${column}`;
  });
}
