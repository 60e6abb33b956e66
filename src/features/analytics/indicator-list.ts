// Every indicator: the built-in catalogue and those added without code, stored in the database.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { indicatorSchema, type IndicatorDefinition } from '../../analytics/indicators/schema.ts';
import * as repo from './analytics.repository.ts';

/**
 * The indicators people added. A definition stored before a rule was tightened (e.g. "> '> 52'",
 * accepted until 2026-11-23) is left out rather than stopping every computation.
 */
export async function customIndicators(db: Kysely<Database>): Promise<IndicatorDefinition[]> {
  return (await repo.findCustomIndicators(db)).flatMap((c) => {
    const parsed = indicatorSchema.safeParse(JSON.parse(c.definition_json));
    return parsed.success ? [parsed.data] : [];
  });
}

export async function allIndicators(db: Kysely<Database>): Promise<IndicatorDefinition[]> {
  return [...builtInIndicators(), ...(await customIndicators(db))];
}
