import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import { systemActor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { seesAllInsight, type InsightViewer } from '../insights/insight.ts';
import type { InsightService } from '../insights/insight.service.ts';
import { ForbiddenError, FormError, NotFoundError } from '../shared/errors.ts';
import type { LoadedModel } from '../theme-classifier/model-file.ts';
import { predictorFor, type Prediction } from '../theme-classifier/predictor.ts';
import { sentiments, type Sentiment } from '../theme-classifier/taxonomy.ts';
import type { CorrectedText } from '../theme-classifier/theme-model.ts';
import { importFile } from './import.ts';
import { themeSummary } from './summary.ts';
import { suggestTags, type InsightTag } from './tagging.ts';
import {
  decideTag,
  decidedItems,
  findTag,
  findTags,
  insertSuggestions,
  itemsWithoutTags,
  linkCommunity,
  linkThemeByName,
  replaceStaffTag,
} from './tagging.repository.ts';

const actorOf = (viewer: InsightViewer): Actor => ({ id: viewer.id, label: viewer.name });

function staffOnly(viewer: InsightViewer): void {
  if (!seesAllInsight(viewer)) throw new ForbiddenError('Only staff tag insight');
}

export function createInsightTaggingService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  insights: InsightService;
  clock: () => Date;
  /** The trained model, or null: then only the rules suggest. Loaded once, on first use. */
  loadModel: () => Promise<LoadedModel | null>;
}) {
  const { db, audit, insights, clock } = deps;
  const now = () => clock().toISOString();
  let model: Promise<{ id: string; predict: (text: string) => Prediction } | null> | undefined;
  const predictor = () =>
    (model ??= deps.loadModel().then((m) => (m ? { id: m.id, predict: predictorFor(m) } : null)));

  async function suggest(actor: Actor, insightId: string, text: string): Promise<number> {
    const loaded = await predictor();
    const tags = suggestTags(text, loaded ? loaded.predict(text) : null);
    return db.transaction().execute(async (trx) => {
      const added = await insertSuggestions(trx, insightId, tags, loaded?.id ?? null, now());
      if (added) {
        await audit.record(trx, actor, {
          action: 'insight.tags_suggested',
          entityType: 'insight',
          entityId: insightId,
          summary: `Suggested ${added} tag${added === 1 ? '' : 's'}${loaded ? ` (model ${loaded.id})` : ' (rules only)'}`,
        });
      }
      return added;
    });
  }

  async function tagOf(viewer: InsightViewer, insightId: string, tagId: string): Promise<InsightTag> {
    staffOnly(viewer);
    const tag = await findTag(db, tagId);
    if (!tag || tag.insightId !== insightId) throw new NotFoundError('No such tag');
    return tag;
  }

  /** Accepting a theme or group also adds it to the item; rejecting takes it off. */
  async function applyToItem(trx: Kysely<Database>, tag: InsightTag, accepted: boolean): Promise<void> {
    if (tag.kind === 'theme') await linkThemeByName(trx, tag.insightId, tag.value, accepted);
    if (tag.kind === 'group') await linkCommunity(trx, tag.insightId, tag.value, accepted);
  }

  const service = {
    hasModel: async () => (await predictor()) !== null,

    /** The item's tags; suggestions are made the first time staff look, if there are none yet. */
    async forItem(viewer: InsightViewer, insightId: string): Promise<InsightTag[]> {
      staffOnly(viewer);
      const item = await insights.get(viewer, insightId);
      let tags = await findTags(db, [insightId]);
      if (!tags.length) {
        await suggest(systemActor, insightId, `${item.title}. ${item.description}`);
        tags = await findTags(db, [insightId]);
      }
      return tags;
    },

    async suggestAgain(viewer: InsightViewer, insightId: string): Promise<number> {
      staffOnly(viewer);
      const item = await insights.get(viewer, insightId);
      return suggest(actorOf(viewer), insightId, `${item.title}. ${item.description}`);
    },

    /** Suggestions for up to `limit` items that have none (older submissions, other routes in). */
    async tagUntagged(viewer: InsightViewer, limit = 500): Promise<number> {
      staffOnly(viewer);
      let count = 0;
      for (const id of await itemsWithoutTags(db, limit)) {
        const item = await insights.get(viewer, id);
        if ((await suggest(systemActor, id, `${item.title}. ${item.description}`)) > 0) count++;
      }
      return count;
    },

    async decide(viewer: InsightViewer, insightId: string, tagId: string, verdict: 'accept' | 'reject') {
      const tag = await tagOf(viewer, insightId, tagId);
      if (tag.kind === 'qdc' || tag.kind === 'sentiment') {
        throw new FormError([{ field: 'tag', message: 'Choose the sentiment with its own buttons' }]);
      }
      const status = verdict === 'accept' ? 'accepted' : 'rejected';
      await db.transaction().execute(async (trx) => {
        await decideTag(trx, tag.id, status, actorOf(viewer), now());
        await applyToItem(trx, tag, status === 'accepted');
        await audit.record(trx, actorOf(viewer), {
          action: `insight.tag_${status}`,
          entityType: 'insight',
          entityId: insightId,
          summary: `${status === 'accepted' ? 'Confirmed' : 'Rejected'} the suggested ${tag.kind} “${tag.value}”`,
          before: { status: tag.status },
          after: { status, kind: tag.kind, value: tag.value, source: tag.source },
        });
      });
    },

    /** One click: the model's sentiment is confirmed if staff pick it, else rejected and replaced. */
    async setSentiment(viewer: InsightViewer, insightId: string, value: unknown): Promise<void> {
      staffOnly(viewer);
      await insights.get(viewer, insightId);
      if (!sentiments.includes(value as Sentiment)) {
        throw new FormError([
          { field: 'sentiment', message: 'Choose positive, neutral or mixed, or negative' },
        ]);
      }
      const suggested = (await findTags(db, [insightId])).filter(
        (t) => t.kind === 'sentiment' && t.source !== 'staff',
      );
      await db.transaction().execute(async (trx) => {
        for (const tag of suggested) {
          await decideTag(trx, tag.id, tag.value === value ? 'accepted' : 'rejected', actorOf(viewer), now());
        }
        if (!suggested.some((t) => t.value === value)) {
          await replaceStaffTag(trx, insightId, 'sentiment', value as string, actorOf(viewer), now());
        }
        await audit.record(trx, actorOf(viewer), {
          action: 'insight.sentiment',
          entityType: 'insight',
          entityId: insightId,
          summary: `Set the sentiment to ${value as string}`,
          after: { sentiment: value },
        });
      });
    },

    /** Items staff have decided on, as training rows for `parity themes train --include-corrections`. */
    async trainingCorrections(): Promise<CorrectedText[]> {
      return (await decidedItems(db)).map((item) => ({
        text: `${item.title}. ${item.description}`,
        themes: item.themes,
        sentiment: (item.sentiment as Sentiment | null) ?? null,
      }));
    },

    summary(viewer: InsightViewer, options: { withSuggestions: boolean; importId?: string | undefined }) {
      staffOnly(viewer);
      return themeSummary(db, options);
    },

    async importComments(viewer: InsightViewer, file: { name: string; text: string }) {
      staffOnly(viewer);
      return importFile({ db, audit, insights, clock, suggest }, viewer, file);
    },
  };
  return service;
}

export type InsightTaggingService = ReturnType<typeof createInsightTaggingService>;
