// The counts and sums of an indicator pack as bits of a per-row pattern, so that the first phase of
// the two-phase aggregation (indicator-strata.sql) needs one COUNT(*) per fine stratum and pattern
// instead of one SUM per indicator: every condition a count needs becomes one bit, identical
// conditions share a bit, and the second phase adds up the strata whose pattern has the bit set.
import type { Condition, IndicatorDefinition } from '../indicators/schema.ts';
import { usesPopulation } from '../indicators/schema.ts';
import { ident } from '../sql-text.ts';
import { allEvents, conditionSql, measurePrefix } from './indicator-aggregates.ts';

/** Bits per pattern column: 2^30 stays inside a 32-bit integer and exact in a double. */
const BITS_PER_COLUMN = 30;

export interface MeasureBits {
  /** One condition per bit, in bit order: the SQL of each of its terms (all must hold). */
  conditions: string[][];
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

const terms = (conditions: Condition[]): string[] => [...new Set(conditions.map(conditionSql))];
const allOf = (list: string[]): string => (list.length ? list.join(' AND ') : '1 = 1');

/**
 * The bits, value sums and decoding of every indicator of a pack (for a median, its count). With
 * `residentTerm`, a rate counts only the rows it holds for (people living in the area), and its
 * events wherever the person lives as well.
 */
export function measureBits(indicators: IndicatorDefinition[], residentTerm?: string): MeasureBits {
  const conditions: string[][] = [];
  const bit = (condition: string[]): number => {
    const found = conditions.findIndex((c) => allOf(c) === allOf(condition));
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
    const numerator = terms(indicator.numerator.where);
    if (usesPopulation(indicator)) {
      const residents = residentTerm ? [...numerator, residentTerm] : numerator;
      decoded.push(`${countOf(bit(residents))} AS ${p}_num`);
      if (residentTerm) decoded.push(`${countOf(bit(numerator))} AS ${allEvents(p)}`);
      if (indicator.statistic === 'dsr') banded.push(allOf(residents));
      return;
    }
    const denominator = 'where' in indicator.denominator ? terms(indicator.denominator.where) : [];
    const within = [...new Set([...denominator, ...numerator])];
    if (indicator.statistic === 'proportion') {
      decoded.push(`${countOf(bit(within))} AS ${p}_num`);
      decoded.push(`${countOf(bit(denominator))} AS ${p}_den`);
      return;
    }
    const field = (indicator.value as { field: string }).field;
    const b = bit([...new Set([...within, `${ident(field)} IS NOT NULL`])]);
    decoded.push(`${countOf(b)} AS ${p}_n`);
    // A median's count gives the ranks of its median and limits (median-strata.sql).
    if (indicator.statistic === 'median') return;
    valueFields.add(field);
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

const presence = / IS NOT NULL$/;

/**
 * SQL computing each pattern column of a row from its conditions. Bits whose conditions share a
 * presence test ("x IS NOT NULL") are nested under one test of it: in an extract where each row
 * has only a few of the measure fields, most rows then pass one cheap test per field instead of
 * one CASE per bit.
 */
export function patternSql(bits: MeasureBits): string[] {
  return bits.patternColumns.map((column) => {
    const guarded = new Map<string, string[]>();
    const plain: string[] = [];
    bits.conditions.forEach((condition, b) => {
      if (patternColumn(b) !== column) return;
      const place = 2 ** (b % BITS_PER_COLUMN);
      const guard = condition.find((t) => presence.test(t));
      const rest = condition.filter((t) => t !== guard);
      const term = rest.length ? `CASE WHEN ${allOf(rest)} THEN ${place} ELSE 0 END` : String(place);
      if (guard) guarded.set(guard, [...(guarded.get(guard) ?? []), term]);
      else plain.push(term);
    });
    const nested = [...guarded.entries()].map(
      ([guard, inner]) => `CASE WHEN ${guard} THEN ${inner.join(' + ')} ELSE 0 END`,
    );
    const all = [...nested, ...plain];
    return `${all.length ? all.join(' + ') : '0'} AS ${column}`;
  });
}
