import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import type { Theme } from './insight.ts';
import { themeSchema } from './insight.schema.ts';
import { findThemeByName, findThemes, insertTheme, updateTheme } from './theme.repository.ts';

/** The theme taxonomy: a starter list from the migration that administrators keep up to date. */
export function createThemeService(deps: { db: Kysely<Database>; audit: AuditService; clock: () => Date }) {
  const { db, audit, clock } = deps;

  async function assertNameFree(trx: Kysely<Database>, name: string, exceptId?: string): Promise<void> {
    const existing = await findThemeByName(trx, name);
    if (existing && existing.id !== exceptId) {
      throw new FormError([{ field: 'name', message: 'There is already a theme with this name' }]);
    }
  }

  return {
    list: (): Promise<Theme[]> => findThemes(db, { activeOnly: false }),

    async get(id: string): Promise<Theme> {
      const theme = (await findThemes(db, { activeOnly: false })).find((t) => t.id === id);
      if (!theme) throw new NotFoundError('No such theme');
      return theme;
    },

    async add(actor: Actor, input: unknown): Promise<void> {
      const data = parseInput(themeSchema, input);
      await db.transaction().execute(async (trx) => {
        await assertNameFree(trx, data.name);
        const id = await insertTheme(trx, data, clock().toISOString());
        await audit.record(trx, actor, {
          action: 'theme.add',
          entityType: 'insight_theme',
          entityId: id,
          summary: `Added the theme ${data.name}`,
          after: data,
        });
      });
    },

    async update(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(themeSchema, input);
      await db.transaction().execute(async (trx) => {
        await assertNameFree(trx, data.name, id);
        if (!(await updateTheme(trx, id, data, clock().toISOString())))
          throw new NotFoundError('No such theme');
        await audit.record(trx, actor, {
          action: 'theme.update',
          entityType: 'insight_theme',
          entityId: id,
          summary: `Changed the theme ${data.name}`,
          after: data,
        });
      });
    },
  };
}

export type ThemeService = ReturnType<typeof createThemeService>;
