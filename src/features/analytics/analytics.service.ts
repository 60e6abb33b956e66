import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { analyticsStore, closeAnalyticsStore } from '../../analytics/store.ts';
import { syntheticLsoas } from '../../analytics/synthetic/ics.ts';
import { writeSyntheticActivity } from '../../analytics/synthetic/activity.ts';
import { importDataset, geographyRelation, type ImportProgress } from '../../analytics/datasets/import.ts';
import { SourceFileError } from '../../analytics/datasets/source.ts';
import { literal } from '../../analytics/sql-text.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { applicableIndicators, computePack } from '../../analytics/indicators/compute.ts';
import { dimensionsFor } from '../../analytics/indicators/dimensions.ts';
import { indicatorSchema, type IndicatorDefinition } from '../../analytics/indicators/schema.ts';
import type { IndicatorResult } from '../../analytics/indicators/result.ts';
import { geographyTables } from '../../analytics/geography/model.ts';
import { importGeography, type GeoImportSummary } from '../../analytics/geography/geo-import.ts';
import { GeographyFormatError } from '../../analytics/geography/official-formats.ts';
import { placesSchema } from './analytics.schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import * as repo from './analytics.repository.ts';
import { toDataset, toStoredResult, type Dataset, type StoredResult } from './analytics.ts';
import { computeSchema, datasetImportSchema } from './analytics.schema.ts';
import { existsSync } from 'node:fs';

export interface AnalyticsDeps {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  dataDir: string;
}

