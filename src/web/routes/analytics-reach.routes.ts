// Staff pages: who a dataset reaches, and the same tables as CSV or Excel.
import type { FastifyInstance } from 'fastify';
import { aboutReach, reachColumns, reachRows } from '../../features/analytics/reach-export.ts';
import { tableCsv, tableXlsx } from '../../features/analytics/table-file.ts';
import type { Services } from '../../services.ts';
import { requirePermission, viewerCan } from '../middleware/authorise.ts';
import { deprivationReachView, reachView } from './analytics-reach.ts';
import { readable } from './linked-table-problem.ts';
import { slugOf } from './analytics-format.ts';
import { idParam } from './partnership-helpers.ts';

const manage = { preHandler: requirePermission('analytics:manage') };

export function analyticsReachRoutes(app: FastifyInstance, services: Services): void {
  const { analytics } = services;

  // Worked out where the data is, and remembered: the first count for a large dataset takes seconds,
  // so it has a page of its own rather than slowing the dataset's page.
  app.get('/analytics/datasets/:id/reach', manage, async (request, reply) => {
    const dataset = await analytics.getDataset(idParam(request));
    if (dataset.status !== 'ready') return reply.redirect(`/analytics/datasets/${dataset.id}`, 303);
    const read = await readable(dataset, async (name) => ({
      ethnic: await analytics.ethnicReach(name),
      deprivation: await analytics.deprivationReach(name),
    }));
    const counted = 'counted' in read ? read.counted : null;
    return reply.view('pages/analytics/dataset-reach.njk', {
      pageTitle: `Who ${dataset.name} reaches`,
      dataset,
      reach: counted && reachView(counted.ethnic),
      deprivationReach: counted && deprivationReachView(counted.deprivation),
      tableProblem: 'problem' in read ? read.problem : null,
      mayImportGeography: viewerCan(request, 'analytics:geography'),
    });
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/analytics/datasets/:id/reach.${format}`, manage, async (request, reply) => {
      const dataset = await analytics.getDataset(idParam(request));
      if (dataset.status !== 'ready') return reply.redirect(`/analytics/datasets/${dataset.id}`, 303);
      const read = await readable(dataset, async (name) => ({
        deprivation: await analytics.deprivationReach(name),
        ethnic: await analytics.ethnicReach(name),
      }));
      // A linked table that cannot be read now: its page says why.
      if (!('counted' in read)) return reply.redirect(`/analytics/datasets/${dataset.id}/reach`, 303);
      const { deprivation, ethnic } = read.counted;
      const rows = reachRows(deprivation, ethnic);
      const now = services.clock().toISOString();
      const name = `who-${slugOf(dataset.name) || 'the-dataset'}-reaches-${now.slice(0, 10)}`;
      reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(tableCsv(rows, reachColumns));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(tableXlsx(rows, reachColumns, 'Who it reaches', aboutReach(dataset, deprivation, ethnic, now)));
    });
  }
}
