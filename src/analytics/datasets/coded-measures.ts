// Measures that extracts give as the Data Dictionary's codes rather than as 1/0, read as HES reads
// them. Outpatient extracts (SUS, a PAS) say whether each appointment was attended with ATTENDED OR
// DID NOT ATTEND: 5 and 6 (attended, on time or late but seen) are dna 0; 3 and 7 (did not attend;
// arrived late and could not be seen) are 1; 2 and 4 (cancelled by the patient or the hospital) and
// 0 (not applicable: the appointment is in the future) are neither, and are left out of the DNA
// rate. Admitted patient care extracts give ADMISSION METHOD: 21–28 and 2A–2D (the emergency
// methods) are emergency_admission 1, the elective (11–13), maternity (31, 32) and other (81–83)
// methods 0. Cancer registrations (the Rapid Cancer Registration Data, COSD) give the stage at
// diagnosis as a stage group with its subdivision (1A, 2B, IIIC, "Stage 4"): cancer_stage is its
// number, 1 to 4 (0 as 0), and X, U and "unknown" are no stage, left out of the cancers with a known
// stage. The codes' usual labels are read too.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { normaliseHeading } from './headings.ts';
import { kindOf } from './standardise.ts';

export const codingIds = ['attendance', 'admission-method', 'cancer-stage'] as const;
export type CodingId = (typeof codingIds)[number];

export interface MeasureCoding {
  /** The measure the codes give. */
  measure: string;
  /** Whether a heading names such codes ("Attended or did not attend", "Admission method"). */
  heading: RegExp;
  /** Each code and label, upper case with single spaces for anything else, and the measure's value. */
  values: [value: number | null, forms: string[]][];
  problem: string;
  note: (column: string) => string;
  /** A column of plain numbers holds the measure already (stages 1 to 4): read as codes only with others. */
  numbersAreValues?: true;
}

/**
 * A stage group as registrations write it: 1 to 4 or I to IV, with a subdivision (2A, IIIB, 1A1,
 * IB2) or none, with "Stage" before it or not.
 */
function stageForms(stage: number): string[] {
  const groups = [String(stage), ['I', 'II', 'III', 'IV'][stage - 1]!];
  const subdivisions = ['', 'A', 'B', 'C', 'A1', 'A2', 'B1', 'B2', 'B3', 'C1', 'C2'];
  const forms = groups.flatMap((group) => subdivisions.map((sub) => `${group}${sub}`));
  return [...forms, ...forms.map((form) => `STAGE ${form}`)];
}

// prettier-ignore
export const measureCodings: Record<CodingId, MeasureCoding> = {
  attendance: {
    measure: 'dna',
    // Not FIRST ATTENDANCE ("First attendance", "Attendance type"), whose 1–4 would pass for codes.
    heading: /(^|_)(attended|attendance_(status|outcome)|attend_status|outcome_of_attendance|dna|did_not_attend)($|_)/,
    values: [
      [0, ['5', '6', 'ATTENDED', 'SEEN', 'ATTENDED ON TIME', 'ARRIVED LATE BUT WAS SEEN', 'ARRIVED LATE BUT SEEN']],
      [1, ['3', '7', 'DNA', 'DID NOT ATTEND', 'WAS NOT BROUGHT', 'WNB', 'ARRIVED LATE AND COULD NOT BE SEEN', 'ARRIVED LATE COULD NOT BE SEEN', 'ARRIVED LATE NOT SEEN']],
      [null, ['0', '2', '4', 'CANCELLED', 'PATIENT CANCELLED', 'HOSPITAL CANCELLED', 'CANCELLED BY PATIENT', 'CANCELLED BY HOSPITAL', 'NOT APPLICABLE']],
    ],
    problem: 'not an attendance code (5 or 6 attended, 3 or 7 did not attend, 2 or 4 cancelled, 0 not applicable)',
    note: (column) =>
      `The column "${column}" holds attendance outcomes, as codes or their words, read as dna: attended (5 and 6) as 0, did not attend or too late to be seen (3 and 7) as 1, and cancelled (2 and 4) or not applicable (0) left out of the DNA rate.`,
  },
  'admission-method': {
    measure: 'emergency_admission',
    heading: /(^|_)(admission_?method|admimeth|adm_?meth\w*|method_of_admission)($|_)/,
    values: [
      [1, ['21', '22', '23', '24', '25', '26', '27', '28', '2A', '2B', '2C', '2D', 'EMERGENCY']],
      [0, ['11', '12', '13', '31', '32', '81', '82', '83', 'ELECTIVE', 'WAITING LIST', 'BOOKED', 'PLANNED', 'MATERNITY']],
      [null, ['98', '99', 'NOT KNOWN', 'NOT APPLICABLE']],
    ],
    problem: 'not an admission method code (21 to 28 or 2A to 2D emergency; 11 to 13, 31, 32 or 81 to 83 not)',
    note: (column) =>
      `The column "${column}" holds admission methods, as codes or their words, read as emergency_admission: emergency (21 to 28 and 2A to 2D) as 1, elective, maternity and other methods as 0.`,
  },
  'cancer-stage': {
    measure: 'cancer_stage',
    // Not the stage of other things (CKD stage, pressure ulcer stage), nor the T of TNM ("Tumour stage").
    heading: /^(stage(_best|_at_diagnosis|_group)?|(overall|tnm|figo|integrated|final|best|pathological|clinical)_stage(_group)?)$|cancer_(\w+_)?stage|stage_(\w+_)?cancer/,
    values: [
      ...[1, 2, 3, 4].map((stage): [number, string[]] => [stage, stageForms(stage)]),
      [0, ['0', 'STAGE 0', '0IS', 'STAGE 0IS']],
      [null, ['X', 'U', '9', '99', 'UNKNOWN', 'NOT KNOWN', 'STAGE UNKNOWN', 'UNSTAGEABLE', 'NOT STAGEABLE', 'NOT STAGED']],
    ],
    numbersAreValues: true,
    problem: 'not a cancer stage (1 to 4 or I to IV, with a subdivision such as 2A or IIIB; 0; or X or U, not known)',
    note: (column) =>
      `The column "${column}" holds cancer stages, read as cancer_stage: the stage group 1 to 4 (2A as 2, IIIB as 3, "Stage 4" as 4), with X, U and unknown stages left out of the cancers with a known stage.`,
  },
};

