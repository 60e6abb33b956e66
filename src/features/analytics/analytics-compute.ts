// Computing a dataset's indicator pack where the data is, and storing the results as drafts.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { datasetRelation } from '../../analytics/datasets/dataset-files.ts';
import { linkedRelation } from '../../analytics/datasets/linked-columns.ts';
import { geographyRelation } from '../../analytics/datasets/import.ts';
import { geographyTables } from '../../analytics/geography/model.ts';
import { residentArea } from '../../analytics/geography/geography-store.ts';
import { populationBySex, populationVintages } from '../../analytics/geography/population-vintages.ts';
import {
  applicableIndicators,
  computePack,
  fieldsOfDataset,
  standardFields,
  unmetNeeds,
  type AvailableFields,
} from '../../analytics/indicators/compute.ts';
import {
  core20PairDimensions,
  dimensionsFor,
  domainDimensions,
  isDomainDimension,
  type Dimension,
} from '../../analytics/indicators/dimensions.ts';
import type { IndicatorResult } from '../../analytics/indicators/result.ts';
import { fieldsUsed, usesPopulation, type IndicatorDefinition } from '../../analytics/indicators/schema.ts';
import { literal } from '../../analytics/sql-text.ts';
import { PostgresSourceError, REFERENCE_SCHEMA, relationSql } from '../../analytics/postgres-source.ts';
import type { AnalyticsStore } from '../../analytics/store.ts';
import type { Actor } from '../audit/audit.ts';
import { populationCaveats } from './population-caveats.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import * as repo from './analytics.repository.ts';
import { toDataset, type Dataset } from './analytics.ts';
import { computeSchema } from './analytics.schema.ts';
import { listInWords } from '../../analytics/in-words.ts';
import { missingFieldHints } from './missing-field-hint.ts';

/** An empty relation with the geography's columns, for a store without reference geography. */
const noGeography =
  '(SELECT CAST(NULL AS VARCHAR) AS lsoa_code, CAST(NULL AS VARCHAR) AS vintage, CAST(NULL AS INTEGER) AS imd_decile, CAST(NULL AS INTEGER) AS imd_quintile, CAST(NULL AS INTEGER) AS core20, CAST(NULL AS VARCHAR) AS place, CAST(NULL AS VARCHAR) AS ward_name, CAST(NULL AS VARCHAR) AS la_name WHERE 1 = 0)';

export async function readyDataset(ctx: AnalyticsContext, name: string): Promise<Dataset> {
  const row = await repo.findDatasetByName(ctx.db, name);
  if (!row || row.status !== 'ready')
    throw new FormError([{ field: 'dataset', message: `There is no imported dataset called ${name}` }]);
  return toDataset(row);
}

const datasetFields = (dataset: Dataset): AvailableFields =>
  fieldsOfDataset(dataset.fields ?? { measures: [], flags: [], attributes: [], hasAge: false });

const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The indicator an id not in the catalogue most likely meant: the one whose id and title hold the
 * most of its words, at least half of them ("dna-rate": did-not-attend, the "DNA rate"). Empty when
 * none does.
 */
function meantOf(asked: string, all: IndicatorDefinition[]): string {
  const words = wordsOf(asked);
  const scored = all
    .map((i) => {
      const own = new Set(wordsOf(`${i.id} ${i.title}`));
      return { i, score: words.filter((w) => own.has(w)).length };
    })
    .filter((s) => s.score > 0 && s.score * 2 >= words.length)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  return best ? ` Did you mean ${best.i.id} (${best.i.title})?` : '';
}

/** The indicators to compute: every one the dataset can give, or the one asked for, or why not. */
async function chooseIndicators(
  ctx: AnalyticsContext,
  all: IndicatorDefinition[],
  dataset: Dataset,
  hasPopulation: boolean,
  indicatorId: string | undefined,
): Promise<IndicatorDefinition[]> {
  const applicable = applicableIndicators(all, datasetFields(dataset), hasPopulation);
  if (!indicatorId && applicable.length === 0)
    throw new FormError([
      {
        field: 'compute',
        message: `Nothing was computed: ${dataset.name} can give none of the catalogue's ${all.length} indicators. The dataset's page, or parity indicators compute with --indicator <id>, says what each one needs.`,
      },
    ]);
  if (!indicatorId) return applicable;
  const chosen = applicable.filter((i) => i.id === indicatorId);
  if (chosen.length) return chosen;
  const asked = all.find((i) => i.id === indicatorId);
  const message = asked
    ? `Indicator ${indicatorId} (${asked.title}) cannot be computed from ${dataset.name}: it ${
        (await indicatorsOfDataset(ctx, [asked], dataset)).notGiven[0]?.reason ??
        'needs what this dataset lacks'
      }`
    : `There is no indicator ${indicatorId} in the catalogue.${meantOf(indicatorId, all)} ${dataset.name} can give: ${
        applicable.map((i) => i.id).join(', ') || 'none of them'
      }`;
  throw new FormError([{ field: 'indicator', message }]);
}

