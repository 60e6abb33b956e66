import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOptions } from '../options.ts';
import { SourceFileError } from '../../analytics/datasets/source-error.ts';
import { systemActor } from '../../features/audit/audit.ts';
import type { ImportProgress } from '../../analytics/datasets/import.ts';
import type { Dataset } from '../../features/analytics/analytics.ts';
import { exportRows, toCsv } from '../../features/analytics/export.ts';
import { notCompared, reachColumns, reachRows } from '../../features/analytics/reach-export.ts';
import { tableCsv } from '../../features/analytics/table-file.ts';
import { NotFoundError } from '../../features/shared/errors.ts';
import type { Services } from '../../services.ts';
import { CliError, type CliIO } from '../context.ts';

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    throw new CliError(`The ${what} ${file} could not be read as JSON`);
  }
}

/**
 * The mapping with the worksheet options of the command line laid over it (`--sheet` as "sheet",
 * `--all-sheets` as "allSheets"); a mapping that is not an object is passed on for the import to
 * name what is wrong with it.
 */
function withWorksheetOptions(
  mapping: unknown,
  file: string,
  sheet: string | undefined,
  allSheets: boolean | undefined,
): unknown {
  if (sheet === undefined && !allSheets) return mapping;
  if (!/\.(xlsx|ods)$/i.test(file))
    throw new CliError(
      `${sheet === undefined ? '--all-sheets' : '--sheet'}: ${path.basename(file)} is not a workbook (.xlsx or .ods), so it has no worksheets to choose from`,
    );
  if (mapping !== undefined && (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)))
    return mapping;
  return { ...mapping, ...(sheet === undefined ? {} : { sheet }), ...(allSheets ? { allSheets: true } : {}) };
}

/** What an import or a link prints: provenance, the fields found and the validation report. */
const datasetJson = (dataset: Dataset): string =>
  JSON.stringify(
    {
      id: dataset.id,
      name: dataset.name,
      source: dataset.sourceFile,
      rowsRead: dataset.rowsRead,
      rowsStored: dataset.rowsStored,
      rowsWithProblems: dataset.rowsWithProblems,
      columnsRead: dataset.mapping
        ? {
            ...dataset.mapping.columns,
            lsoaVintage: dataset.mapping.lsoaVintage,
            ethnicityCoding: dataset.mapping.columns.ethnicity ? dataset.mapping.ethnicityCoding : undefined,
            dateOrder: dataset.mapping.dateOrder,
          }
        : undefined,
      // The whole mapping, to give with --map for the next month's file.
      mapping: dataset.mapping ?? undefined,
      fields: dataset.fields,
      // The problems by day are kept for corrections to take out; the report printed counts them by kind.
      report: dataset.report && { ...dataset.report, problemDays: undefined },
    },
    null,
    2,
  );

/** parity dataset import <file> --name <name> [--map <mapping.json>] */
export async function datasetImport(services: Services, io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      map: { type: 'string' },
      sheet: { type: 'string' },
      'all-sheets': { type: 'boolean' },
    },
  });
  const [file, ...moreFiles] = positionals;
  if (!file)
    throw new CliError(
      'Usage: parity dataset import <file> [<file>…] --name <name> [--map <mapping.json>] [--sheet <name>] [--all-sheets]',
    );
  const written = values.map ? readJson(values.map, 'column mapping') : undefined;
  const mapping = withWorksheetOptions(written, file, values.sheet, values['all-sheets']);
  try {
    const dataset = await services.analytics.importDataset(
      systemActor,
      { name: values.name, file, moreFiles, mapping },
      progressPrinter(io),
    );
    io.out(datasetJson(dataset));
    return 0;
  } catch (error) {
    throw await importFailure(services, values.name, error, 'The import failed.');
  } finally {
    await services.analytics.close();
  }
}

/** Prints an import's stage and progress to stderr, every 5%. */
function progressPrinter(io: CliIO): (p: ImportProgress) => void {
  let shown = -1;
  return (p) => {
    const step = Math.floor(p.percent / 5) * 5;
    if (step !== shown) io.err(`${p.stage.padEnd(8)} ${String(step).padStart(3)}%`);
    shown = step;
  };
}

/**
 * The file's own problem in words (never DuckDB's message, which quotes the file's rows), saying
 * that a dataset of the name is unchanged where there is one; other errors as they are.
 */
async function importFailure(
  services: Services,
  name: string | undefined,
  error: unknown,
  failed: string,
): Promise<unknown> {
  if (!(error instanceof SourceFileError)) return error;
  const kept = (await services.analytics.listDatasets()).some((d) => d.name === name && d.status === 'ready');
  return new CliError(
    `${failed} ${error.message}${kept ? ` The dataset already called ${name} is unchanged.` : ''}`,
  );
}

/** parity dataset add <file> [<file>…] --name <name> */
export async function datasetAdd(services: Services, io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, corrections: { type: 'boolean', default: false } },
  });
  const [file, ...moreFiles] = positionals;
  if (!file || !values.name)
    throw new CliError('Usage: parity dataset add <file> [<file>…] --name <name> [--corrections]');
  try {
    const dataset = await services.analytics.addFiles(
      systemActor,
      { name: values.name, file, moreFiles, corrections: values.corrections },
      progressPrinter(io),
    );
    io.out(datasetJson(dataset));
    return 0;
  } catch (error) {
    throw await importFailure(services, values.name, error, 'Nothing was added.');
  } finally {
    await services.analytics.close();
  }
}