const formsOf = (coding: MeasureCoding): string[] => coding.values.flatMap(([, forms]) => forms);
/** Slips allowed among a sample of codes (the import reports them). */
export const SLIPS = 0.01;

/** The value as the forms are written: 5.0 as 5, "Did not attend." as DID NOT ATTEND. */
const formOf = (c: string): string =>
  `trim(regexp_replace(regexp_replace(upper(trim(CAST(${c} AS VARCHAR))), '\\.0+$', ''), '[^A-Z0-9]+', ' ', 'g'))`;

/** The measure's value (1, 0, or NULL for neither) from a code or label. */
export function codedMeasureSql(c: string, id: CodingId): string {
  const whens = measureCodings[id].values.flatMap(([value, forms]) =>
    forms.map(
      (form) => `WHEN ${literal(form)} THEN ${value === null ? 'CAST(NULL AS DOUBLE)' : `${value}.0`}`,
    ),
  );
  return `CASE ${formOf(c)} ${whens.join(' ')} END`;
}

/** True for a present value that is not one of the coding's codes or labels. */
export const codedMeasureFailingSql = (c: string, id: CodingId): string =>
  `COALESCE(${formOf(c)} NOT IN (${['', ...formsOf(measureCodings[id])].map(literal).join(', ')}), false)`;

/** Whether a heading names the codes of `id`. */
export const namesCoding = (heading: string, id: CodingId): boolean =>
  measureCodings[id].heading.test(normaliseHeading(heading));

/**
 * Of the columns that could be read as codes (their heading names a coding, or a mapping names them
 * as its measure), those whose first 100,000 values (blanks aside) are one coding's codes or labels
 * but for a typing slip or two in a hundred (which the import then reports), with the coding. Not a
 * column of only the codes that give no value (all 0 for attendance), nor a 1/0 flag, whose 1s are
 * not attendance codes, nor a column of stages 1 to 4 as plain numbers, read as numbers already.
 */
export async function codedColumns(
  store: AnalyticsStore,
  parquet: string,
  columns: { name: string; type: string }[],
  /** The measures a person's mapping names: measure → column. */
  mapped: Readonly<Record<string, string>> = {},
): Promise<Map<string, CodingId>> {
  const found = new Map<string, CodingId>();
  const candidates = columns.filter(
    (c) =>
      (kindOf(c.type) === 'text' || kindOf(c.type) === 'number') &&
      codingIds.some((id) => namesCoding(c.name, id) || mapped[measureCodings[id].measure] === c.name),
  );
  if (candidates.length === 0) return found;
  // Each value tidied once and counted by value (a few different ones as a rule), then tested against
  // each coding's forms here: counting each coding's forms in SQL took 0.4 s for 100,000 rows.
  const tidied = candidates.map((c, i) => `${formOf(sourceColumn(c.name))} AS f${i}`);
  const histograms = candidates.map((_c, i) => `histogram(NULLIF(f${i}, '')) AS h${i}`);
  const [row] = await store.query<Record<string, { key: string; value: string | number }[] | null>>(
    `SELECT ${histograms.join(', ')} FROM (SELECT ${tidied.join(', ')} FROM read_parquet(${literal(parquet)}) LIMIT 100000) sample`,
  );
  candidates.forEach((c, i) => {
    const counted = (row?.[`h${i}`] ?? []).map(({ key, value }) => [key, Number(value)] as const);
    const rows = (test: (form: string) => boolean) =>
      counted.reduce((sum, [form, n]) => (test(form) ? sum + n : sum), 0);
    const present = rows(() => true);
    const id = codingIds.find((coding) => {
      const forms = new Set(formsOf(measureCodings[coding]));
      const valued = new Set(valuedForms(coding));
      return rows((form) => valued.has(form)) > 0 && rows((form) => !forms.has(form)) <= SLIPS * present;
    });
    if (id) found.set(c.name, id);
  });
  return found;
}

/**
 * The forms that show a column to be the coding's codes: those that give a value, or, where plain
 * numbers are values already, those that are not plain numbers ("2A", or "X" for not known).
 */
function valuedForms(id: CodingId): string[] {
  const coding = measureCodings[id];
  return coding.numbersAreValues
    ? formsOf(coding).filter((form) => !/^\d+$/.test(form))
    : coding.values.flatMap(([value, forms]) => (value === null ? [] : forms));
}

/**
 * Marks in `mapping` each measure whose column holds its own coding's codes (found by
 * codedColumns), so that the import reads them; returns what the report says of each.
 */
export function readCodedMeasures(
  mapping: { measures: Record<string, string>; measureCodings: Record<string, CodingId> },
  coded: ReadonlyMap<string, CodingId>,
): string[] {
  const notes: string[] = [];
  for (const id of codingIds) {
    const coding = measureCodings[id];
    const column = mapping.measures[coding.measure];
    if (column === undefined || coded.get(column) !== id) continue;
    mapping.measureCodings[coding.measure] = id;
    notes.push(coding.note(column));
  }
  return notes;
}
