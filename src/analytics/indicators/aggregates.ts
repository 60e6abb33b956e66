// Loading the aggregates of a pack where the data is: the two-phase strata query for counts and
// sums, one straightforward query per median (over the rows that have the value only), and the
// population denominators of rates.
import type { SqlRow } from '../store.ts';
import {
  conditionsSql,
  indicatorAggregatesSql,
  measurePrefix,
  type Relations,
} from '../queries/indicator-aggregates.ts';
import { indicatorStrataSql } from '../queries/indicator-strata.ts';
import { populationAggregatesSql } from '../queries/population-aggregates.ts';
import { ident } from '../sql-text.ts';
import type { Dimension } from './dimensions.ts';
import type { IndicatorDefinition } from './schema.ts';

export type SqlRunner = (sql: string) => Promise<SqlRow[]>;

export interface Aggregates {
  /** Rows of the indicator query without an ESP band. */
  groups: SqlRow[];
  /** Rows with an ESP band (only when the pack has a DSR). */
  banded: SqlRow[];
  /** Population by dimension, group and ESP band for each age range "from-to". */
  population: Map<string, SqlRow[]>;
}

export interface AggregateInput {
  run: SqlRunner;
  relations: Relations;
  vintage: string;
  indicators: IndicatorDefinition[];
  dimensions: Dimension[];
}

const groupKey = (r: SqlRow): string =>
  `${String(r.dimension)}\u0000${String(r.group_value)}\u0000${String(r.period)}`;

/** Adds m<k>_n and m<k>_median of every median indicator to the group rows. */
async function addMedians(input: AggregateInput, groups: SqlRow[]): Promise<void> {
  for (const [k, indicator] of input.indicators.entries()) {
    if (indicator.statistic !== 'median') continue;
    const field = ident((indicator.value as { field: string }).field);
    const denominator =
      'where' in indicator.denominator ? conditionsSql(indicator.denominator.where) : '1 = 1';
    const rows = await input.run(
      indicatorAggregatesSql({
        ...input,
        indicators: [indicator],
        where: `${denominator} AND ${conditionsSql(indicator.numerator.where)} AND ${field} IS NOT NULL`,
      }),
    );
    const medians = new Map(rows.map((r) => [groupKey(r), r]));
    const p = measurePrefix(k);
    for (const row of groups) {
      const found = medians.get(groupKey(row));
      row[`${p}_n`] = found ? found.m0_n : 0;
      row[`${p}_median`] = found ? found.m0_median : null;
    }
  }
}

function populationRanges(indicators: IndicatorDefinition[]): string[] {
  return [
    ...new Set(
      indicators.flatMap((i) =>
        'population' in i.denominator
          ? [`${i.denominator.population.ageFrom}-${i.denominator.population.ageTo}`]
          : [],
      ),
    ),
  ];
}

export async function loadAggregates(input: AggregateInput): Promise<Aggregates> {
  const rows = await input.run(indicatorStrataSql(input));
  const groups = rows.filter((r) => r.esp_band === null || r.esp_band === undefined);
  const banded = rows.filter((r) => r.esp_band !== null && r.esp_band !== undefined);
  await addMedians(input, groups);
  const population = new Map<string, SqlRow[]>();
  for (const range of populationRanges(input.indicators)) {
    const [ageFrom, ageTo] = range.split('-').map(Number) as [number, number];
    population.set(range, await input.run(populationAggregatesSql({ ...input, ageFrom, ageTo })));
  }
  return { groups, banded, population };
}
