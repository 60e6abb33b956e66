import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actionStatusLabels } from '../../features/actions/action.ts';
import { insightStatusLabels } from '../../features/insights/insight.ts';
import { chosenYear, financialYearLabel } from '../../features/outreach/financial-year.ts';
import type { Place } from '../../features/places/place.ts';
import type { Services } from '../../services.ts';
import { groupCoverageChart } from '../charts/outreach-coverage-chart.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { handleForm, type FormBody } from './form-helpers.ts';
import { actionOwners, holds, todayOf, yearItems } from './outreach-helpers.ts';
import { actorOf, idParam, partnershipForm, queryOf } from './partnership-helpers.ts';

const manage = { preHandler: requirePermission('places:manage') };

function placeValues(p: Place): FormBody {
  return {
    name: p.name,
    summary: p.summary,
    priorities: p.priorities.join('\n'),
    planSummary: p.planSummary ?? '',
    partners: p.partners.join('\n'),
    published: p.published ? 'yes' : 'no',
  };
}

export function placeRoutes(app: FastifyInstance, services: Services): void {
  const { places } = services;

  app.get('/places', async (request, reply) =>
    reply.view('pages/places/list.njk', {
      pageTitle: 'Places and their plans',
      places: await places.list(holds(request, 'places:manage')),
      staff: holds(request, 'places:manage'),
    }),
  );

  const newContext = async () => ({
    pageTitle: 'Add a place',
    action: '/places/new',
    names: await places.unusedNames(),
  });

  app.get('/places/new', manage, async (_request, reply) =>
    reply.view('pages/places/form.njk', { ...(await newContext()), values: { published: 'no' } }),
  );

  app.post('/places/new', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    let id = '';
    const form = { template: 'pages/places/form.njk', context: await newContext(), values };
    const shown = await handleForm(reply, form, async () => {
      id = await places.create(actorOf(request), values);
    });
    return shown ? reply : reply.redirect(`/places/${id}?saved=1`, 303);
  });

  app.get('/places/:id', async (request, reply) => {
    const q = queryOf(request);
    const staff = holds(request, 'places:manage');
    const year = chosenYear(q.year, todayOf(services));
    const page = await places.page(idParam(request), { staff, year });
    const yearLabel = financialYearLabel(year);
    return reply.view('pages/places/show.njk', {
      pageTitle: page.place.name,
      ...page,
      staff,
      yearLabel,
      where: page.place.name,
      years: yearItems(year, todayOf(services)),
      chart: groupCoverageChart(
        page.coverage.groups,
        `People reached by group in ${page.place.name}, ${yearLabel}`,
      ),
      actionStatusLabels,
      insightStatusLabels,
      notice: q.saved ? 'Saved.' : undefined,
    });
  });

  const editContext = async (request: FastifyRequest) => {
    const place = await places.get(idParam(request), true);
    return {
      pageTitle: `Change ${place.name}`,
      action: `/places/${place.id}/edit`,
      place,
      names: [place.name, ...(await places.unusedNames())],
    };
  };

  app.get('/places/:id/edit', manage, async (request, reply) => {
    const context = await editContext(request);
    return reply.view('pages/places/form.njk', { ...context, values: placeValues(context.place) });
  });

  app.post('/places/:id/edit', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    const context = await editContext(request);
    const shown = await handleForm(reply, { template: 'pages/places/form.njk', context, values }, () =>
      places.edit(actorOf(request), context.place.id, values),
    );
    return shown ? reply : reply.redirect(`/places/${context.place.id}?saved=1`, 303);
  });

  const actionContext = async (request: FastifyRequest) => ({
    pageTitle: 'Add an action to the plan',
    place: await places.get(idParam(request), true),
    owners: await actionOwners(services),
  });

  app.get('/places/:id/actions/new', manage, async (request, reply) =>
    reply.view('pages/places/action-new.njk', {
      ...(await actionContext(request)),
      values: { publishable: 'no' },
    }),
  );

  app.post('/places/:id/actions/new', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    const context = await actionContext(request);
    const shown = await handleForm(reply, { template: 'pages/places/action-new.njk', context, values }, () =>
      places.addPlanAction(actorOf(request), context.place.id, values),
    );
    return shown ? reply : reply.redirect(`/places/${context.place.id}?saved=1`, 303);
  });
}
