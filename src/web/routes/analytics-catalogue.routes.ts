import type { FastifyInstance } from 'fastify';
import { indicatorIdPattern } from '../../analytics/indicators/schema.ts';
import { formValuesOf } from '../../features/analytics/indicator-form.ts';
import { NotFoundError } from '../../features/shared/errors.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { formBody, handleForm } from './form-helpers.ts';
import { actorOf } from './partnership-helpers.ts';

const manage = { preHandler: requirePermission('analytics:manage') };

/** Staff pages: the indicator catalogue, and adding an indicator without code. */
export function analyticsCatalogueRoutes(app: FastifyInstance, services: Services): void {
  const { analytics } = services;
  const newForm = {
    template: 'pages/analytics/indicator-new.njk',
    context: { pageTitle: 'Add an indicator' },
  };

  app.get('/analytics/catalogue', manage, async (request, reply) => {
    const indicators = await analytics.catalogue();
    const query = request.query as { added?: string; removed?: string };
    const added = indicators.find((i) => i.id === query.added);
    // Named from the query only when it is a well-formed identifier that is no longer listed.
    const removed =
      query.removed &&
      indicatorIdPattern.test(query.removed) &&
      !indicators.some((i) => i.id === query.removed)
        ? query.removed
        : null;
    const unknownFields = added ? await analytics.fieldsNoDatasetHas(added.id) : [];
    return reply.view('pages/analytics/catalogue.njk', {
      pageTitle: 'Indicator catalogue',
      indicators,
      unknownFields,
      notice: added
        ? `Added ${added.title}. It is computed for every dataset that has the fields it reads.`
        : removed
          ? `Removed the indicator ${removed}. Results already worked out for it are kept.`
          : undefined,
    });
  });

  app.get('/analytics/catalogue/:key/remove', manage, async (request, reply) => {
    const key = (request.params as { key: string }).key;
    const indicator = (await analytics.catalogue()).find((i) => i.id === key && !i.builtIn);
    if (!indicator) throw new NotFoundError('There is no added indicator with this identifier');
    return reply.view('pages/analytics/indicator-remove.njk', {
      pageTitle: 'Remove this indicator',
      indicator,
    });
  });

  app.post('/analytics/catalogue/:key/remove', manage, async (request, reply) => {
    const key = (request.params as { key: string }).key;
    await analytics.removeIndicator(actorOf(request), key);
    return reply.redirect(`/analytics/catalogue?removed=${encodeURIComponent(key)}`, 303);
  });

  // ?like=<id>: filled in with that indicator, to change what differs.
  app.get('/analytics/catalogue/new', manage, async (request, reply) => {
    const like = (request.query as { like?: string }).like;
    const model = like ? (await analytics.indicators()).find((i) => i.id === like) : undefined;
    const values = model ? formValuesOf(model) : { programme: 'Local' };
    return reply.view(newForm.template, { ...newForm.context, values, like: model?.title });
  });

  app.post('/analytics/catalogue/new', manage, async (request, reply) => {
    const values = formBody(request.body);
    let id = '';
    const shown = await handleForm(reply, { ...newForm, values }, async () => {
      ({ id } = await analytics.addIndicatorFromForm(actorOf(request), values));
    });
    return shown ? reply : reply.redirect(`/analytics/catalogue?added=${encodeURIComponent(id)}`, 303);
  });
}
