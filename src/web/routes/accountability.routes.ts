import type { FastifyInstance } from 'fastify';
import { actionStatusLabels } from '../../features/actions/action.ts';
import { nextQuarter, previousQuarter } from '../../features/accountability/accountability.ts';
import { insightStatusLabels } from '../../features/insights/insight.ts';
import { communities } from '../../features/memberships/communities.ts';
import type { Services } from '../../services.ts';
import { queryOf } from './partnership-helpers.ts';

/** Public pages: only records staff marked publishable, and only their anonymised summaries. */
export function accountabilityRoutes(app: FastifyInstance, services: Services): void {
  const { accountability } = services;
  const labels = { insightStatusLabels, actionStatusLabels };

  app.get('/you-said-we-did', async (request, reply) => {
    const q = queryOf(request);
    const page = await accountability.page({
      community: q.community,
      themeId: q.themeId,
      service: q.service,
      place: q.place,
    });
    return reply.view('pages/you-said-we-did/index.njk', {
      pageTitle: 'You said, we did',
      ...page,
      communities,
      ...labels,
    });
  });

  app.get('/you-said-we-did/quarterly', async (request, reply) => {
    const summary = await accountability.quarter(queryOf(request).quarter);
    return reply.view('pages/you-said-we-did/quarterly.njk', {
      pageTitle: `You said, we did: ${summary.quarter.label}`,
      ...summary,
      previous: previousQuarter(summary.quarter),
      next: nextQuarter(summary.quarter),
      ...labels,
    });
  });
}