/**
 * The fields an indicator reads that no ready dataset has (none when there is no dataset yet): a
 * misspelt field would otherwise leave the indicator silently never computed.
 */
export async function fieldsNoDatasetHas(
  ctx: AnalyticsContext,
  indicator: IndicatorDefinition,
): Promise<string[]> {
  const ready = (await repo.findDatasets(ctx.db)).map(toDataset).filter((d) => d.status === 'ready');
  if (ready.length === 0) return [];
  const available = new Set(
    ready.flatMap((d) => {
      const f = datasetFields(d);
      return [...f.standard, ...f.numbers, ...f.text];
    }),
  );
  return fieldsUsed(indicator).filter((field) => !available.has(field));
}

const fieldNames: Record<string, string> = {
  age: 'age in whole years',
  esp_band: 'age in whole years or five-year age bands (0-4 … 90+)',
};
const fieldName = (field: string): string => fieldNames[field] ?? field;

export interface IndicatorNotComputed {
  id: string;
  title: string;
  reason: string;
  /**
   * Only measures the dataset does not have, and no column that may hold them: the indicator is for
   * another kind of extract (an admissions indicator beside an outpatients extract).
   */
  fieldsOnly: boolean;
}

/** The catalogue's indicators a dataset can give (those computing it works out), and the others. */
export interface DatasetIndicators {
  given: { id: string; title: string }[];
  /** Each with what it would need. */
  notGiven: IndicatorNotComputed[];
}

/** What a dataset gives of the catalogue, and why not the rest. */
export async function indicatorsOfDataset(
  ctx: AnalyticsContext,
  indicators: IndicatorDefinition[],
  dataset: Dataset,
): Promise<DatasetIndicators> {
  const vintages = await populationVintages(await ctx.store());
  const hasPopulation = vintages.includes(dataset.lsoaVintage);
  const populationReason = vintages.length
    ? `needs population estimates for LSOA ${dataset.lsoaVintage} areas, the codes this dataset uses; those imported are for LSOA ${vintages.join(' and ')} areas`
    : 'needs LSOA population estimates, which have not been imported (parity geo import --population)';
  const given: DatasetIndicators['given'] = [];
  const notGiven = indicators.flatMap((indicator) => {
    const unmet = unmetNeeds(indicator, datasetFields(dataset), hasPopulation);
    if (!unmet) {
      given.push({ id: indicator.id, title: indicator.title });
      return [];
    }
    const hints = missingFieldHints(indicator, unmet.missingFields, dataset);
    const reason = unmet.missingFields.length
      ? `needs ${unmet.missingFields.length === 1 ? 'a field' : 'fields'} this dataset does not have: ${unmet.missingFields.map(fieldName).join(', ')}${hints.map((h) => `. ${h}`).join('')}`
      : unmet.textFields.length
        ? `needs ${unmet.textFields.join(', ')} as numbers, but this dataset holds ${unmet.textFields.length === 1 ? 'it' : 'them'} as text (import it again with ${unmet.textFields.length === 1 ? 'the column' : 'the columns'} under "measures" in the mapping, so that every value is checked)`
        : populationReason;
    const fieldsOnly =
      unmet.missingFields.length > 0 &&
      hints.length === 0 &&
      !unmet.missingFields.some((field) => standardFields.includes(field) || field === 'esp_band');
    return [{ id: indicator.id, title: indicator.title, reason, fieldsOnly }];
  });
  return { given, notGiven };
}

function chooseDimensions(dataset: Dataset, by: string[] | undefined, bySex: boolean): Dimension[] {
  try {
    return dimensionsFor(dataset.fields?.flags ?? [], by, bySex);
  } catch (error) {
    throw new FormError([{ field: 'by', message: (error as Error).message }]);
  }
}

/** The domain breakdowns the deprivation imported for LSOAs of this vintage can give. */
export async function availableDomains(store: AnalyticsStore, vintage: string): Promise<Dimension[]> {
  const file = store.geographyPath(geographyTables.lsoa);
  if (!existsSync(file)) return [];
  const [counts] = await store
    .query<Record<string, string>>(
      `SELECT ${domainDimensions.map((d) => `count(${d.column}) AS ${d.id}`).join(', ')} FROM read_parquet(${literal(file)}) WHERE vintage = ${literal(vintage)}`,
    )
    // A geography written before the domains were imported has no such columns.
    .catch(() => []);
  return domainDimensions.filter((d) => Number(counts?.[d.id] ?? 0) > 0);
}

