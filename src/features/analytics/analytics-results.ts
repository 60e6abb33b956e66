// The indicator catalogue (built in and added by people) and the stored results: listing,
// reading and publishing them.
import { randomUUID } from 'node:crypto';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import type { LimitsBasis } from '../../analytics/indicators/rounded-basis.ts';
import { indicatorSchema, type IndicatorDefinition } from '../../analytics/indicators/schema.ts';
import type { Actor } from '../audit/audit.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import type { AnalyticsContext } from './analytics-context.ts';
import * as repo from './analytics.repository.ts';
import { allIndicators, customIndicators as customIndicatorsOf } from './indicator-list.ts';
import { resultsByIndicator, toStoredResult, type ResultOfDataset, type StoredResult } from './analytics.ts';
import {
  catalogueEntry,
  formErrorsOfIndicator,
  indicatorFromForm,
  type IndicatorFormValues,
} from './indicator-form.ts';

/** Another version of the same indicator from the same dataset. */
export interface ResultVersion {
  id: string;
  status: string;
  computedAt: string;
}

/** A result whose limits were worked out on another basis than the server's DISCLOSURE_LIMITS. */
export interface OutdatedLimits {
  from: LimitsBasis;
  now: LimitsBasis;
  /** What changed, in words: "… worked out from the exact counts, but this server now …". */
  change: string;
}

const basisInWords: Record<LimitsBasis, string> = {
  exact: 'the exact counts',
  rounded: 'the rounded counts it publishes',
};

