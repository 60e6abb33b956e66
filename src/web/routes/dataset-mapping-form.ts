// The import form's column fields as a column mapping: a heading typed for a standard field, the
// worksheet named (and whether to read the others with the same headings too), and the LSOA
// vintage, ethnicity coding and order of dates when chosen, laid over the JSON mapping (if any) that
// the form's advanced box holds. Blank fields are left for the import to recognise.
import { FormError } from '../../features/shared/errors.ts';
import type { FormBody } from './form-helpers.ts';

/** The standard fields the form has a heading box for, in the order it shows them. */
export const columnFields = [
  { field: 'lsoa_code', label: 'LSOA code' },
  { field: 'person_id', label: 'Pseudonymised person identifier' },
  { field: 'age', label: 'Age in years' },
  { field: 'age_band', label: 'Age band, if there is no age in years' },
  { field: 'sex', label: 'Sex or gender' },
  { field: 'ethnicity', label: 'Ethnic group or category' },
  { field: 'event_date', label: 'Date of the event (it gives the financial year)' },
  {
    field: 'date_of_birth',
    label: 'Date of birth, if there is no age (age at the event is worked out; it is not stored)',
  },
  {
    field: 'postcode',
    label:
      'Postcode, if there is no LSOA code (the LSOA is looked up in the postcode directory; postcodes are not stored)',
  },
  {
    field: 'lsoa_name',
    label: 'LSOA name, if there is no LSOA code (the code is looked up in the reference geography)',
  },
] as const;

function parseJson(text: string | undefined): unknown {
  if (!text?.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FormError([{ field: 'mapping', message: 'The column mapping must be JSON, like the example' }]);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function mappingFromForm(values: FormBody): unknown {
  const json = parseJson(values.mapping);
  // Anything but an object is passed on as it is, for the import to name what is wrong with it.
  if (json !== undefined && !isObject(json)) return json;
  const columns = Object.fromEntries(
    columnFields
      .map(({ field }): [string, string] => [field, values[`column_${field}`]?.trim() ?? ''])
      .filter(([, heading]) => heading !== ''),
  );
  const chosen = (name: 'lsoaVintage' | 'ethnicityCoding' | 'dateOrder') =>
    values[name] && values[name] !== 'recognise' ? { [name]: values[name] } : {};
  const sheet = values.sheet?.trim();
  const settings = {
    ...chosen('lsoaVintage'),
    ...chosen('ethnicityCoding'),
    ...chosen('dateOrder'),
    ...(sheet ? { sheet } : {}),
    ...(values.allSheets === 'yes' ? { allSheets: true } : {}),
  };
  if (json === undefined && Object.keys(columns).length === 0 && Object.keys(settings).length === 0)
    return undefined;
  const base = json ?? {};
  const baseColumns = isObject(base.columns) ? base.columns : {};
  return {
    ...base,
    ...settings,
    ...(Object.keys(columns).length || base.columns !== undefined
      ? { columns: { ...baseColumns, ...columns } }
      : {}),
  };
}

/** Whether the person used any of the form's column settings (the box then shows open). */
export const usesColumnSettings = (values: FormBody): boolean =>
  columnFields.some(({ field }) => Boolean(values[`column_${field}`]?.trim())) ||
  ['lsoaVintage', 'ethnicityCoding', 'dateOrder'].some((n) => values[n] && values[n] !== 'recognise') ||
  Boolean(values.sheet?.trim()) ||
  values.allSheets === 'yes' ||
  Boolean(values.mapping?.trim());
