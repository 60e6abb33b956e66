// The analytics service: reference geography, dataset imports, the indicator pack and its results.
// Each part lives in its own file (analytics-datasets, analytics-compute, analytics-results); this
// factory puts them together over one shared context.
import path from 'node:path';
import { closeAnalyticsStore } from '../../analytics/store.ts';
import { syntheticLsoas } from '../../analytics/synthetic/ics.ts';
import { syntheticPostcodes } from '../../analytics/synthetic/postcodes.ts';
import { writeSyntheticActivity } from '../../analytics/synthetic/activity.ts';
import { exampleExtract, hasExampleExtract } from './example-extract.ts';
import {
  importGeography,
  type GeoImportFiles,
  type GeoImportSummary,
} from '../../analytics/geography/geo-import.ts';
import { GeographyFormatError } from '../../analytics/geography/official-formats.ts';
import { deprivationDomains } from '../../analytics/geography/domains.ts';
import {
  summariseGeography,
  summarisePlaces,
  type GeographySummary,
  type PlaceSummary,
} from '../../analytics/geography/geography-store.ts';
import {
  summarisePopulation,
  type PopulationSummary,
} from '../../analytics/geography/population-vintages.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { analyticsContext, type AnalyticsContext, type AnalyticsDeps } from './analytics-context.ts';
import {
  availableDomains,
  computeIndicators,
  type ComputeRequest,
  fieldsNoDatasetHas,
  indicatorsOfDataset,
  readyDataset,
} from './analytics-compute.ts';
import { datasetOperations } from './analytics-datasets.ts';
import { datasetAdditionOperations } from './analytics-dataset-additions.ts';
import { recordingQualityOf } from './analytics-recording.ts';
import { ethnicReachOf } from './analytics-representation.ts';
import { summariseCensusDetailed } from '../../analytics/geography/census-detailed.ts';
import { deprivationReachOf } from './analytics-deprivation-reach.ts';
import { summariseCensusEthnicity } from '../../analytics/geography/census-ethnicity.ts';
import { summarisePostcodes } from '../../analytics/geography/postcodes.ts';
import { summariseLsoaLookup } from '../../analytics/geography/lsoa-lookup.ts';
import { datasetRemovalOperations } from './analytics-dataset-removal.ts';
import { resultOperations } from './analytics-results.ts';
import { placesSchema } from './analytics.schema.ts';
import { listInWords } from '../../analytics/in-words.ts';

export type { AnalyticsDeps } from './analytics-context.ts';

/** The files of a geography import as given (places unchecked). */
type GeographyFilesInput = Omit<GeoImportFiles, 'places'> & { places?: unknown };

/** What a geography import brought in, for the audit log. */
function importedInWords(summary: GeoImportSummary): string {
  const years = summary.populationMidYears.map((year) => `mid-${year}`);
  const mid = years.length ? `${listInWords(years)} ` : '';
  const parts = [
    summary.imdVersion ? `${summary.imdVersion} for ${summary.lsoas} LSOAs (${summary.vintage})` : null,
    summary.populationRows ? `${mid}population estimates (${summary.populationRows} rows)` : null,
    summary.censusEthnicity ? `Census 2021 ethnic groups for ${summary.censusEthnicity.lsoas} LSOAs` : null,
    summary.censusEthnicityDetailed
      ? `Census 2021 detailed ethnic groups for ${summary.censusEthnicityDetailed.localAuthorities} local authorities`
      : null,
    summary.postcodes ? `the postcode directory (${summary.postcodes.postcodes} postcodes)` : null,
    summary.lsoaLookup ? `the LSOA 2011 → 2021 lookup (${summary.lsoaLookup.pairs} pairs of areas)` : null,
  ].filter((p): p is string => p !== null);
  return listInWords(parts) || 'nothing';
}

async function importReferenceGeography(
  ctx: AnalyticsContext,
  actor: Actor,
  files: GeographyFilesInput,
): Promise<GeoImportSummary> {
  const places = files.places === undefined ? undefined : parseInput(placesSchema, files.places);
  let summary: GeoImportSummary;
  try {
    summary = await importGeography(await ctx.store(), { ...files, places });
  } catch (error) {
    if (error instanceof GeographyFormatError)
      throw new FormError([{ field: error.role, message: error.message }]);
    throw error;
  }
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, actor, {
      action: 'analytics.geography.imported',
      entityType: 'analytics_geography',
      entityId: summary.vintage,
      summary: `Imported ${importedInWords(summary)}`,
      after: summary,
    }),
  );
  return summary;
}

