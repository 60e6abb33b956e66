import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Theme } from './insight.ts';

export async function findThemes(db: Kysely<Database>, options: { activeOnly: boolean }): Promise<Theme[]> {
  let query = db.selectFrom('insight_themes').select(['id', 'name', 'description', 'active']);
  if (options.activeOnly) query = query.where('active', '=', 1);
  const rows = await query.orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    active: Number(r.active) === 1,
  }));
}

export async function findThemeByName(db: Kysely<Database>, name: string): Promise<Theme | undefined> {
  const rows = await findThemes(db, { activeOnly: false });
  return rows.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

export async function insertTheme(
  db: Kysely<Database>,
  theme: Omit<Theme, 'id'>,
  at: string,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('insight_themes')
    .values({
      id,
      name: theme.name,
      description: theme.description,
      active: theme.active ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function updateTheme(
  db: Kysely<Database>,
  id: string,
  theme: Omit<Theme, 'id'>,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('insight_themes')
    .set({ name: theme.name, description: theme.description, active: theme.active ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
