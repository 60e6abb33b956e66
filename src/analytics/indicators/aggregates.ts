// Loading the aggregates of a pack where the data is: the two-phase strata query for counts and
// sums, one exact median query per median indicator (over the rows that have the value only, with
// the ranks of its limits from the counts the strata query gave), and the population denominators
// of rates.
import type { SqlRow } from '../store.ts';
import { measurePrefix, type Relations } from '../queries/indicator-aggregates.ts';
import { limitColumns, medianStrataSql, type GroupRanks } from '../queries/median-strata.ts';
import { medianRanks } from '../../stats/median.ts';
import { CONFIDENCE } from './confidence.ts';
import { indicatorStrataSql } from '../queries/indicator-strata.ts';
import { populationAggregatesSql } from '../queries/population-aggregates.ts';
import type { ResidentArea } from '../geography/model.ts';
import { core20EthnicDimension, type Dimension } from './dimensions.ts';
import { ratesByEthnicGroup, type IndicatorDefinition } from './schema.ts';
import {
  censusResidentsSql,
  core20EthnicResidentsSql,
  type CensusResidents,
} from '../queries/ethnic-representation.ts';

export type SqlRunner = (sql: string) => Promise<SqlRow[]>;

export interface Aggregates {
  /** Rows of the indicator query without an ESP band. */
  groups: SqlRow[];
  /** Rows with an ESP band (only when the pack has a DSR). */
  banded: SqlRow[];
  /** Population by dimension, group and ESP band for each age range "from-to". */
  population: Map<string, SqlRow[]>;
  /**
   * The places' Census 2021 usual residents, of every age, by ethnic group for each of the two
   * breakdowns (ethnic_broad, ethnic_detailed): the denominators of crude rates of all ages by them
   * (ratesByEthnicGroup). None for a breakdown without its census table.
   */
  ethnicResidents: Map<string, Map<string, number>>;
}

export interface AggregateInput {
  run: SqlRunner;
  relations: Relations;
  vintage: string;
  indicators: IndicatorDefinition[];
  dimensions: Dimension[];
  /**
   * The configured places, when the geography has LSOAs outside them: rates then count the people
   * living in the places only, over the places' population. Null or absent: every LSOA.
   */
  residentArea?: ResidentArea | null;
  /** The Census 2021 broad ethnic groups by LSOA, where the data is (when imported). */
  ethnicity?: string | null;
  /** The Census 2021 detailed ethnic groups by local authority, where the data is (when imported). */
  ethnicityDetailed?: string | null;
}

const groupKey = (dimension: unknown, group: unknown, period: unknown): string =>
  `${String(dimension)}\u0000${String(group)}\u0000${String(period)}`;

