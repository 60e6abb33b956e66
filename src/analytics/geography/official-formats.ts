// Recognising the official files as published: MHCLG Indices of Deprivation 2019 (File 1, File 2,
// on LSOA 2011) and 2025 (File 7 style, on LSOA 2021); ONS LSOA → ward → LAD best-fit lookups; the
// ONS LSOA 2011 → 2021 lookup; ONS LSOA population estimates by single year or five-year band
// (persons, or females and males); the Census 2021 ethnic group table TS021 by LSOA 2021. The ONS
// postcode directories (NSPL, ONSPD) are recognised in postcodes.ts.
import type { LsoaVintage } from './model.ts';

/** What a geography file is given for: `--imd`, `--lookup`, `--population`, `--ethnicity` or `--postcodes`. */
export type GeographyRole = 'imd' | 'lookup' | 'population' | 'ethnicity' | 'postcodes';
/** The option of a geography import a problem is reported against. */
export type GeographyOption = GeographyRole | 'places';

export class GeographyFormatError extends Error {
  override readonly name = 'GeographyFormatError';
  constructor(
    message: string,
    /** The option (`--imd`, `--lookup`, `--population`, `--postcodes` …) that gave the file with the problem. */
    readonly role: GeographyOption,
  ) {
    super(message);
  }
}

const find = (columns: string[], patterns: RegExp[]): string | undefined =>
  patterns.map((p) => columns.find((c) => p.test(c.trim()))).find(Boolean);

function need(
  columns: string[],
  patterns: RegExp[],
  what: string,
  file: string,
  role: GeographyRole,
): string {
  const column = find(columns, patterns);
  if (!column)
    throw new GeographyFormatError(
      `${file}: no ${what} column was found (columns: ${columns.slice(0, 12).join(', ')})`,
      role,
    );
  return column;
}

export interface ImdColumns {
  vintage: LsoaVintage;
  version: string;
  lsoaCode: string;
  lsoaName: string | undefined;
  laCode: string;
  laName: string | undefined;
  rank: string;
  decile: string;
}

export function imdColumns(columns: string[], file: string): ImdColumns {
  const lsoaCode = need(
    columns,
    [/^LSOA code \((2011|2021)\)$/i, /^lsoa(11|21)_?c(o)?d(e)?$/i],
    'LSOA code',
    file,
    'imd',
  );
  const vintage: LsoaVintage = /2011|lsoa11/i.test(lsoaCode) ? '2011' : '2021';
  return {
    vintage,
    version: vintage === '2011' ? 'IoD2019' : 'IoD2025',
    lsoaCode,
    lsoaName: find(columns, [/^LSOA name \(20\d\d\)$/i, /^lsoa(11|21)_?n(a)?m(e)?$/i]),
    laCode: need(
      columns,
      [/^Local Authority District code/i, /^lad\d\d_?c(o)?d(e)?$/i],
      'local authority code',
      file,
      'imd',
    ),
    laName: find(columns, [/^Local Authority District name/i, /^lad\d\d_?n(a)?m(e)?$/i]),
    rank: need(
      columns,
      [/^Index of Multiple Deprivation \(IMD\) Rank/i, /^IMD_rank$/i],
      'IMD rank',
      file,
      'imd',
    ),
    decile: need(
      columns,
      [/^Index of Multiple Deprivation \(IMD\) Decile/i, /^IMD_decile$/i],
      'IMD decile',
      file,
      'imd',
    ),
  };
}

export interface WardLookupColumns {
  vintage: LsoaVintage;
  lsoaCode: string;
  wardCode: string;
  wardName: string;
  laCode: string;
  laName: string;
}

export function wardLookupColumns(columns: string[], file: string): WardLookupColumns | undefined {
  const lsoaCode = find(columns, [/^LSOA(11|21)CD$/i]);
  const wardCode = find(columns, [/^WD\d\dCD$/i]);
  if (!lsoaCode || !wardCode) return undefined;
  return {
    vintage: /11/.test(lsoaCode) ? '2011' : '2021',
    lsoaCode,
    wardCode,
    wardName: need(columns, [/^WD\d\dNM$/i], 'ward name', file, 'lookup'),
    laCode: need(columns, [/^LAD\d\dCD$/i], 'local authority code', file, 'lookup'),
    laName: need(columns, [/^LAD\d\dNM$/i], 'local authority name', file, 'lookup'),
  };
}

export function isLsoaCrosswalk(columns: string[]): boolean {
  return ['LSOA11CD', 'LSOA21CD', 'CHGIND'].every((c) => columns.includes(c));
}

/** The column counting the people of one age or age band, of one sex or of both (P, persons). */
export interface AgeColumn {
  /** First and last year of age (90 stands for 90 and over; a single year has from = to). */
  from: number;
  to: number;
  sex: 'F' | 'M' | 'P';
  column: string;
}

