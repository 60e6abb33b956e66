// What a file's age bands allow, read from the stored dataset once it is written: ESP2013 five-year
// bands (0-4 … 90+) give directly standardised rates, as ages in years do; the 15-19 band cannot be
// placed in Parity's bands (0-17 and 18-24 part it), so those rows are "Not known" by age band.
import type { AnalyticsStore } from '../store.ts';
import { literal } from '../sql-text.ts';
import { ageSource, type ColumnMapping } from './mapping.ts';

const STRADDLING = 3; // 15-19

export async function givenAgeBands(
  store: AnalyticsStore,
  stored: string,
  mapping: ColumnMapping,
): Promise<{ fiveYear: boolean; note: string | null }> {
  const column = mapping.columns.age_band;
  if (ageSource(mapping) || !column) return { fiveYear: false, note: null };
  const [row] = await store.query<{ banded: number | bigint; straddling: number | bigint }>(
    `SELECT count(esp_band) AS banded, count(*) FILTER (WHERE esp_band = ${STRADDLING} AND age_band IS NULL) AS straddling
      FROM read_parquet(${literal(stored)})`,
  );
  const straddling = Number(row?.straddling ?? 0);
  return {
    fiveYear: Number(row?.banded ?? 0) > 0,
    note:
      straddling === 0
        ? null
        : `${straddling.toLocaleString('en-GB')} ${straddling === 1 ? 'row' : 'rows'} in "${column}" ${straddling === 1 ? 'is' : 'are'} in the 15-19 band, which Parity's bands (0-17 and 18-24) part, so ${straddling === 1 ? 'it is' : 'they are'} "Not known" by age band; directly standardised rates use the five-year bands as they are.`,
  };
}