export function createAnalyticsService(deps: AnalyticsDeps) {
  const ctx = analyticsContext(deps);
  const results = resultOperations(ctx);
  return {
    ...results,
    ...datasetOperations(ctx),
    ...datasetAdditionOperations(ctx),
    ...datasetRemovalOperations(ctx),

    /**
     * Writes `rows` events of synthetic activity for the fictional ICS to a Parquet file, or CSV
     * for a name ending .csv (same rows and seed, same file); with `postcodes`, the demo's
     * postcodes stand in the place of the LSOA codes.
     */
    async generateDemoData(
      rows: number,
      outFile: string,
      { seed, postcodes = false }: { seed?: number; postcodes?: boolean } = {},
    ): Promise<number> {
      if (!Number.isInteger(rows) || rows < 1)
        throw new FormError([{ field: 'rows', message: 'Give a whole number of rows, at least 1' }]);
      if (seed !== undefined && !Number.isInteger(seed))
        throw new FormError([{ field: 'seed', message: 'Give the seed as a whole number' }]);
      const lsoas = syntheticLsoas();
      return writeSyntheticActivity(await ctx.store(), lsoas, rows, path.resolve(outFile), {
        seed,
        postcodes: postcodes ? syntheticPostcodes(lsoas) : undefined,
      });
    },

    close: async () => {
      await ctx.closePostgres();
      await closeAnalyticsStore(deps.dataDir);
    },

    /** Imports deprivation, ward lookups and populations from the official files. */
    importGeography: (actor: Actor, files: GeographyFilesInput): Promise<GeoImportSummary> =>
      importReferenceGeography(ctx, actor, files),

    /** The deprivation, wards, places and populations imported for each LSOA vintage. */
    referenceGeography: async (): Promise<ReferenceGeography[]> => {
      const store = await ctx.store();
      const populations = await summarisePopulation(store);
      const areas = await summariseGeography(store);
      const vintages = [...new Set([...areas, ...populations].map((v) => v.vintage))].sort();
      return Promise.all(
        vintages.map(async (vintage) => ({
          vintage,
          deprivation: areas.filter((a) => a.vintage === vintage),
          places: await summarisePlaces(store, vintage),
          populations: populations.filter((p) => p.vintage === vintage),
        })),
      );
    },

    /** Computes the indicator pack of a dataset; stores drafts unless only some breakdowns were asked for. */
    compute: async (actor: Actor, raw: ComputeRequest) =>
      computeIndicators(ctx, await results.indicators(), actor, raw),

    /** The fields of a catalogue indicator that no ready dataset has. */
    fieldsNoDatasetHas: async (indicatorId: string) => {
      const indicator = (await results.indicators()).find((i) => i.id === indicatorId);
      return indicator ? fieldsNoDatasetHas(ctx, indicator) : [];
    },

    /** The domains of deprivation a dataset's indicators can also be broken down by. */
    domainBreakdowns: async (dataset: { lsoaVintage: string }) =>
      (await availableDomains(await ctx.store(), dataset.lsoaVintage)).map((d) => ({
        id: d.id,
        label: deprivationDomains.find((domain) => `${domain.id}_decile` === d.id)?.label ?? d.label,
      })),

    /** How completely a ready dataset records area of residence, ethnic group, sex, age and date. */
    recordingQuality: async (datasetName: string) =>
      recordingQualityOf(ctx, await readyDataset(ctx, datasetName)),

    /** The Census 2021 ethnic groups imported: LSOAs and usual residents, or null. */
    censusEthnicity: async () => summariseCensusEthnicity(await ctx.store()),

    /** The Census 2021 detailed ethnic groups imported: local authorities and usual residents, or null. */
    censusEthnicityDetailed: async () => summariseCensusDetailed(await ctx.store()),

    /** The postcode → LSOA lookup imported (the ONS postcode directory): its postcodes, or null. */
    postcodeLookup: async () => summarisePostcodes(await ctx.store()),

    /** The LSOA 2011 → 2021 lookup kept: its pairs of areas and file, or null. */
    lsoaLookup: async () => summariseLsoaLookup(await ctx.store()),

    /** Whether the demo's example extract can be offered (the demo's postcodes and areas are loaded). */
    offersExampleExtract: async () => hasExampleExtract(await ctx.store()),

    /** The demo's example extract as CSV text, or null when it cannot be offered. */
    exampleExtract: async () => exampleExtract(await ctx.store()),

    /** Who a ready dataset reaches by broad ethnic group, beside the places' Census 2021 residents. */
    ethnicReach: async (datasetName: string) => ethnicReachOf(ctx, await readyDataset(ctx, datasetName)),

    /** Who a ready dataset reaches by IMD quintile, beside the places' residents. */
    deprivationReach: async (datasetName: string) =>
      deprivationReachOf(ctx, await readyDataset(ctx, datasetName)),

    /** The catalogue's indicators a ready dataset can give, and those it cannot with the reason for each. */
    indicatorsOf: async (datasetName: string) =>
      indicatorsOfDataset(ctx, await results.indicators(), await readyDataset(ctx, datasetName)),

    /** The catalogue's indicators a ready dataset cannot give, with the reason for each. */
    notComputed: async (datasetName: string) =>
      (await indicatorsOfDataset(ctx, await results.indicators(), await readyDataset(ctx, datasetName)))
        .notGiven,
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;

export interface ReferenceGeography {
  vintage: string;
  /** One entry per index of deprivation the vintage's LSOAs come from (normally one). */
  deprivation: GeographySummary[];
  /** The places of the area rates are for, with their local authorities. */
  places: PlaceSummary[];
  /** One for each mid-year imported, in year order. */
  populations: PopulationSummary[];
}