export function createAnalyticsService(deps: AnalyticsDeps) {
  const { db, audit, clock, dataDir } = deps;
  const store = () => analyticsStore(dataDir);
  const now = () => clock().toISOString();

  async function indicators(): Promise<IndicatorDefinition[]> {
    const custom = await repo.findCustomIndicators(db);
    return [
      ...builtInIndicators(),
      ...custom.map((c) => indicatorSchema.parse(JSON.parse(c.definition_json))),
    ];
  }

  async function createDatasetRecord(
    actor: Actor,
    input: { name: string; sourceName: string; lsoaVintage: string },
  ): Promise<string> {
    const existing = await repo.findDatasetByName(db, input.name);
    if (existing?.status === 'importing')
      throw new FormError([{ field: 'name', message: 'A dataset with this name is being imported now' }]);
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      if (existing) await repo.deleteDataset(trx, existing.id);
      await repo.insertDataset(trx, {
        id,
        name: input.name,
        source_file: input.sourceName,
        file_format: path.extname(input.sourceName).replace('.', '') || 'csv',
        lsoa_vintage: input.lsoaVintage,
        status: 'importing',
        stage: 'queued',
        progress: 0,
        rows_read: null,
        rows_stored: null,
        rows_with_problems: null,
        fields_json: null,
        mapping_json: null,
        report_json: null,
        error: null,
        imported_by: actor.id,
        imported_by_label: actor.label,
        created_at: now(),
        updated_at: now(),
      });
      await audit.record(trx, actor, {
        action: 'analytics.dataset.import-started',
        entityType: 'analytics_dataset',
        entityId: id,
        summary: `Started importing dataset ${input.name} from ${input.sourceName}`,
        after: { name: input.name, sourceFile: input.sourceName },
      });
    });
    if (existing) rmSync((await store()).datasetPath(`${existing.id}.parquet`), { force: true });
    return id;
  }

  async function runImport(
    actor: Actor,
    id: string,
    input: { name: string; file: string; mapping?: unknown },
    onProgress?: (p: ImportProgress) => void,
  ): Promise<Dataset> {
    const s = await store();
    let lastWrite = 0;
    const progress = (p: ImportProgress) => {
      onProgress?.(p);
      if (Date.now() - lastWrite < 500 && p.stage !== 'done') return;
      lastWrite = Date.now();
      void repo
        .updateDataset(db, id, { stage: p.stage, progress: p.percent, updated_at: now() })
        .catch(() => undefined);
    };
    try {
      const imported = await importDataset(s, {
        id,
        file: input.file,
        outFile: s.datasetPath(`${id}.parquet`),
        mapping: input.mapping,
        onProgress: progress,
      });
      await db.transaction().execute(async (trx) => {
        await repo.updateDataset(trx, id, {
          status: 'ready',
          stage: 'done',
          progress: 100,
          file_format: imported.format,
          lsoa_vintage: imported.mapping.lsoaVintage,
          rows_read: imported.rowsRead,
          rows_stored: imported.rowsStored,
          rows_with_problems: imported.report.rowsWithProblems,
          fields_json: JSON.stringify(imported.fields),
          mapping_json: JSON.stringify(imported.mapping),
          report_json: JSON.stringify(imported.report),
          updated_at: now(),
        });
        await audit.record(trx, actor, {
          action: 'analytics.dataset.imported',
          entityType: 'analytics_dataset',
          entityId: id,
          summary: `Imported dataset ${input.name}: ${imported.rowsStored} rows, ${imported.report.rowsWithProblems} with problems`,
        });
      });
    } catch (error) {
      const message =
        error instanceof SourceFileError || error instanceof FormError
          ? error.message
          : 'The import failed unexpectedly';
      await repo.updateDataset(db, id, {
        status: 'failed',
        stage: 'failed',
        error: message,
        updated_at: now(),
      });
      throw error;
    }
    return toDataset((await repo.findDataset(db, id))!);
  }

  return {
    indicators,

    /** Writes `rows` events of synthetic activity for the fictional ICS to a Parquet file. */
    async generateDemoData(rows: number, outFile: string): Promise<number> {
      if (!Number.isInteger(rows) || rows < 1)
        throw new FormError([{ field: 'rows', message: 'Give a whole number of rows, at least 1' }]);
      return writeSyntheticActivity(await store(), syntheticLsoas(), rows, path.resolve(outFile));
    },

    close: () => closeAnalyticsStore(dataDir),

    /** Imports deprivation, ward lookups and populations from the official files. */
    async importGeography(
      actor: Actor,
      files: { imd: string; lookups?: string[]; population?: string; places?: unknown },
    ): Promise<GeoImportSummary> {
      const places = files.places === undefined ? undefined : parseInput(placesSchema, files.places);
      let summary: GeoImportSummary;
      try {
        summary = await importGeography(await store(), { ...files, places });
      } catch (error) {
        if (error instanceof GeographyFormatError)
          throw new FormError([{ field: 'imd', message: error.message }]);
        throw error;
      }
      await db
        .transaction()
        .execute((trx) =>
          audit.record(trx, actor, {
            action: 'analytics.geography.imported',
            entityType: 'analytics_geography',
            entityId: summary.vintage,
            summary: `Imported ${summary.imdVersion} for ${summary.lsoas} LSOAs (${summary.vintage})`,
            after: summary,
          }),
        );
      return summary;
    },

    /** Imports a file and waits for it (command line). */
    async importDataset(
      actor: Actor,
      raw: { name?: string; file?: string; mapping?: unknown; sourceName?: string },
      onProgress?: (p: ImportProgress) => void,
    ): Promise<Dataset> {
      const input = parseInput(datasetImportSchema, raw);
      const id = await createDatasetRecord(actor, {
        name: input.name,
        sourceName: input.sourceName ?? path.basename(input.file),
        lsoaVintage: '2021',
      });
      return runImport(actor, id, { ...input, mapping: raw.mapping }, onProgress);
    },

    /** Starts an import in the background and returns its id at once (web: the status page follows it). */
    async startImport(
      actor: Actor,
      raw: { name?: string; file?: string; mapping?: unknown; sourceName?: string },
    ): Promise<{ id: string; finished: Promise<void> }> {
      const input = parseInput(datasetImportSchema, raw);
      const id = await createDatasetRecord(actor, {
        name: input.name,
        sourceName: input.sourceName ?? path.basename(input.file),
        lsoaVintage: '2021',
      });
      const finished = runImport(actor, id, { ...input, mapping: raw.mapping })
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => rmSync(input.file, { force: true }));
      return { id, finished };
    },

    listDatasets: async (): Promise<Dataset[]> => (await repo.findDatasets(db)).map(toDataset),

    async getDataset(id: string): Promise<Dataset> {
      const row = await repo.findDataset(db, id);
      if (!row) throw new NotFoundError('No such dataset');
      return toDataset(row);
    },

    /** Computes the indicator pack of a dataset; stores drafts unless only some breakdowns were asked for. */
    async compute(
      actor: Actor,
      raw: { datasetName?: string; indicatorId?: string; by?: string[] },
    ): Promise<IndicatorResult[]> {
      const input = parseInput(computeSchema, raw);
      const row = await repo.findDatasetByName(db, input.datasetName);
      if (!row || row.status !== 'ready')
        throw new FormError([
          { field: 'dataset', message: `There is no imported dataset called ${input.datasetName}` },
        ]);
      const dataset = toDataset(row);
      const s = await store();
      const fields = [
        ...(dataset.fields?.measures ?? []),
        ...(dataset.fields?.flags ?? []),
        ...(dataset.fields?.attributes ?? []),
      ];
      const populationFile = s.geographyPath(geographyTables.population);
      const hasPopulation = existsSync(populationFile);
      let chosen = applicableIndicators(await indicators(), fields, hasPopulation);
      if (input.indicatorId) chosen = chosen.filter((i) => i.id === input.indicatorId);
      if (input.indicatorId && chosen.length === 0)
        throw new FormError([
          {
            field: 'indicator',
            message: `Indicator ${input.indicatorId} does not exist or cannot be computed from this dataset`,
          },
        ]);
      let dimensions;
      try {
        dimensions = dimensionsFor(dataset.fields?.flags ?? [], input.by);
      } catch (error) {
        throw new FormError([{ field: 'by', message: (error as Error).message }]);
      }
      const geography =
        geographyRelation(s) ??
        `(SELECT CAST(NULL AS VARCHAR) AS lsoa_code, CAST(NULL AS VARCHAR) AS vintage, CAST(NULL AS INTEGER) AS imd_decile, CAST(NULL AS INTEGER) AS imd_quintile, CAST(NULL AS INTEGER) AS core20, CAST(NULL AS VARCHAR) AS place, CAST(NULL AS VARCHAR) AS ward_name, CAST(NULL AS VARCHAR) AS la_name WHERE 1 = 0)`;
      const results = await computePack({
        run: (sql) => s.query(sql),
        relations: {
          activity: `read_parquet(${literal(s.datasetPath(`${dataset.id}.parquet`))})`,
          geography,
          population: `read_parquet(${literal(populationFile)})`,
        },
        vintage: dataset.lsoaVintage,
        indicators: chosen,
        dimensions,
        hasPopulation,
      });
      if (!input.by?.length) await storeDrafts(actor, dataset, results);
      return results;
    },

    async listResults(includeDrafts: boolean): Promise<StoredResult[]> {
      return (await repo.findResults(db, !includeDrafts)).map(toStoredResult);
    },

    async getResult(id: string, includeDrafts: boolean): Promise<StoredResult> {
      const row = await repo.findResult(db, id);
      if (!row || (!includeDrafts && row.status !== 'published')) throw new NotFoundError('No such result');
      return toStoredResult(row);
    },

    async publish(actor: Actor, id: string): Promise<void> {
      const row = await repo.findResult(db, id);
      if (!row) throw new NotFoundError('No such result');
      await db.transaction().execute(async (trx) => {
        await repo.updateResult(trx, id, {
          status: 'published',
          published_at: now(),
          published_by_label: actor.label,
        });
        await audit.record(trx, actor, {
          action: 'analytics.result.published',
          entityType: 'analytics_result',
          entityId: id,
          summary: `Published ${row.title}`,
        });
      });
    },

    async addIndicator(actor: Actor, definition: unknown): Promise<IndicatorDefinition> {
      const parsed = parseInput(indicatorSchema, definition);
      if ((await indicators()).some((i) => i.id === parsed.id))
        throw new FormError([{ field: 'id', message: `An indicator called ${parsed.id} already exists` }]);
      await db.transaction().execute(async (trx) => {
        await repo.insertIndicator(trx, {
          id: randomUUID(),
          indicator_key: parsed.id,
          definition_json: JSON.stringify(parsed),
          created_by: actor.id,
          created_by_label: actor.label,
          created_at: now(),
        });
        await audit.record(trx, actor, {
          action: 'analytics.indicator.added',
          entityType: 'analytics_indicator',
          entityId: parsed.id,
          summary: `Added indicator ${parsed.title}`,
          after: parsed,
        });
      });
      return parsed;
    },
  };

  async function storeDrafts(actor: Actor, dataset: Dataset, results: IndicatorResult[]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      for (const result of results) {
        await repo.replaceResult(trx, {
          id: randomUUID(),
          dataset_id: dataset.id,
          indicator_key: result.indicatorId,
          title: result.title,
          status: 'draft',
          result_json: JSON.stringify(result),
          computed_at: now(),
          computed_by_label: actor.label,
          published_at: null,
          published_by_label: null,
        });
      }
      await audit.record(trx, actor, {
        action: 'analytics.results.computed',
        entityType: 'analytics_dataset',
        entityId: dataset.id,
        summary: `Computed ${results.length} indicators for ${dataset.name} (drafts)`,
      });
    });
  }
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
