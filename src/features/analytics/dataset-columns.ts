// Which column of the source file each of a dataset's fields was read from, in words for the
// dataset's page, so that whoever imported it can check what Parity recognised.
import type { CodingId } from '../../analytics/datasets/coded-measures.ts';
import { diagnosisMeasures, diagnosisMeasuresOf } from '../../analytics/datasets/diagnosis-measures.ts';
import { ageSource, sourceColumnsOf, type ColumnMapping } from '../../analytics/datasets/mapping.ts';
import { LSOA_FROM_POSTCODE, lsoaFromPostcode } from '../../analytics/datasets/lsoa-from-postcode.ts';
import { LSOA_FROM_NAME, lsoaFromName } from '../../analytics/datasets/lsoa-from-name.ts';

const codingNotes: Record<CodingId, string> = {
  attendance: 'attendance codes: 3 and 7 did not attend, 5 and 6 attended',
  'admission-method': 'admission method codes: 21 to 28 and 2A to 2D emergency',
  'cancer-stage': 'cancer stages: 2A read as 2, IIIB as 3; X and U not known',
};

export interface ColumnRead {
  field: string;
  /** The column's heading in the file, or null when the file gave no such column (`note` then says why, if it can). */
  column: string | null;
  note?: string;
}

export function columnsRead(mapping: ColumnMapping): ColumnRead[] {
  const c = mapping.columns;
  const standard: ColumnRead[] = [
    { field: 'Person identifier', column: c.person_id ?? null },
    lsoaFromPostcode(mapping)
      ? {
          field: 'LSOA code',
          column: c.postcode ?? null,
          note: `${mapping.lsoaVintage} LSOAs looked up from the postcodes in the postcode directory; the postcodes are not stored`,
        }
      : lsoaFromName(mapping)
        ? {
            field: 'LSOA code',
            column: c.lsoa_name ?? null,
            note: `${mapping.lsoaVintage} LSOA codes looked up from the LSOA names`,
          }
        : { field: 'LSOA code', column: c.lsoa_code, note: `${mapping.lsoaVintage} LSOAs` },
    ageSource(mapping) === 'date_of_birth'
      ? {
          field: 'Age',
          column: c.date_of_birth ?? null,
          note: 'worked out from the date of birth at the event date; the dates of birth are not stored',
        }
      : c.age || !c.age_band
        ? { field: 'Age', column: c.age ?? null }
        : { field: 'Age band', column: c.age_band },
    { field: 'Sex', column: c.sex ?? null },
    {
      field: 'Ethnic group',
      column: c.ethnicity ?? null,
      ...(c.ethnicity
        ? {
            note:
              mapping.ethnicityCoding === 'ons2021' ? 'ONS 2021 census groups' : 'NHS ethnic category codes',
          }
        : {}),
    },
    {
      field: 'Date',
      column: c.event_date ?? null,
      ...(c.event_date
        ? {
            note:
              mapping.dateOrder === 'month-first'
                ? 'gives the financial year; written month first (MM/DD/YYYY)'
                : 'gives the financial year',
          }
        : {}),
    },
  ];
  const named = (kind: string, fields: Record<string, string>): ColumnRead[] =>
    Object.entries(fields).map(([name, column]) => ({ field: `${kind}: ${name}`, column }));
  const measures = named('Measure', mapping.measures).map((read, i) => {
    const field = Object.keys(mapping.measures)[i]!;
    const coding = mapping.measureCodings[field];
    const givenAs = mapping.measuresGivenAs[field];
    if (givenAs === 'days') return { ...read, note: 'days, read as weeks (days ÷ 7)' };
    if (givenAs === 'start-date')
      return { ...read, note: 'the date each wait began: the weeks from it to the date of each row' };
    return coding ? { ...read, note: codingNotes[coding] } : read;
  });
  const diagnosed = diagnosisMeasuresOf(mapping).map(([field, column]) => {
    const { what, procedures } = diagnosisMeasures[field];
    const operated =
      procedures && mapping.mainProcedure ? ` with the main procedures in "${mapping.mainProcedure}"` : '';
    return { field: `Measure: ${field}`, column, note: `primary diagnoses${operated}, counting ${what}` };
  });
  const everyRow = mapping.allRows.map((field) => ({
    field: `Measure: ${field}`,
    column: null,
    note: 'every row, as the mapping says (allRows)',
  }));
  return [
    ...standard,
    ...measures,
    ...everyRow,
    ...diagnosed,
    ...named('Flag', mapping.flags),
    ...named('Kept as text', mapping.attributes),
  ];
}

/** The headings a file added to the dataset needs: every column its mapping reads. */
export const headingsNeeded = (mapping: ColumnMapping): string[] =>
  sourceColumnsOf(mapping).filter((column) => column !== LSOA_FROM_POSTCODE && column !== LSOA_FROM_NAME);
