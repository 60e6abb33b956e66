import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface ThemeSummary {
  /** Items counted. */
  items: number;
  themes: string[];
  communities: { community: string; counts: Record<string, number>; items: number }[];
  places: { place: string; counts: Record<string, number>; items: number }[];
  sentiment: Record<string, number>;
}

function tally<K extends string>(
  keysOf: (id: string) => string[],
  itemThemes: Map<string, Set<string>>,
  ids: string[],
) {
  const out = new Map<K, { counts: Record<string, number>; items: number }>();
  for (const id of ids) {
    for (const key of keysOf(id) as K[]) {
      const entry = out.get(key) ?? { counts: {}, items: 0 };
      entry.items++;
      for (const theme of itemThemes.get(id) ?? []) entry.counts[theme] = (entry.counts[theme] ?? 0) + 1;
      out.set(key, entry);
    }
  }
  return [...out.entries()].sort((a, b) => b[1].items - a[1].items || (a[0] < b[0] ? -1 : 1));
}

/**
 * Themes by community and by place. Themes are the confirmed ones, plus, when `withSuggestions`,
 * suggestions staff have not yet rejected; sentiment is the confirmed one, else the suggestion.
 */
export async function themeSummary(
  db: Kysely<Database>,
  options: { withSuggestions: boolean; importId?: string | undefined },
): Promise<ThemeSummary> {
  let itemQuery = db.selectFrom('insight_items').select(['insight_items.id', 'insight_items.place']);
  if (options.importId) {
    itemQuery = itemQuery
      .innerJoin('insight_import_items', 'insight_import_items.insight_id', 'insight_items.id')
      .where('insight_import_items.import_id', '=', options.importId);
  }
  const items = await itemQuery.execute();
  const [confirmed, tags, communities] = await Promise.all([
    db
      .selectFrom('insight_item_themes')
      .innerJoin('insight_themes', 'insight_themes.id', 'insight_item_themes.theme_id')
      .select(['insight_item_themes.insight_id', 'insight_themes.name'])
      .execute(),
    db
      .selectFrom('insight_tags')
      .select(['insight_id', 'kind', 'value', 'status'])
      .where('kind', 'in', ['theme', 'sentiment'])
      .execute(),
    db.selectFrom('insight_item_communities').select(['insight_id', 'community']).execute(),
  ]);
  const itemThemes = new Map<string, Set<string>>();
  const add = (id: string, theme: string) => itemThemes.set(id, (itemThemes.get(id) ?? new Set()).add(theme));
  for (const c of confirmed) add(c.insight_id, c.name);
  const sentimentOf = new Map<string, string>();
  for (const t of tags) {
    if (t.kind === 'theme' && options.withSuggestions && t.status === 'suggested') add(t.insight_id, t.value);
    if (t.kind === 'sentiment' && t.status !== 'rejected') {
      if (t.status === 'accepted' || !sentimentOf.has(t.insight_id)) sentimentOf.set(t.insight_id, t.value);
    }
  }
  const ids = items.map((i) => i.id);
  const placeOf = new Map(items.map((i) => [i.id, i.place?.trim() || 'Not given']));
  const communitiesOf = new Map<string, string[]>();
  for (const c of communities)
    communitiesOf.set(c.insight_id, [...(communitiesOf.get(c.insight_id) ?? []), c.community]);
  const sentiment: Record<string, number> = {};
  for (const id of ids) {
    const s = sentimentOf.get(id) ?? 'unknown';
    sentiment[s] = (sentiment[s] ?? 0) + 1;
  }
  const themes = [...new Set(ids.flatMap((id) => [...(itemThemes.get(id) ?? [])]))].sort();
  return {
    items: ids.length,
    themes,
    communities: tally((id) => communitiesOf.get(id) ?? ['Not given'], itemThemes, ids).map(
      ([community, v]) => ({ community, ...v }),
    ),
    places: tally((id) => [placeOf.get(id)!], itemThemes, ids).map(([place, v]) => ({ place, ...v })),
    sentiment,
  };
}