/** parity dataset link <schema.table> --name <name> [--vintage 2011|2021] */
export async function datasetLink(services: Services, io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, vintage: { type: 'string' } },
  });
  const table = positionals[0];
  if (!table)
    throw new CliError('Usage: parity dataset link <schema.table> --name <name> [--vintage 2011|2021]');
  try {
    const dataset = await services.analytics.linkTable(systemActor, {
      name: values.name,
      table,
      vintage: values.vintage,
    });
    io.out(datasetJson(dataset));
    return 0;
  } finally {
    await services.analytics.close();
  }
}

/** parity dataset remove --name <name>: the dataset, its file and its results (a linked table stays). */
export async function datasetRemove(services: Services, io: CliIO, args: string[]): Promise<number> {
  const { values } = parseOptions({ args, options: { name: { type: 'string' } } });
  if (!values.name) throw new CliError('Usage: parity dataset remove --name <name>');
  try {
    const removed = await services.analytics.removeDataset(systemActor, { name: values.name });
    io.out(
      `Removed dataset ${removed.name} and ${removed.results} ${removed.results === 1 ? 'result' : 'results'} computed from it (${removed.published} published).`,
    );
    if (removed.linked) io.out(`The PostgreSQL table ${removed.sourceFile} was not changed.`);
    return 0;
  } catch (error) {
    if (error instanceof NotFoundError) throw new CliError(error.message);
    throw error;
  } finally {
    await services.analytics.close();
  }
}

/** parity dataset reach --name <name> [--format json|csv] */
export async function datasetReach(services: Services, io: CliIO, args: string[]): Promise<number> {
  const { values } = parseOptions({
    args,
    options: { name: { type: 'string' }, format: { type: 'string', default: 'csv' } },
  });
  if (!values.name) throw new CliError('Usage: parity dataset reach --name <name> [--format json|csv]');
  if (values.format !== 'json' && values.format !== 'csv') throw new CliError('--format must be json or csv');
  try {
    const deprivation = await services.analytics.deprivationReach(values.name);
    const ethnic = await services.analytics.ethnicReach(values.name);
    const rows = reachRows(deprivation, ethnic);
    io.out(values.format === 'csv' ? tableCsv(rows, reachColumns).trimEnd() : JSON.stringify(rows, null, 2));
    for (const [what, why] of notCompared(deprivation, ethnic)) io.err(`${what} not compared: ${why}`);
    return 0;
  } finally {
    await services.analytics.close();
  }
}

/** parity indicators compute --dataset <name> [--indicator <id>] [--by <dim,...>] [--format json|csv] */
export async function indicatorsCompute(services: Services, io: CliIO, args: string[]): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      dataset: { type: 'string' },
      indicator: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string', default: 'json' },
    },
  });
  if (values.format !== 'json' && values.format !== 'csv') throw new CliError('--format must be json or csv');
  const by = values.by
    ? values.by
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  try {
    // Computing the whole catalogue names each indicator not given, and why; first, when it gives none
    // and is refused.
    const indicators =
      !values.indicator && values.dataset !== undefined
        ? await services.analytics.indicatorsOf(values.dataset)
        : null;
    const sayNotComputed = () => {
      for (const missing of indicators?.notGiven ?? [])
        io.err(`Not computed: ${missing.title} (${missing.id}) ${missing.reason}.`);
    };
    if (indicators?.given.length === 0) sayNotComputed();
    const results = await services.analytics.compute(systemActor, {
      datasetName: values.dataset,
      indicatorId: values.indicator,
      by,
    });
    io.out(values.format === 'csv' ? toCsv(exportRows(results)).trimEnd() : JSON.stringify(results, null, 2));
    // The JSON holds each result's caveats; a CSV file has no place for them.
    if (values.format === 'csv') for (const line of caveatLines(results)) io.err(line);
    sayNotComputed();
    return 0;
  } finally {
    await services.analytics.close();
  }
}

/** Each caveat once, with the indicators it is about. */
function caveatLines(results: { indicatorId: string; caveats: string[] }[]): string[] {
  const about = new Map<string, string[]>();
  for (const result of results)
    for (const caveat of result.caveats)
      about.set(caveat, [...(about.get(caveat) ?? []), result.indicatorId]);
  return [...about].map(([caveat, ids]) => `Caveat (${ids.join(', ')}): ${caveat}`);
}

/** parity indicators add <definition.json> */
export async function indicatorsAdd(services: Services, io: CliIO, args: string[]): Promise<number> {
  const file = args[0];
  if (!file) throw new CliError('Usage: parity indicators add <definition.json>');
  const indicator = await services.analytics.addIndicator(
    systemActor,
    readJson(file, 'indicator definition'),
  );
  io.out(`Added indicator ${indicator.id}: ${indicator.title}`);
  return 0;
}

/** parity demo-data --rows <n> --out <file.parquet> [--seed <n>] */
export async function demoData(services: Services, io: CliIO, args: string[]): Promise<number> {
  const { values } = parseOptions({
    args,
    options: {
      rows: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      postcodes: { type: 'boolean' },
    },
  });
  if (!values.out)
    throw new CliError(
      'Usage: parity demo-data --rows <n> --out <file.parquet|file.csv> [--seed <n>] [--postcodes]',
    );
  try {
    const rows = await services.analytics.generateDemoData(Number(values.rows ?? '200000'), values.out, {
      seed: values.seed === undefined ? undefined : Number(values.seed),
      postcodes: values.postcodes === true,
    });
    io.out(`Wrote ${rows} synthetic rows to ${values.out}`);
    return 0;
  } finally {
    await services.analytics.close();
  }
}
