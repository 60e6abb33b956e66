// A dataset's validation report less the problems of the rows corrections replaced: the report keeps
// its problems by the day their rows are dated (validate.ts, `problemDays`), and corrections replace
// the dataset's rows of the days they have rows for (added-files.ts).
import type { ProblemCount, ProblemDay, ValidationReport } from './validate.ts';

/** The report's problems by day, where it has them: a report without problems has none to keep. */
export function problemDaysOf(report: ValidationReport): ProblemDay[] | undefined {
  return report.problemDays ?? (report.rowsWithProblems === 0 ? [] : undefined);
}

/**
 * The problems of `days`, the first row of each being the one earliest in file order (the files or
 * worksheets in the order of `sheets`, then the row).
 */
function problemsOf(days: readonly ProblemDay[], sheets: readonly string[] | undefined): ProblemCount[] {
  const place = (p: ProblemCount) => (p.firstSheet === undefined ? 0 : (sheets?.indexOf(p.firstSheet) ?? 0));
  const earlier = (a: ProblemCount, b: ProblemCount) => place(a) - place(b) || a.firstRow - b.firstRow;
  const byKind = new Map<string, ProblemCount>();
  for (const problem of days.flatMap((d) => d.problems)) {
    const key = JSON.stringify([problem.column, problem.problem]);
    const seen = byKind.get(key);
    if (!seen) byKind.set(key, { ...problem });
    else {
      const first = earlier(problem, seen) < 0 ? problem : seen;
      byKind.set(key, { ...first, rows: seen.rows + problem.rows });
    }
  }
  return [...byKind.values()].sort(
    (a, b) => earlier(a, b) || a.column.localeCompare(b.column) || a.problem.localeCompare(b.problem),
  );
}

/**
 * The report without the problems of the rows dated on `days` (YYYY-MM-DD), which corrections
 * replaced: their counts, examples and rows with problems. Null when the report does not have its
 * problems by day (an import before 2026-12-06), and so cannot tell them apart.
 */
export function reportWithoutDays(
  report: ValidationReport,
  days: ReadonlySet<string>,
): ValidationReport | null {
  const byDay = problemDaysOf(report);
  if (!byDay) return null;
  const kept = byDay.filter((d) => d.day === null || !days.has(d.day));
  return {
    ...report,
    problems: problemsOf(kept, report.sheets),
    examples: report.examples.filter((e) => e.day === undefined || !days.has(e.day)),
    rowsWithProblems: kept.reduce((sum, d) => sum + d.rowsWithProblems, 0),
    problemDays: kept,
  };
}