/** Refuses breakdowns by deprivation domain when the deprivation file imported for the dataset's LSOAs had none. */
async function requireDomains(
  store: AnalyticsStore,
  dimensions: Dimension[],
  vintage: string,
  // Where they were asked for: the command line's --by, or the dataset page's domains.
  field: 'by' | 'domains',
): Promise<void> {
  const asked = dimensions.filter(isDomainDimension);
  if (asked.length === 0) return;
  const available = new Set((await availableDomains(store, vintage)).map((d) => d.id));
  const missing = asked.filter((d) => !available.has(d.id));
  if (missing.length)
    throw new FormError([
      {
        field,
        message: `The deprivation imported for LSOA ${vintage} areas has no ${missing.map((d) => d.id).join(', ')}: import a deprivation file with its domains (IoD2019 File 2 or File 7, IoD2025 File 7) with parity geo import`,
      },
    ]);
}

/** Breakdowns other than the domains' given only when asked for on the dataset page. */
const optionalBreakdowns: Dimension[] = core20PairDimensions;

/** The breakdowns of a computation: those asked for (or all), and any optional ones as well. */
function breakdownsOf(
  dataset: Dataset,
  by: string[] | undefined,
  domains: string[],
  alsoBy: string[],
  bySex: boolean,
): Dimension[] {
  const dimensions = chooseDimensions(dataset, by, bySex);
  const unknownBreakdowns = alsoBy.filter((id) => !optionalBreakdowns.some((d) => d.id === id));
  if (unknownBreakdowns.length)
    throw new FormError([
      {
        field: 'alsoBy',
        message: `Unknown breakdown: ${unknownBreakdowns.join(', ')}. Choose from ${optionalBreakdowns.map((d) => d.id).join(', ')}`,
      },
    ]);
  const unknown = domains.filter((id) => !domainDimensions.some((d) => d.id === id));
  if (unknown.length)
    throw new FormError([
      {
        field: 'domains',
        message: `Unknown domain: ${unknown.join(', ')}. Choose from ${domainDimensions.map((d) => d.id).join(', ')}`,
      },
    ]);
  const extra = [
    ...optionalBreakdowns.filter((d) => alsoBy.includes(d.id)),
    ...domainDimensions.filter((d) => domains.includes(d.id)),
  ].filter((d) => !dimensions.some((chosen) => chosen.id === d.id));
  return [...dimensions, ...extra];
}

/**
 * Why a linked dataset's table cannot be read now, for its pages and its compute form to say
 * (null when the error is of another kind, which the caller throws on).
 */
export function unreadableTable(dataset: Dataset, error: unknown): string | null {
  if (!(error instanceof PostgresSourceError)) return null;
  return `The table ${dataset.sourceFile} cannot be read now: ${error.message.replace(/\.?$/, '.')} When it is back, this dataset's pages and indicators work again; if it has moved, link the new table under this dataset's name.`;
}

/** Where the dataset's aggregates are computed: DuckDB over its Parquet file, or its PostgreSQL table. */
export async function whereTheDataIs(ctx: AnalyticsContext, store: AnalyticsStore, dataset: Dataset) {
  if (dataset.format === 'postgres') {
    const source = ctx.postgres();
    // What PostgreSQL cannot read (the table dropped or renamed, permission taken away) comes as a
    // PostgresSourceError, said as such to whoever asked (unreadableTable), not as a server error.
    const reference = await source.copyReference(store);
    const columns = await source.columns(dataset.sourceFile);
    return {
      run: (sql: string) => source.run(sql),
      relations: {
        activity: linkedRelation(relationSql(dataset.sourceFile), columns, dataset.fields ?? {}),
        // With the lookup, codes of the other vintage that became one area count as that area's.
        geography: reference.lookup?.geography ?? reference.geography,
        // Without populations no rate is computed, so the relation is never read.
        population: reference.population ?? `${REFERENCE_SCHEMA}.no_population`,
      },
      ethnicity: reference.ethnicity,
      ethnicityDetailed: reference.ethnicityDetailed,
    };
  }
  const ethnicity = store.geographyPath(geographyTables.ethnicity);
  const detailed = store.geographyPath(geographyTables.ethnicityDetailed);
  return {
    run: (sql: string) => store.query(sql),
    relations: {
      activity: datasetRelation(store, dataset.id),
      geography: geographyRelation(store) ?? noGeography,
      population: `read_parquet(${literal(store.geographyPath(geographyTables.population))})`,
    },
    /** The Census 2021 ethnic groups by LSOA, when imported. */
    ethnicity: existsSync(ethnicity) ? `read_parquet(${literal(ethnicity)})` : null,
    /** The Census 2021 detailed ethnic groups by local authority, when imported. */
    ethnicityDetailed: existsSync(detailed) ? `read_parquet(${literal(detailed)})` : null,
  };
}

