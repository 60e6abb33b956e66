// Outpatient extracts (SUS, a PAS) say whether each appointment was attended with the Data
// Dictionary's ATTENDED OR DID NOT ATTEND codes, not a 1/0 "did not attend" flag. Such a column is
// read as the dna measure as HES counts DNAs: 5 and 6 (attended, on time or late but seen) are 0;
// 3 and 7 (did not attend; arrived late and could not be seen) are 1; 2 and 4 (cancelled by the
// patient or the hospital) and 0 (not applicable: the appointment is in the future) are neither,
// and are left out of the DNA rate. The codes' usual labels are read too.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { normaliseHeading } from './headings.ts';
import { kindOf } from './standardise.ts';

/** Each code and label, written upper case with single spaces for anything else, and its dna value. */
// prettier-ignore
const attendance: [value: 0 | 1 | null, forms: string[]][] = [
  [0, ['5', '6', 'ATTENDED', 'SEEN', 'ATTENDED ON TIME', 'ARRIVED LATE BUT WAS SEEN', 'ARRIVED LATE BUT SEEN']],
  [1, ['3', '7', 'DNA', 'DID NOT ATTEND', 'WAS NOT BROUGHT', 'WNB', 'ARRIVED LATE AND COULD NOT BE SEEN', 'ARRIVED LATE COULD NOT BE SEEN', 'ARRIVED LATE NOT SEEN']],
  [null, ['0', '2', '4', 'CANCELLED', 'PATIENT CANCELLED', 'HOSPITAL CANCELLED', 'CANCELLED BY PATIENT', 'CANCELLED BY HOSPITAL', 'NOT APPLICABLE']],
];
const allForms = attendance.flatMap(([, forms]) => forms);
const SLIPS = 0.01;

/** The value as the forms above are written: 5.0 as 5, "Did not attend." as DID NOT ATTEND. */
const formOf = (c: string): string =>
  `trim(regexp_replace(regexp_replace(upper(trim(CAST(${c} AS VARCHAR))), '\\.0+$', ''), '[^A-Z0-9]+', ' ', 'g'))`;

/** dna (1 did not attend, 0 attended, NULL cancelled or not applicable) from an attendance code. */
export function attendanceDnaSql(c: string): string {
  const whens = attendance.flatMap(([value, forms]) =>
    forms.map(
      (form) => `WHEN ${literal(form)} THEN ${value === null ? 'CAST(NULL AS DOUBLE)' : `${value}.0`}`,
    ),
  );
  return `CASE ${formOf(c)} ${whens.join(' ')} END`;
}

/** True for a present value that is not an attendance code or label. */
export const attendanceFailingSql = (c: string): string =>
  `COALESCE(${formOf(c)} NOT IN (${['', ...allForms].map(literal).join(', ')}), false)`;

export const attendanceProblem =
  'not an attendance code (5 or 6 attended, 3 or 7 did not attend, 2 or 4 cancelled, 0 not applicable)';

/** Whether a heading may name an appointment's attendance ("Attended or did not attend", "DNA"). */
export const namesAttendance = (heading: string): boolean =>
  /(^|_)(attend\w*|attendance|dna|did_not_attend)($|_)/.test(normaliseHeading(heading));

/**
 * The columns whose first 100,000 values (blanks aside) are attendance codes or labels, but for a
 * typing slip or two in a hundred (which the import then reports), and not all 0: a 1/0 flag's 1s
 * are not codes, and a column of noughts says nothing.
 */
export async function attendanceColumns(
  store: AnalyticsStore,
  parquet: string,
  columns: { name: string; type: string }[],
): Promise<Set<string>> {
  const candidates = columns.filter((c) => kindOf(c.type) === 'text' || kindOf(c.type) === 'number');
  if (candidates.length === 0) return new Set();
  const counts = candidates.flatMap((c, i) => {
    const col = sourceColumn(c.name);
    return [
      `count(NULLIF(${formOf(col)}, '')) AS v${i}`,
      `count(CASE WHEN ${attendanceFailingSql(col)} THEN 1 END) AS bad${i}`,
      `count(CASE WHEN ${formOf(col)} NOT IN ('', '0') AND NOT ${attendanceFailingSql(col)} THEN 1 END) AS codes${i}`,
    ];
  });
  const sample = `(SELECT ${candidates.map((c) => sourceColumn(c.name)).join(', ')} FROM read_parquet(${literal(parquet)}) LIMIT 100000)`;
  const [row] = await store.query(`SELECT ${counts.join(', ')} FROM ${sample}`);
  const n = (key: string) => Number(row?.[key] ?? 0);
  return new Set(
    candidates.filter((_c, i) => n(`codes${i}`) > 0 && n(`bad${i}`) <= SLIPS * n(`v${i}`)).map((c) => c.name),
  );
}

export const attendanceNote = (column: string): string =>
  `The column "${column}" holds attendance codes, read as dna: 5 and 6 (attended) as 0, 3 and 7 (did not attend, or too late to be seen) as 1, and 2, 4 (cancelled) and 0 (not applicable) left out of the DNA rate.`;
