import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Cohort, Figure, Measure } from './workforce.ts';

export async function replaceYear(
  db: Kysely<Database>,
  year: number,
  figures: Figure[],
  by: string,
  at: string,
): Promise<void> {
  await db.deleteFrom('workforce_years').where('year', '=', year).execute();
  const id = randomUUID();
  await db
    .insertInto('workforce_years')
    .values({ id, year, row_count: figures.length, imported_by: by, imported_at: at })
    .execute();
  for (let i = 0; i < figures.length; i += 200) {
    await db
      .insertInto('workforce_figures')
      .values(
        figures.slice(i, i + 200).map((f) => ({
          id: randomUUID(),
          year_id: id,
          measure: f.measure,
          cohort: f.cohort,
          cluster: f.cluster,
          value: f.value,
          base: f.base,
        })),
      )
      .execute();
  }
}

export async function findYears(db: Kysely<Database>) {
  const rows = await db.selectFrom('workforce_years').selectAll().orderBy('year', 'desc').execute();
  return rows.map((r) => ({
    year: Number(r.year),
    rowCount: Number(r.row_count),
    importedBy: r.imported_by,
    importedAt: r.imported_at,
  }));
}

export async function findFigures(db: Kysely<Database>): Promise<Figure[]> {
  const rows = await db
    .selectFrom('workforce_figures')
    .innerJoin('workforce_years', 'workforce_years.id', 'workforce_figures.year_id')
    .select(['workforce_years.year', 'measure', 'cohort', 'cluster', 'value', 'base'])
    .execute();
  return rows.map((r) => ({
    year: Number(r.year),
    measure: r.measure as Measure,
    cohort: r.cohort as Cohort,
    cluster: r.cluster,
    value: Number(r.value),
    base: r.base === null ? null : Number(r.base),
  }));
}
