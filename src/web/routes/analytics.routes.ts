import type { FastifyInstance, FastifyRequest } from 'fastify';
import { statisticLabels } from '../../analytics/indicators/schema.ts';
import { can } from '../../features/access/access.policy.ts';
import {
  everyIndicatorColumns,
  everyIndicatorRows,
  exportRows,
  toCsv,
  toXlsx,
} from '../../features/analytics/export.ts';
import { aboutEverySheet, aboutSheet } from './analytics-about.ts';
import type { StoredResult } from '../../features/analytics/analytics.ts';
import { readingNotes } from '../../features/analytics/reading-notes.ts';
import type { Services } from '../../services.ts';
import { overviewHeadline } from './analytics-overview.ts';
import { indicatorPage, overviewRow } from './analytics-view.ts';
import { slugOf } from './analytics-format.ts';

const staff = (request: FastifyRequest): boolean =>
  can(
    request.viewer ? { id: request.viewer.user.id, role: request.viewer.user.role } : null,
    'analytics:manage',
  );

const idOf = (request: FastifyRequest): string => (request.params as { id: string }).id;

/** The indicator page's context: the result for the period asked for, and for staff its versions. */
export async function indicatorView(
  { analytics }: Services,
  request: FastifyRequest,
  id: string,
): Promise<Record<string, unknown>> {
  const { stored, otherVersion, outdatedLimits, geographyImportedSince } = await analytics.resultPage(
    id,
    staff(request),
  );
  const query = request.query as { period?: string; published?: string };
  const period = stored.result.periods.includes(query.period ?? '')
    ? (query.period as string)
    : stored.result.latestPeriod;
  return {
    pageTitle: stored.result.title,
    stored,
    otherVersion,
    outdatedLimits,
    geographyImportedSince,
    // Published from an earlier import of its dataset, which has since been imported again.
    fromEarlierImport:
      staff(request) && stored.datasetImportedAt !== null && stored.computedAt < stored.datasetImportedAt
        ? stored.datasetImportedAt
        : null,
    result: stored.result,
    page: indicatorPage(stored, period),
    published: query.published === '1' && stored.status === 'published',
    statisticLabel: statisticLabels[stored.result.statistic as keyof typeof statisticLabels],
    readingNotes: readingNotes(stored.result),
    unknownPeriod: query.period && query.period !== period ? query.period : null,
    isStaff: staff(request),
  };
}

/** Public pages: published, disclosure-controlled results (staff also see drafts). */
export function analyticsRoutes(app: FastifyInstance, services: Services): void {
  const { analytics } = services;

  app.get('/analytics', async (request, reply) => {
    const results = await analytics.listResults(staff(request));
    const rows = results
      .map(overviewRow)
      .sort((a, b) => a.programme.localeCompare(b.programme) || a.title.localeCompare(b.title));
    const programmes = [...new Set(rows.map((r) => r.programme))].map((programme) => ({
      programme,
      id: `programme-${slugOf(programme)}`,
      rows: rows.filter((r) => r.programme === programme),
    }));
    return reply.view('pages/analytics/overview.njk', {
      pageTitle: 'Health inequalities: where the gaps are',
      headline: overviewHeadline(rows),
      programmes,
      anyPublished: results.some((r) => r.status === 'published'),
      isStaff: staff(request),
    });
  });

  // Every published indicator in one file, for an annual report or a board paper: published
  // results only, whoever asks, so that no draft figure leaves by this route.
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/analytics/download.${format}`, async (request, reply) => {
      const latestOnly = (request.query as { periods?: string }).periods !== 'all';
      const results = (await analytics.listResults(false)).sort(
        (a, b) =>
          a.result.programme.localeCompare(b.result.programme) ||
          a.result.title.localeCompare(b.result.title) ||
          (a.datasetName ?? '').localeCompare(b.datasetName ?? ''),
      );
      const rows = everyIndicatorRows(results, latestOnly);
      const now = services.clock().toISOString();
      const name = `health-inequality-indicators-${latestOnly ? 'latest' : 'every-period'}-${now.slice(0, 10)}`;
      reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(toCsv(rows, everyIndicatorColumns));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(toXlsx(rows, 'Indicators', aboutEverySheet(results, latestOnly, now), everyIndicatorColumns));
    });
  }

  app.get('/analytics/indicators/:id', async (request, reply) =>
    reply.view('pages/analytics/indicator.njk', await indicatorView(services, request, idOf(request))),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/analytics/indicators/:id/download.${format}`, async (request, reply) => {
      const stored = await analytics.getResult(idOf(request), staff(request));
      const period = (request.query as { period?: string }).period;
      const rows = exportRows([stored.result], period || undefined);
      reply.header('content-disposition', `attachment; filename="${downloadName(stored, period)}.${format}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(rows));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(toXlsx(rows, stored.result.indicatorId, aboutSheet(stored, period || undefined)));
    });
  }
}

/**
 * "did-not-attend-outpatients-2024-2024-25": the indicator, the dataset (two datasets can give the
 * same indicator) and the period, if one was chosen, in letters, digits and hyphens only.
 */
function downloadName(stored: StoredResult, period: string | undefined): string {
  return [stored.result.indicatorId, stored.datasetName ?? '', period ?? '']
    .map(slugOf)
    .filter(Boolean)
    .join('-');
}
