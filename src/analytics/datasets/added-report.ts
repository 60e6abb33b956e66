// The validation report of a dataset with files added to it: its own report and the added files'
// as one, each row named by the file it is in (as when several files are imported as one).
import { quotedList } from './heading-sets.ts';
import { problemDaysOf } from './problem-days.ts';
import {
  EXAMPLE_LIMIT,
  type ProblemCount,
  type ProblemDay,
  type ProblemExample,
  type ValidationReport,
} from './validate.ts';
import { countInWords } from '../in-words.ts';

/** A report and the source it was read from, as the dataset's record names it. */
export interface ReportOf {
  report: ValidationReport;
  /** The file's name (for several files read as one, the report names each). */
  source: string;
}

/** The files a report's rows come from, by name: each file read as one, or the source alone. */
export const filesOf = ({ report, source }: ReportOf): string[] =>
  report.sheets && report.sheetsAreFiles ? report.sheets : [source];

/** The name a row's file is given: a worksheet read with others is named with its workbook. */
function fileLabel({ report, source }: ReportOf): (sheet: string | undefined) => string {
  return (sheet) =>
    sheet === undefined ? source : report.sheetsAreFiles ? sheet : `${source}, worksheet ${sheet}`;
}

function labelled(part: ReportOf): {
  files: string[];
  problems: ProblemCount[];
  examples: ProblemExample[];
  problemDays: ProblemDay[] | undefined;
} {
  const label = fileLabel(part);
  const { report } = part;
  const named = (p: ProblemCount) => ({ ...p, firstSheet: label(p.firstSheet) });
  return {
    files: report.sheets ? report.sheets.map(label) : [part.source],
    problems: report.problems.map(named),
    examples: report.examples.map((e) => ({ ...e, sheet: label(e.sheet) })),
    problemDays: problemDaysOf(report)?.map((d) => ({ ...d, problems: d.problems.map(named) })),
  };
}

/** Problems of the same column and kind counted together; the first row named is the earliest file's. */
function problemsTogether(earlier: ProblemCount[], added: ProblemCount[]): ProblemCount[] {
  const byKind = new Map<string, ProblemCount>();
  for (const p of [...earlier, ...added]) {
    const key = JSON.stringify([p.column, p.problem]);
    const seen = byKind.get(key);
    byKind.set(key, seen ? { ...seen, rows: seen.rows + p.rows } : { ...p });
  }
  return [...byKind.values()];
}

/**
 * The examples shown, in file order: the added files keep at least half of the places when they
 * have that many, so that what is new is seen however many problems the dataset had.
 */
function examplesTogether(earlier: ProblemExample[], added: ProblemExample[]): ProblemExample[] {
  const addedShown = Math.min(added.length, Math.max(EXAMPLE_LIMIT / 2, EXAMPLE_LIMIT - earlier.length));
  return [...earlier.slice(0, EXAMPLE_LIMIT - addedShown), ...added.slice(0, addedShown)];
}

/** The dataset's report with the added files': rows, problems and what the import said of them. */
export function reportWithAdded(
  earlier: ReportOf,
  added: ReportOf,
  rows: { read: number; stored: number },
): ValidationReport {
  const before = labelled(earlier);
  const now = labelled(added);
  const names = quotedList(filesOf(added), 'and', Infinity);
  const said = added.report.warnings.map((warning) => `${names}: ${warning}`);
  return {
    problems: problemsTogether(before.problems, now.problems),
    examples: examplesTogether(before.examples, now.examples),
    rowsWithProblems: earlier.report.rowsWithProblems + added.report.rowsWithProblems,
    warnings: [
      ...earlier.report.warnings,
      `${names} ${filesOf(added).length === 1 ? 'was' : 'were'} added later: ${countInWords(rows.read)} ${rows.read === 1 ? 'row' : 'rows'} read, ${countInWords(rows.stored)} stored, ${countInWords(added.report.rowsWithProblems)} with problems.`,
      ...said,
    ],
    sheets: [...before.files, ...now.files],
    sheetsAreFiles: true,
    // By day only if both are: an earlier report without its days cannot have them taken out.
    ...(before.problemDays && now.problemDays
      ? { problemDays: [...before.problemDays, ...now.problemDays] }
      : {}),
  };
}
