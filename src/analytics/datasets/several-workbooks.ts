// What several files read as one dataset say of themselves (several-files.ts): the rows of each,
// a workbook's worksheets among them, the worksheet each workbook was read from, and a file's own
// problem named by the file.
import { damagedParquetError, NamedFileError } from './source-error.ts';
import {
  formatShown,
  SourceFileError,
  type CsvEncoding,
  type SourceFormat,
  type StagedSource,
} from './source.ts';
import { otherWorksheetsNote, worksheetChosenNote } from './worksheets-read.ts';
import type { WorksheetChosen, WorksheetRead } from './xlsx-convert.ts';

/**
 * A file (or one worksheet of a workbook) read with others as one dataset, `sheet` its name in the
 * report, in the order of its rows.
 */
export interface FileRead extends WorksheetRead {
  path: string;
  format: SourceFormat;
  encoding: CsvEncoding;
  /** Its empty lines, where they are known already (StagedSource's). */
  emptyLines?: number[];
}

/** A file staged on its own, before its rows were copied below the others'. */
export interface FileStaged {
  name: string;
  path: string;
  staged: StagedSource;
  rows: number;
  /** Whether its columns are in another order than the first file's. */
  reordered: boolean;
  /** The headings of other files' columns that it has not (its rows have them empty). */
  lacks: string[];
}

/** Runs `read` on the file named `name`; a problem with the file is said of it by name. */
export async function inFile<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const own = (name.toLowerCase().endsWith('.parquet') && damagedParquetError(error)) || error;
    if (!(own instanceof SourceFileError)) throw own;
    throw new NamedFileError(`In "${name}": ${own.message}`, { cause: own });
  }
}

/**
 * The file as the report names its rows: itself, or each of a workbook's worksheets read together
 * ("book.xlsx, worksheet 2024-25"), their rows one after another as staged.
 */
export function filesReadOf({ name, path, staged, rows, reordered, lacks }: FileStaged): FileRead[] {
  const { format, encoding } = staged;
  const emptyLines = staged.emptyLines ? { emptyLines: staged.emptyLines } : {};
  const inOrder = (own?: true) => (own || reordered ? { reordered: true as const } : {});
  const lacking = (own: readonly string[] = []) => {
    const all = [...new Set([...lacks, ...own])];
    return all.length ? { lacks: all } : {};
  };
  if (!staged.worksheetsRead)
    return [
      {
        sheet: name,
        headingRow: staged.headingRow,
        rows,
        path,
        format,
        encoding,
        ...emptyLines,
        ...inOrder(),
        ...lacking(),
      },
    ];
  return staged.worksheetsRead.map((read) => ({
    sheet: `${name}, worksheet ${read.sheet}`,
    headingRow: read.headingRow,
    rows: read.rows,
    path,
    format,
    encoding,
    ...inOrder(read.reordered),
    ...lacking(read.lacks),
  }));
}

/**
 * What the import says of the workbooks among the files: the worksheet read where the first has no
 * LSOA column (one note for the workbooks alike in this), and other worksheets with one that were not read.
 */
export function workbooksNotes(parts: readonly FileStaged[], allSheets: boolean): string[] {
  const alike = new Map<string, { chosen: WorksheetChosen; names: string[] }>();
  for (const { name, staged } of parts) {
    const chosen = staged.worksheetChosen;
    if (!chosen) continue;
    const key = `${chosen.first}\n${chosen.read}`;
    alike.set(key, { chosen, names: [...(alike.get(key)?.names ?? []), name] });
  }
  const others = parts
    .filter(({ staged }) => staged.otherWorksheets.length > 0)
    .map(({ name, staged }) => `In "${name}": ${otherWorksheetsNote(staged.otherWorksheets, allSheets)}`);
  return [...[...alike.values()].map(({ chosen, names }) => worksheetChosenNote(chosen, names)), ...others];
}

/** The formats of the files, as a dataset's page gives them: "csv and xlsx". */
export const formatsOf = (parts: readonly FileStaged[]): string =>
  [...new Set(parts.map((p) => formatShown(p.staged)))].join(' and ');