export interface PopulationColumns {
  vintage: LsoaVintage;
  lsoaCode: string;
  /**
   * Single years (0 … 90+) or bands (0-4 … 90+), for persons or by sex (ONS's mid-2021 and later
   * files on LSOA 2021: F0 … F90, M0 … M90).
   */
  ages: AgeColumn[];
}

const personsAge = /^\d+(\+|-\d+)?$/;
const sexAge = /^[FM]\d+(\+|-\d+)?$/i;

export function populationColumns(columns: string[], file: string): PopulationColumns {
  const lsoaCode = need(
    columns,
    [/^lsoa(11|21)_?code$/i, /^LSOA(11|21)CD$/i, /^LSOA (20)?(11|21) code$/i, /^LSOA code/i],
    'LSOA code',
    file,
    'population',
  );
  const persons = columns.filter((c) => personsAge.test(c.trim()));
  const chosen = persons.length ? persons : columns.filter((c) => sexAge.test(c.trim()));
  const ages = chosen.map((column): AgeColumn => {
    const text = column.trim();
    const sex = persons.length ? 'P' : (text[0]!.toUpperCase() as 'F' | 'M');
    const [first, last] = text.replace(/^[FM]/i, '').split('-');
    const from = Math.min(Number.parseInt(first!, 10), 90);
    const to = last === undefined ? from : Math.min(Number.parseInt(last, 10), 90);
    return { from, to, sex, column };
  });
  if (new Set(ages.map((a) => a.from)).size < 10)
    throw new GeographyFormatError(
      `${file}: expected one column per year of age or age band (0, 1, … 90+ or 0-4 … 90+), or per sex and year of age (F0 … F90, M0 … M90)`,
      'population',
    );
  // ONS headed the LSOA column "LSOA Code" until the 2021 LSOAs arrived, "LSOA 2021 Code" since.
  return { vintage: /21/.test(lsoaCode) ? '2021' : '2011', lsoaCode, ages };
}

/** The five high-level groups of the Census 2021 ethnic group question, as the NHS broad groups name them. */
const censusGroups: [RegExp, string][] = [
  [/^Asian/i, 'Asian or Asian British'],
  [/^Black/i, 'Black, Black British, Caribbean or African'],
  [/^Mixed/i, 'Mixed or multiple'],
  [/^White/i, 'White'],
  [/^Other ethnic group/i, 'Other ethnic group'],
];

/** The NHS broad group of a Census 2021 high-level ethnic group, or undefined for any other label. */
export function broadGroupOfCensus(label: string): string | undefined {
  return censusGroups.find(([pattern]) => pattern.test(label.trim()))?.[1];
}

export type EthnicityColumns =
  /** One row per LSOA and group: lsoa21_code, ethnic_group, n (as tidied copies of TS021 have it). */
  | { shape: 'long'; lsoaCode: string; group: string; count: string }
  /** One row per LSOA, a column per group (Nomis's TS021 download: "Ethnic group: White" …). */
  | { shape: 'wide'; lsoaCode: string; groups: { column: string; broad: string }[] };

/**
 * The columns of a Census 2021 ethnic group table by LSOA 2021 (TS021): Nomis's download, with a
 * column per group ("Ethnic group: Asian, Asian British or Asian Welsh", its subgroups after a
 * further colon, which are passed over), or one row per LSOA and group.
 */
export function ethnicityColumns(columns: string[], file: string): EthnicityColumns {
  const lsoaCode = need(
    columns,
    [/^lsoa21_?c(o)?d(e)?$/i, /^LSOA 2021 Code$/i, /^geography code$/i],
    'LSOA 2021 code (lsoa21_code, or "geography code" as Nomis names it)',
    file,
    'ethnicity',
  );
  const group = find(columns, [/^ethnic_?group$/i]);
  const count = find(columns, [/^n$/i, /^observation$/i, /^count$/i]);
  if (group && count) return { shape: 'long', lsoaCode, group, count };
  const groups = columns.flatMap((column) => {
    const label = /^Ethnic group: ([^:]+)$/i.exec(column.trim())?.[1];
    const broad = label === undefined ? undefined : broadGroupOfCensus(label);
    return broad ? [{ column, broad }] : [];
  });
  if (groups.length < censusGroups.length)
    throw new GeographyFormatError(
      `${file} is not the Census 2021 ethnic group table by LSOA (TS021): it needs an ethnic_group and an n column, or a column for each of the five groups ("Ethnic group: White" …); or, for the detailed groups by local authority, ltla21_code, ethnic_group and value columns, or a column for each of the 19 groups. Its columns: ${columns.slice(0, 12).join(', ')}`,
      'ethnicity',
    );
  return { shape: 'wide', lsoaCode, groups };
}