export function resultOperations(ctx: AnalyticsContext) {
  /** Results stored before the setting changed keep the basis they were worked out on. */
  const outdatedLimits = (stored: StoredResult): OutdatedLimits | null => {
    const from = stored.result.limitsFrom ?? 'exact';
    const now = ctx.limitsFrom ?? 'exact';
    if (from === now) return null;
    const change = `This result's percentages, rates and confidence intervals were worked out from ${basisInWords[from]}, but this server now works them out from ${basisInWords[now]} (DISCLOSURE_LIMITS).`;
    return { from, now, change };
  };
  /** A stored result; drafts only for those who may see them. */
  const readableResult = async (id: string, includeDrafts: boolean): Promise<repo.ResultWithDataset> => {
    const row = await repo.findResult(ctx.db, id);
    if (!row || (!includeDrafts && row.status !== 'published')) throw new NotFoundError('No such result');
    return row;
  };
  /** When the reference geography was last imported (through the service: page or command line). */
  const lastGeographyImport = async (): Promise<string | null> => {
    const { entries } = await ctx.audit.list({ action: 'analytics.geography.imported', page: 1 });
    return entries[0]?.at ?? null;
  };
  const otherVersionOf = async (row: repo.ResultRow): Promise<ResultVersion | null> => {
    const other = await repo.findOtherVersion(ctx.db, row);
    return other ? { id: other.id, status: other.status, computedAt: other.computed_at } : null;
  };

  const customIndicators = () => customIndicatorsOf(ctx.db);
  const indicators = () => allIndicators(ctx.db);

  async function addIndicator(actor: Actor, definition: unknown): Promise<IndicatorDefinition> {
    const parsed = parseInput(indicatorSchema, definition);
    if ((await indicators()).some((i) => i.id === parsed.id))
      throw new FormError([{ field: 'id', message: `An indicator called ${parsed.id} already exists` }]);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertIndicator(trx, {
        id: randomUUID(),
        indicator_key: parsed.id,
        definition_json: JSON.stringify(parsed),
        created_by: actor.id,
        created_by_label: actor.label,
        created_at: ctx.now(),
      });
      await ctx.audit.record(trx, actor, {
        action: 'analytics.indicator.added',
        entityType: 'analytics_indicator',
        entityId: parsed.id,
        summary: `Added indicator ${parsed.title}`,
        after: parsed,
      });
    });
    return parsed;
  }

  return {
    indicators,
    addIndicator,

    /** Every indicator, built in first, as the catalogue page lists them. */
    async catalogue() {
      return [
        ...builtInIndicators().map((i) => catalogueEntry(i, true)),
        ...(await customIndicators()).map((i) => catalogueEntry(i, false)),
      ];
    },

    /**
     * Removes an indicator people added, so that it is no longer computed. Results already worked
     * out for it stay, as they were published.
     */
    async removeIndicator(actor: Actor, key: string): Promise<void> {
      const removed = (await customIndicators()).find((i) => i.id === key);
      if (!removed) throw new NotFoundError('No such added indicator');
      await ctx.db.transaction().execute(async (trx) => {
        await repo.deleteIndicator(trx, key);
        await ctx.audit.record(trx, actor, {
          action: 'analytics.indicator.removed',
          entityType: 'analytics_indicator',
          entityId: key,
          summary: `Removed indicator ${removed.title}`,
          before: removed,
        });
      });
    },

    /** Adds an indicator described by the web form; problems are named by the form's fields. */
    async addIndicatorFromForm(actor: Actor, values: IndicatorFormValues): Promise<IndicatorDefinition> {
      const definition = indicatorFromForm(values);
      try {
        return await addIndicator(actor, definition);
      } catch (error) {
        throw error instanceof FormError ? formErrorsOfIndicator(error) : error;
      }
    },

    async listResults(includeDrafts: boolean): Promise<StoredResult[]> {
      return (await repo.findResults(ctx.db, !includeDrafts)).map(toStoredResult);
    },

    /** A dataset's results, one per indicator by title, each with its published version and draft. */
    async resultsOfDataset(datasetId: string): Promise<ResultOfDataset[]> {
      return resultsByIndicator(await repo.findResultsOfDataset(ctx.db, datasetId));
    },

    async getResult(id: string, includeDrafts: boolean): Promise<StoredResult> {
      return toStoredResult(await readableResult(id, includeDrafts));
    },

    /** A result as its page shows it; staff also learn of its other version (draft or published). */
    async resultPage(
      id: string,
      includeDrafts: boolean,
    ): Promise<{
      stored: StoredResult;
      otherVersion: ResultVersion | null;
      outdatedLimits: OutdatedLimits | null;
      /** When the reference geography was imported again after the result was computed (for staff). */
      geographyImportedSince: string | null;
    }> {
      const row = await readableResult(id, includeDrafts);
      const stored = toStoredResult(row);
      if (!includeDrafts)
        return { stored, otherVersion: null, outdatedLimits: null, geographyImportedSince: null };
      const imported = await lastGeographyImport();
      return {
        stored,
        otherVersion: await otherVersionOf(row),
        outdatedLimits: outdatedLimits(stored),
        geographyImportedSince:
          imported !== null && Date.parse(imported) > Date.parse(stored.computedAt) ? imported : null,
      };
    },

    /**
     * Publishes a draft. Where a version is already published, the draft's figures replace it under
     * the published result's own address (so links to it, e.g. from EDS evidence, keep working) and
     * the draft goes. Returns the id of the published result.
     */
    async publish(actor: Actor, id: string): Promise<string> {
      const row = await repo.findResult(ctx.db, id);
      if (!row) throw new NotFoundError('No such result');
      if (row.status === 'published') return id;
      const outdated = outdatedLimits(toStoredResult(row));
      if (outdated)
        throw new FormError([
          {
            field: 'publish',
            message: `${outdated.change} Compute this dataset's indicators again before you publish it.`,
          },
        ]);
      const earlier = await repo.findOtherVersion(ctx.db, row);
      const publishedId = earlier?.id ?? id;
      await ctx.db.transaction().execute(async (trx) => {
        if (earlier) await repo.deleteResult(trx, id);
        await repo.updateResult(trx, publishedId, {
          status: 'published',
          title: row.title,
          result_json: row.result_json,
          computed_at: row.computed_at,
          computed_by_label: row.computed_by_label,
          published_at: ctx.now(),
          published_by_label: actor.label,
        });
        await ctx.audit.record(trx, actor, {
          action: 'analytics.result.published',
          entityType: 'analytics_result',
          entityId: publishedId,
          summary: earlier
            ? `Published ${row.title}, replacing the version computed ${earlier.computed_at}`
            : `Published ${row.title}`,
        });
      });
      return publishedId;
    },
  };
}
