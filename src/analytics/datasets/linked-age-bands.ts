// Age bands a linked PostgreSQL table gives instead of ages, read as an import reads a column of
// bands (standardise.ts): Parity's own (18-24) as they are, written otherwise ("18 to 24",
// "85 and over") as Parity's, and ESP2013's five-year bands (20-24) as the Parity band that holds
// them and, where the table has no esp_band or ages, as the five-year band for direct
// standardisation. The values are read when the table is linked and turned into bands in each
// query by a CASE over them, as ethnic groups are (linked-ethnicity.ts).
import { countInWords } from '../in-words.ts';
import type { PostgresSource } from '../postgres-source.ts';
import { literal } from '../sql-text.ts';
import type { AnalyticsStore } from '../store.ts';
import { ageBands, givenAgeBandSql, givenEspBandSql } from './standardise.ts';
import { MOST_VALUES_READ, mostHeldSql, readMostHeld, rowsHolding } from './values-read.ts';

/** A value of the column read: Parity's band and ESP2013's band index (null where it gives none). */
export interface AgeBandRead {
  band: string | null;
  esp: number | null;
}

export interface LinkedAgeBands {
  /** Value → what it was read as, for every value read (none when all are Parity's bands). */
  read: Record<string, AgeBandRead>;
  /** Whether the values give ESP2013's five-year bands. */
  fiveYear: boolean;
  /** Rows in 15-19, which Parity's bands part. */
  straddling: number;
  unreadRows: number;
  unreadExample: string | null;
  more: boolean;
}

const parityLabels = new Set(ageBands.map(([, , label]) => label));

/** The table's age bands, read (the table as SQL). */
export async function readLinkedAgeBands(
  source: PostgresSource,
  store: AnalyticsStore,
  table: string,
): Promise<LinkedAgeBands> {
  const { values, more } = await readMostHeld<{ band: string | null; esp: number | null }>(
    source,
    store,
    mostHeldSql(table, 'CAST(a.age_band AS text)', 'a.age_band IS NOT NULL'),
    { band: givenAgeBandSql('value'), esp: givenEspBandSql('value') },
  );
  const unread = values.filter((v) => v.band === null && v.esp === null && v.value.trim() !== '');
  // Read only where some value is not one of Parity's bands written as Parity writes it.
  const asTheyAre = values.every((v) => v.band === v.value && parityLabels.has(v.value));
  const fiveYear = values.some((v) => v.esp !== null);
  return {
    read: asTheyAre
      ? {}
      : Object.fromEntries(
          values.map((v) => [v.value, { band: v.band, esp: v.esp === null ? null : Number(v.esp) }]),
        ),
    fiveYear,
    straddling: rowsHolding(values.filter((v) => v.band === null && v.esp !== null)),
    unreadRows: rowsHolding(unread),
    unreadExample: unread[0]?.value ?? null,
    more,
  };
}

/** The link report's notes on a table's age bands. */
export function linkedAgeBandsNotes(bands: LinkedAgeBands): string[] {
  const rowsAre = (n: number) => (n === 1 ? '1 row is' : `${countInWords(n)} rows are`);
  const notes: string[] = [];
  if (bands.fiveYear)
    notes.push(
      `The table's age_band column holds ESP2013's five-year bands (20-24, 90+): each is read as the band of Parity's that holds it, and gives directly standardised rates. They were read when the table was linked; link it again to read bands added since.`,
    );
  if (bands.straddling)
    notes.push(
      `${rowsAre(bands.straddling)} in the 15-19 band, which Parity's bands (0-17 and 18-24) part, so "Not known" by age band; directly standardised rates use the five-year bands as they are.`,
    );
  if (bands.unreadRows)
    notes.push(
      `${rowsAre(bands.unreadRows)} in an age band Parity cannot read (for example "${bands.unreadExample}"): counted as not known. The bands read are Parity's (0-17, 18-24 … 85+) and ESP2013's five-year bands, written with a dash or "to".${bands.more ? ` The table has more than ${MOST_VALUES_READ} different age bands, and Parity read the ${MOST_VALUES_READ} of most rows.` : ''}`,
    );
  return notes;
}

/** A CASE over the values read giving Parity's band (`band`) or ESP2013's band index (`esp`). */
export function linkedAgeBandSql(
  column: string,
  read: Record<string, AgeBandRead>,
  give: keyof AgeBandRead,
): string {
  const whens = Object.entries(read)
    .filter(([, r]) => r[give] !== null)
    .map(([value, r]) => `WHEN ${literal(value)} THEN ${literal(r[give])}`);
  const nothing = give === 'band' ? 'CAST(NULL AS VARCHAR)' : 'CAST(NULL AS INTEGER)';
  return whens.length ? `CASE CAST(${column} AS VARCHAR) ${whens.join(' ')} END` : nothing;
}