const removedWhileComputing = (dataset: Dataset) =>
  new NotFoundError(`The dataset ${dataset.name} was removed while its indicators were being computed`);

async function storeDrafts(
  ctx: AnalyticsContext,
  actor: Actor,
  dataset: Dataset,
  results: IndicatorResult[],
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findDataset(trx, dataset.id))) throw removedWhileComputing(dataset);
    for (const result of results) {
      await repo.replaceDraft(trx, {
        id: randomUUID(),
        dataset_id: dataset.id,
        indicator_key: result.indicatorId,
        title: result.title,
        status: 'draft',
        result_json: JSON.stringify(result),
        computed_at: ctx.now(),
        computed_by_label: actor.label,
        published_at: null,
        published_by_label: null,
      });
    }
    await ctx.audit.record(trx, actor, {
      action: 'analytics.results.computed',
      entityType: 'analytics_dataset',
      entityId: dataset.id,
      summary: `Computed ${results.length} indicators for ${dataset.name} (drafts)`,
    });
  });
}

/** What to compute: computeSchema's fields, as the command line and the dataset page give them. */
export interface ComputeRequest {
  datasetName?: string;
  indicatorId?: string;
  by?: string[];
  domains?: string[];
  alsoBy?: string[];
}

/** Computes the indicator pack of a dataset; stores drafts unless only some breakdowns were asked for. */
export async function computeIndicators(
  ctx: AnalyticsContext,
  indicators: IndicatorDefinition[],
  actor: Actor,
  raw: ComputeRequest,
): Promise<IndicatorResult[]> {
  const input = parseInput(computeSchema, raw);
  const dataset = await readyDataset(ctx, input.datasetName);
  const store = await ctx.store();
  const hasPopulation = (await populationVintages(store)).includes(dataset.lsoaVintage);
  const chosen = await chooseIndicators(ctx, indicators, dataset, hasPopulation, input.indicatorId);
  const bySex = await populationBySex(store, dataset.lsoaVintage);
  const dimensions = breakdownsOf(dataset, input.by, input.domains ?? [], input.alsoBy ?? [], bySex);
  await requireDomains(store, dimensions, dataset.lsoaVintage, input.domains?.length ? 'domains' : 'by');
  const area = await residentArea(store, dataset.lsoaVintage);
  const unreadable = (error: unknown) => {
    const problem = unreadableTable(dataset, error);
    return problem === null ? error : new FormError([{ field: 'compute', message: problem }]);
  };
  const whereItIs = await whereTheDataIs(ctx, store, dataset).catch((error: unknown) => {
    throw unreadable(error);
  });
  const computed = await computePack({
    ...whereItIs,
    vintage: dataset.lsoaVintage,
    indicators: chosen,
    dimensions,
    hasPopulation,
    limitsFrom: ctx.limitsFrom ?? 'exact',
    residentArea: area,
  }).catch(async (error: unknown) => {
    // Its file may have gone with it: say so rather than pass on DuckDB's complaint.
    if (!(await repo.findDataset(ctx.db, dataset.id))) throw removedWhileComputing(dataset);
    throw unreadable(error);
  });
  const periods = [...new Set(computed.flatMap((r) => r.rows.map((row) => row.period)))];
  const yearCaveats = await populationCaveats(store, dataset.lsoaVintage, periods);
  const rateCaveats = (result: IndicatorResult) =>
    [withoutPopulationCaveat(dimensions, result), ...yearCaveats].filter((c): c is string => c !== null);
  const results = computed.map((result, k) =>
    usesPopulation(chosen[k]!) ? { ...result, caveats: [...result.caveats, ...rateCaveats(result)] } : result,
  );
  if (!input.by?.length) await storeDrafts(ctx, actor, dataset, results);
  return results;
}

/**
 * Why a rate has no breakdown by ethnic group, sex (without estimates by sex) or a flag: those the
 * estimates do not have, but for one the rate was given by all the same (broad ethnic group, by the
 * census, for rates of every age).
 */
function withoutPopulationCaveat(dimensions: Dimension[], result: IndicatorResult): string | null {
  const given = new Set(result.rows.map((r) => r.dimension));
  const missing = dimensions
    .filter((d) => !d.population && !given.has(d.id))
    .map((d) => d.label.replace(/^flag: /, ''));
  if (missing.length === 0) return null;
  return `Rates are not given by ${listInWords(missing, 'or')}: the population estimates they are worked out from are not broken down that way.`;
}