const byGroup = (a: SqlRow, b: SqlRow): number => {
  const key = (r: SqlRow) => `${groupKey(r.dimension, r.group_value, r.period)}\u0000${String(r.esp_band)}`;
  const [x, y] = [key(a), key(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The ranks of the median and limits of each group the strata query counted for indicator k. */
function ranksOf(k: number, groups: SqlRow[]): GroupRanks[] {
  const p = measurePrefix(k);
  return groups
    .filter((r) => Number(r[`${p}_n`]) > 0)
    .map((r) => {
      const n = Number(r[`${p}_n`]);
      const ranks = medianRanks(n, CONFIDENCE);
      return {
        dimension: String(r.dimension),
        group: String(r.group_value),
        period: String(r.period),
        n,
        middle: ranks.middle,
        limits: ranks.limits.map((l): [number, number] => (l ? [l.lower, l.upper] : [0, 0])),
      };
    });
}

/** Adds the median and its limits (m<k>_median, m<k>_lower_<i>, m<k>_upper_<i>) to the group rows. */
export async function addMedians(input: AggregateInput, groups: SqlRow[]): Promise<void> {
  for (const [k, indicator] of input.indicators.entries()) {
    if (indicator.statistic !== 'median') continue;
    const ranks = ranksOf(k, groups);
    if (ranks.length === 0) continue;
    const rows = await input.run(
      medianStrataSql({
        ...input,
        indicator,
        ranks,
        levels: CONFIDENCE.length,
        residentsOnly: Boolean(input.residentArea),
      }),
    );
    const found = new Map(rows.map((r) => [groupKey(r.dimension, r.group_value, r.period), r]));
    const p = measurePrefix(k);
    for (const row of groups) {
      const median = found.get(groupKey(row.dimension, row.group_value, row.period));
      if (!median) continue;
      if (Number(median.n) !== Number(row[`${p}_n`]))
        throw new Error(`The median of ${indicator.id} counted other rows than the strata query`);
      row[`${p}_median`] = median.median;
      CONFIDENCE.forEach((_c, i) => {
        for (const column of limitColumns(i)) row[`${p}_${column}`] = median[column];
      });
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

/** The strata counts and sums and the population denominators: everything but the medians. */
export async function loadCounts(input: AggregateInput): Promise<Aggregates> {
  // In a fixed order, so that simulated intervals (which draw for the groups in turn) are the same
  // wherever and however often the query runs.
  const residentsOnly = Boolean(input.residentArea);
  const rows = (await input.run(indicatorStrataSql({ ...input, residentsOnly }))).sort(byGroup);
  const groups = rows.filter((r) => r.esp_band === null || r.esp_band === undefined);
  const banded = rows.filter((r) => r.esp_band !== null && r.esp_band !== undefined);
  const population = new Map<string, SqlRow[]>();
  for (const range of populationRanges(input.indicators)) {
    const [ageFrom, ageTo] = range.split('-').map(Number) as [number, number];
    population.set(
      range,
      await input.run(populationAggregatesSql({ ...input, ageFrom, ageTo, residentsOnly })),
    );
  }
  return { groups, banded, population, ethnicResidents: await ethnicResidentsOf(input) };
}

/**
 * The places' census residents by ethnic group, for each ethnic breakdown of the pack when some rate
 * in it is of every age: broad groups from the table by LSOA, else from the one by local authority
 * (as the reach page counts them), detailed groups from the latter.
 */
async function ethnicResidentsOf(input: AggregateInput): Promise<Map<string, Map<string, number>>> {
  const residents = new Map<string, Map<string, number>>();
  if (!input.indicators.some(ratesByEthnicGroup)) return residents;
  const byLocalAuthority = input.ethnicityDetailed ? { byLocalAuthority: input.ethnicityDetailed } : null;
  const sources: [string, CensusResidents | null, 'broad' | 'detailed'][] = [
    ['ethnic_broad', input.ethnicity ? { byLsoa: input.ethnicity } : byLocalAuthority, 'broad'],
    ['ethnic_detailed', byLocalAuthority, 'detailed'],
  ];
  const asked = (dimension: string) => input.dimensions.some((d) => d.id === dimension);
  const residentsOf = async (sql: string) => {
    const groups = new Map<string, number>();
    for (const { ethnic_group: group, residents } of await input.run(sql))
      if (Number(residents) > 0 && typeof group === 'string') groups.set(group, Number(residents));
    return groups;
  };
  for (const [dimension, census, level] of sources)
    if (census && asked(dimension))
      residents.set(dimension, await residentsOf(censusResidentsSql(input.relations, census, level)));
  // By ethnic group in the Core20 and the rest: from the table by LSOA only, and for a dataset on
  // 2021 LSOAs, whose Core20 is that of the census's areas.
  if (input.ethnicity && input.vintage === '2021' && asked(core20EthnicDimension.id))
    residents.set(
      core20EthnicDimension.id,
      await residentsOf(core20EthnicResidentsSql(input.relations, input.ethnicity)),
    );
  return residents;
}

export async function loadAggregates(input: AggregateInput): Promise<Aggregates> {
  const aggregates = await loadCounts(input);
  await addMedians(input, aggregates.groups);
  return aggregates;
}
