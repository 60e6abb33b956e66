import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../features/access/access.policy.ts';
import { importColumns, maxImportRows } from '../../features/insight-tagging/import-csv.ts';
import { sentimentLabels, tagStatusLabels, type InsightTag } from '../../features/insight-tagging/tagging.ts';
import { FormError } from '../../features/shared/errors.ts';
import { sentiments } from '../../features/theme-classifier/taxonomy.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { uploadedFile } from '../middleware/multipart.ts';
import { formBody, handleForm } from './form-helpers.ts';
import { idParam, insightViewerOf, queryOf } from './partnership-helpers.ts';

const tag = { preHandler: requirePermission('insights:tag') };
const importing = { preHandler: requirePermission('insights:import') };

/** What the triage page shows of an item's tags, grouped for its template. */
export function taggingView(tags: InsightTag[]) {
  const decidable = (kind: InsightTag['kind']) => tags.filter((t) => t.kind === kind && t.source !== 'staff');
  const sentiment = tags.filter((t) => t.kind === 'sentiment');
  return {
    themes: decidable('theme'),
    groups: decidable('group'),
    qdc: tags.filter((t) => t.kind === 'qdc'),
    sentimentSuggested: sentiment.find((t) => t.source === 'model') ?? null,
    sentimentChosen: sentiment.find((t) => t.status === 'accepted')?.value ?? null,
    sentimentOptions: sentiments.map((value) => ({ value, text: sentimentLabels[value] })),
    sentimentLabels,
    statusLabels: tagStatusLabels,
  };
}

export function insightTaggingRoutes(app: FastifyInstance, services: Services): void {
  const { insightTagging } = services;
  const backToItem = (id: string) => `/insights/${id}?saved=1#suggested-tags`;

  app.post('/insights/:id/tags/:tagId', tag, async (request, reply) => {
    const id = idParam(request);
    const { verdict } = formBody(request.body);
    if (verdict !== 'accept' && verdict !== 'reject') return reply.code(400).send('Unknown verdict');
    const tagId = (request.params as { tagId: string }).tagId;
    await insightTagging.decide(insightViewerOf(request), id, tagId, verdict);
    return reply.redirect(backToItem(id), 303);
  });

  app.post('/insights/:id/sentiment', tag, async (request, reply) => {
    const id = idParam(request);
    try {
      await insightTagging.setSentiment(insightViewerOf(request), id, formBody(request.body).sentiment);
    } catch (error) {
      if (error instanceof FormError) return reply.code(400).send(error.message);
      throw error;
    }
    return reply.redirect(backToItem(id), 303);
  });

  app.post('/insights/:id/tags/suggest', tag, async (request, reply) => {
    const id = idParam(request);
    await insightTagging.suggestAgain(insightViewerOf(request), id);
    return reply.redirect(backToItem(id), 303);
  });

  app.get('/insights/summary', tag, async (request, reply) => {
    const q = queryOf(request);
    const withSuggestions = q.suggestions !== 'no';
    const summary = await insightTagging.summary(insightViewerOf(request), {
      withSuggestions,
      importId: q.import || undefined,
    });
    return reply.view('pages/insight-tagging/summary.njk', {
      pageTitle: 'Themes by community and place',
      summary,
      withSuggestions,
      importId: q.import ?? '',
      sentimentLabels,
      notice: q.tagged
        ? `Suggested tags for ${q.tagged} more issue${q.tagged === '1' ? '' : 's'}.`
        : undefined,
    });
  });

  app.post('/insights/summary/tag-all', tag, async (request, reply) => {
    const count = await insightTagging.tagUntagged(insightViewerOf(request));
    return reply.redirect(`/insights/summary?tagged=${count}`, 303);
  });

  const importContext = { pageTitle: 'Import comments', importColumns, maxImportRows };

  app.get('/insights/import', importing, async (_request, reply) =>
    reply.view('pages/insight-tagging/import.njk', { ...importContext, values: {} }),
  );

  app.post('/insights/import', importing, async (request, reply) => {
    const file = uploadedFile(request, 'file');
    let report: Awaited<ReturnType<typeof insightTagging.importComments>> | undefined;
    const shown = await handleForm(
      reply,
      { template: 'pages/insight-tagging/import.njk', context: importContext, values: {} },
      async () => {
        if (!file) throw new FormError([{ field: 'file', message: 'Choose a CSV file of comments' }]);
        if (file.tooLarge)
          throw new FormError([{ field: 'file', message: 'The file must be smaller than 10 MB' }]);
        report = await insightTagging.importComments(insightViewerOf(request), {
          name: file.filename || 'comments.csv',
          text: file.data.toString('utf8'),
        });
      },
    );
    if (shown) return reply;
    return reply.view('pages/insight-tagging/imported.njk', { pageTitle: 'Comments imported', report });
  });
}

/** For the insight page: the item's tags when the viewer may tag, else null. */
export async function taggingFor(services: Services, request: FastifyRequest, id: string) {
  const viewer = insightViewerOf(request);
  if (!can({ id: viewer.id, role: viewer.role }, 'insights:tag')) return null;
  return taggingView(await services.insightTagging.forItem(viewer, id));
}
