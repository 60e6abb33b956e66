// Extracts uploaded to be imported as a dataset or added to one: where they are written as they
// arrive (never held in memory), how many a form takes, and what is wrong with one.
import { renameSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { formatOf, SourceFileError } from '../../analytics/datasets/source.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import {
  sizeInWords,
  uploadExtension,
  type ReceivedFile,
  type TooManyFiles,
} from '../middleware/multipart.ts';

export const manage = { preHandler: requirePermission('analytics:manage') };

/** The most files a form takes at once: three years of monthly extracts. */
export const MAX_FILES = 36;

/** A form that uploads extracts: what it says when files are missing, too large or too many. */
export interface UploadForm extends TooManyFiles {
  /** What to say when no file was chosen. */
  none: string;
  /** The command that takes files larger than the form does. */
  command: string;
}

/** The route options of a form that uploads extracts (several files may be chosen at once). */
export function uploadRoute(services: Services, form: UploadForm) {
  const uploadsTo = path.join(services.config.dataDir, 'analytics', 'uploads');
  const limits = { fileSize: services.config.datasetUploadBytes, files: MAX_FILES, parts: MAX_FILES + 40 };
  return { ...manage, config: { uploadsTo, multipartOptions: { limits }, tooManyFiles: form } };
}

/** Why an uploaded file cannot be imported here, or null; `command` takes larger files. */
function uploadProblem(file: ReceivedFile, limit: number, command: string): string | null {
  if (file.tooLarge)
    return `Files over ${sizeInWords(limit)} must be imported with the command line (${command})`;
  if (uploadExtension(file.filename) === '.xls')
    return 'Save the Excel file as .xlsx (Excel Workbook) and choose it again';
  // The kinds of file the import reads, as on the command line.
  try {
    formatOf(uploadExtension(file.filename));
    return null;
  } catch (error) {
    if (!(error instanceof SourceFileError)) throw error;
    return `${error.message}: ${file.filename} is none of these`;
  }
}

/** Why the files chosen cannot be imported, or null: the first file's problem, or that there is none. */
export function chosenFilesProblem(
  files: readonly ReceivedFile[],
  limit: number,
  form: UploadForm,
): string | null {
  if (!files.length) return form.none;
  return files.map((f) => uploadProblem(f, limit, form.command)).find((p) => p !== null) ?? null;
}

/**
 * Keeps the uploaded files for the import, named with their extensions, which say how the import
 * reads them; the import removes them when it ends.
 */
export function keepUploads(services: Services, files: readonly ReceivedFile[]): string[] {
  const uploadsTo = path.join(services.config.dataDir, 'analytics', 'uploads');
  return files.map((f) => {
    const kept = path.join(uploadsTo, `${randomUUID()}${uploadExtension(f.filename)}`);
    renameSync(f.path!, kept);
    return kept;
  });
}
