import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { NotFoundError } from '../shared/errors.ts';
import { parseWorkforceCsv } from './workforce-csv.ts';
import { wresIndicators, type Indicator } from './workforce-indicators.ts';
import { wdesMetrics } from './workforce-wdes.ts';
import { findFigures, findYears, replaceYear } from './workforce.repository.ts';

export interface TrendRow {
  standard: string;
  code: string;
  title: string;
  label: string;
  unit: Indicator['headline']['unit'];
  values: (number | null)[];
}

export function createWorkforceService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, audit, clock } = deps;

  async function indicatorsFor(year: number) {
    const figures = await findFigures(db);
    return { wres: wresIndicators(figures, year), wdes: wdesMetrics(figures, year) };
  }

  return {
    years: () => findYears(db),

    /** Imports the documented CSV; each year in the file replaces any figures held for that year. */
    async importCsv(actor: Actor, text: string): Promise<number[]> {
      const figures = parseWorkforceCsv(text);
      const years = [...new Set(figures.map((f) => f.year))].sort();
      await db.transaction().execute(async (trx) => {
        for (const year of years) {
          await replaceYear(
            trx,
            year,
            figures.filter((f) => f.year === year),
            actor.label,
            clock().toISOString(),
          );
        }
        await audit.record(trx, actor, {
          action: 'workforce.import',
          entityType: 'workforce_year',
          entityId: years.join(','),
          summary: `Imported workforce equality figures for ${years.join(', ')} (${figures.length} rows)`,
        });
      });
      return years;
    },

    async year(year: number) {
      if (!(await findYears(db)).some((y) => y.year === year))
        throw new NotFoundError('No figures for that year');
      return indicatorsFor(year);
    },

    /** Each indicator's headline figure for every year held, oldest first. */
    async trend(): Promise<{ years: number[]; rows: TrendRow[] }> {
      const years = (await findYears(db)).map((y) => y.year).sort((a, b) => a - b);
      const figures = await findFigures(db);
      const perYear = years.map((year) => [...wresIndicators(figures, year), ...wdesMetrics(figures, year)]);
      const rows = (perYear[0] ?? []).map((first, i) => ({
        standard: first.standard,
        code: first.code,
        title: first.title,
        label: first.headline.label,
        unit: first.headline.unit,
        values: perYear.map((list) => list[i]?.headline.value ?? null),
      }));
      return { years, rows };
    },
  };
}

export type WorkforceService = ReturnType<typeof createWorkforceService>;
