import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RemovedDataset } from '../../features/analytics/analytics-dataset-removal.ts';
import type { Services } from '../../services.ts';
import { requirePermission, viewerCan } from '../middleware/authorise.ts';
import { handleForm } from './form-helpers.ts';
import { actorOf, idParam } from './partnership-helpers.ts';

const removing = { preHandler: requirePermission('analytics:remove-datasets') };
const template = 'pages/analytics/dataset-remove.njk';

/** Whether the signed-in person may remove datasets (the dataset page offers it only then). */
export const mayRemoveDatasets = (request: FastifyRequest): boolean =>
  viewerCan(request, 'analytics:remove-datasets');

/** The results that went with a removed dataset, in words ("" when there were none). */
function resultsInWords({ results, published }: RemovedDataset): string {
  if (results === 0) return '';
  if (results === 1) return `the result worked out from it${published ? ' (it was published)' : ''}`;
  return `the ${results} results worked out from it${published ? ` (${published} of them published)` : ''}`;
}

/** The success message on the datasets page after a removal. */
export function removedNotice(removed: RemovedDataset | null): string | undefined {
  if (!removed) return undefined;
  const results = resultsInWords(removed);
  if (removed.linked)
    return `Removed ${removed.name}, the link to the PostgreSQL table ${removed.sourceFile}${results ? `, and deleted ${results}` : ''}. The table itself has not been changed.`;
  const andResults = results ? `, and so ${removed.results === 1 ? 'has' : 'have'} ${results}` : '';
  return `Removed ${removed.name}. Its stored file has been deleted${andResults}.`;
}

/** Staff pages: confirm, then remove a dataset with its file and results. */
export function datasetRemovalRoutes(app: FastifyInstance, services: Services): void {
  const { analytics } = services;
  const context = async (id: string) => {
    const removal = await analytics.removalOf({ id });
    return { pageTitle: `Remove ${removal.dataset.name}`, removal };
  };

  app.get('/analytics/datasets/:id/remove', removing, async (request, reply) =>
    reply.view(template, await context(idParam(request))),
  );

  app.post('/analytics/datasets/:id/remove', removing, async (request, reply) => {
    const id = idParam(request);
    const form = { template, context: await context(id), values: {} };
    const shown = await handleForm(reply, form, () => analytics.removeDataset(actorOf(request), { id }));
    return shown ? reply : reply.redirect(`/analytics/datasets?removed=${encodeURIComponent(id)}`, 303);
  });
}
