// Staff page: import the reference geography (deprivation, ward lookups, places, population
// estimates, census ethnic groups, the postcode directory) from the official files, as `parity geo
// import` does, for files up to the upload limit (DATASET_UPLOAD_MB, as for extracts): they are
// written to disk as they arrive.
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FormError, type FieldError } from '../../features/shared/errors.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import {
  multipartLimits,
  sizeInWords,
  uploadedFile,
  uploadedFiles,
  uploadExtension,
  type ReceivedFile,
} from '../middleware/multipart.ts';
import { formBody, handleForm } from './form-helpers.ts';
import { actorOf } from './partnership-helpers.ts';
import { placesFromText } from './places-text.ts';
import { postcodeLookupView } from './postcode-lookup-text.ts';

const template = 'pages/analytics/geography-import.njk';
/**
 * The deprivation file, up to two lookups (wards; LSOA 2011 → 2021), population estimates, census
 * groups, and the postcode directory, whole or as up to 30 postcode areas' files (an ICS spans a
 * handful of the 120 or so areas).
 */
const MAX_FILES = 5 + 30;

/** Why an uploaded geography file cannot be read, or null. */
function fileProblem(file: ReceivedFile, limit: number): string | null {
  if (file.tooLarge)
    return `${file.filename} is over ${sizeInWords(limit)}: gzip it (national CSV files are 2 to 3 MB gzipped) or import it with the command line (parity geo import)`;
  const extension = uploadExtension(file.filename);
  if (extension === '.xls') return `Save ${file.filename} as .xlsx (Excel Workbook) and choose it again`;
  if (!['.csv', '.csv.gz', '.xlsx', '.ods'].includes(extension))
    return `${file.filename} is not a CSV file (.csv or .csv.gz) or a spreadsheet (.xlsx or .ods), as the official files are published`;
  return null;
}

/** The file moved under its own name to a folder of its own: the import records and shows the name. */
function saved(dir: string, file: ReceivedFile, index: number): string {
  const name = path
    .basename(file.filename)
    .replace(/[^\w.\- ()]/g, '_')
    .replace(/^\.+/, '');
  const folder = path.join(dir, String(index));
  mkdirSync(folder);
  const target = path.join(folder, name || `file${uploadExtension(file.filename)}`);
  if (!file.path) throw new Error(`The upload ${file.fieldname} was not written to disk`);
  renameSync(file.path, target);
  return target;
}

export function analyticsGeographyRoutes(app: FastifyInstance, services: Services): void {
  const { analytics } = services;
  const limit = services.config.datasetUploadBytes;
  const uploads = path.join(services.config.dataDir, 'analytics', 'uploads');
  const route = {
    preHandler: requirePermission('analytics:geography'),
    config: {
      uploadsTo: uploads,
      multipartOptions: {
        limits: { fileSize: limit, files: MAX_FILES, parts: multipartLimits.fields + MAX_FILES },
      },
    },
  };
  const staticContext = { pageTitle: 'Import reference geography', uploadLimit: sizeInWords(limit) };
  /** The page with what the postcode lookup holds now. */
  const context = async () => ({
    ...staticContext,
    postcodes: postcodeLookupView(await analytics.postcodeLookup()),
    lsoaLookup: await analytics.lsoaLookup(),
  });

  app.get('/analytics/geography/import', route, async (_request, reply) =>
    reply.view(template, { ...(await context()), values: {} }),
  );

  /** A multipart form: its `_csrf` field comes first and is checked before any file is read. */
  app.post('/analytics/geography/import', route, async (request, reply) => {
    const values = formBody(request.body);
    const chosen = {
      imd: uploadedFile(request, 'imd'),
      lookups: uploadedFiles(request, 'lookups'),
      population: uploadedFile(request, 'population'),
      ethnicity: uploadedFile(request, 'ethnicity'),
      postcodes: uploadedFiles(request, 'postcodes'),
    };
    const shown = await handleForm(reply, { template, context, values }, async () => {
      const errors: FieldError[] = [];
      for (const [field, files] of Object.entries(chosen)) {
        for (const file of [files].flat()) {
          const problem = file && fileProblem(file, limit);
          if (problem) errors.push({ field, message: problem });
        }
      }
      const anyFile = [chosen.imd, chosen.population, chosen.ethnicity].some(Boolean);
      if (!anyFile && !chosen.postcodes.length && !chosen.lookups.length)
        errors.push({
          field: 'imd',
          message:
            'Choose the deprivation file, the population estimates, the census ethnic groups, the postcode directory or the LSOA 2011 to 2021 lookup',
        });
      const year = values.populationYear?.trim();
      if (year && !/^(19|20)\d{2}$/.test(year))
        errors.push({ field: 'populationYear', message: 'Enter the mid-year as four figures, such as 2023' });
      else if (year && !chosen.population)
        errors.push({
          field: 'populationYear',
          message: 'The mid-year is that of population estimates: choose their file too',
        });
      let places;
      try {
        places = placesFromText(values.places);
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        errors.push(...error.errors);
      }
      if (places && !chosen.imd)
        errors.push({
          field: 'places',
          message:
            'Places are set with the deprivation file, whose local authorities they group: choose it too',
        });
      if (errors.length) throw new FormError(errors);
      // Beside the uploads, so that moving them there is a rename on the same disk.
      mkdirSync(uploads, { recursive: true });
      const dir = mkdtempSync(path.join(uploads, 'geography-'));
      try {
        let index = 0;
        const pathOf = (file: ReceivedFile | null) => (file ? saved(dir, file, index++) : undefined);
        await analytics.importGeography(actorOf(request), {
          imd: pathOf(chosen.imd),
          lookups: chosen.lookups.map((file) => saved(dir, file, index++)),
          population: pathOf(chosen.population),
          ethnicity: pathOf(chosen.ethnicity),
          postcodes: chosen.postcodes.map((file) => saved(dir, file, index++)),
          populationSheet: values.populationSheet?.trim() || undefined,
          populationYear: year ? Number(year) : undefined,
          places,
        });
      } catch (error) {
        // The import names the option a file was given as; the form's fields are named the same,
        // but for the lookups, which one input takes.
        if (error instanceof FormError)
          throw new FormError(
            error.errors.map((e) => (e.field === 'lookup' ? { ...e, field: 'lookups' } : e)),
          );
        throw error;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    return shown ? reply : reply.redirect('/analytics/datasets?geography=imported#reference-geography', 303);
  });
}
