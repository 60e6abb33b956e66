import type { FastifyInstance, FastifyRequest } from 'fastify';
import { peopleAffectedLabels, peopleAffectedOptions } from '../../features/insights/insight.ts';
import { communities } from '../../features/memberships/communities.ts';
import { chosenYear, financialYearLabel } from '../../features/outreach/financial-year.ts';
import {
  outreachKindLabels,
  outreachKinds,
  type OutreachActivity,
} from '../../features/outreach/outreach.ts';
import type { Services } from '../../services.ts';
import { groupCoverageChart } from '../charts/outreach-coverage-chart.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { handleForm, type FormBody } from './form-helpers.ts';
import { actionOwners, holds, partnerOrganisations, todayOf, yearItems } from './outreach-helpers.ts';
import { idParam, insightViewerOf, optionsOf, partnershipForm, queryOf } from './partnership-helpers.ts';

const record = { preHandler: requirePermission('outreach:record') };
const manage = { preHandler: requirePermission('outreach:manage') };

function editValues(a: OutreachActivity): FormBody {
  return {
    kind: a.kind,
    title: a.title,
    heldOn: a.heldOn,
    placeId: a.placeId ?? '',
    wardCode: a.wardCode ?? '',
    location: a.location ?? '',
    organisationId: a.organisationId ?? '',
    peopleReached: String(a.peopleReached),
    languages: a.languages.join(', '),
    heard: a.heard ?? '',
    // Checkbox lists travel as lists, as partnershipForm keeps them.
    communities: a.communities as unknown as string,
  };
}

export function outreachRoutes(app: FastifyInstance, services: Services): void {
  const { outreach, places } = services;

  const formContext = async (request: FastifyRequest, pageTitle: string) => ({
    pageTitle,
    staff: holds(request, 'outreach:manage'),
    kindItems: optionsOf(outreachKinds, outreachKindLabels),
    places: await places.list(true),
    wards: await outreach.wards(),
    organisations: holds(request, 'outreach:manage') ? await partnerOrganisations(services) : [],
    communities,
  });

  app.get('/outreach', record, async (request, reply) => {
    const q = queryOf(request);
    const staff = holds(request, 'outreach:manage');
    const activities = await outreach.list(insightViewerOf(request), { placeId: q.place || undefined });
    return reply.view('pages/outreach/list.njk', {
      pageTitle: 'Outreach and connection',
      staff,
      activities,
      places: await places.list(true),
      filter: { place: q.place ?? '' },
      kindLabels: outreachKindLabels,
      notice: q.created ? 'Activity recorded.' : undefined,
    });
  });

  app.get('/outreach/new', record, async (request, reply) =>
    reply.view('pages/outreach/form.njk', {
      ...(await formContext(request, 'Record an outreach activity')),
      action: '/outreach/new',
      values: { heldOn: todayOf(services) },
    }),
  );

  app.post('/outreach/new', record, async (request, reply) => {
    const values = partnershipForm(request.body);
    const context = {
      ...(await formContext(request, 'Record an outreach activity')),
      action: '/outreach/new',
    };
    let id = '';
    const shown = await handleForm(
      reply,
      { template: 'pages/outreach/form.njk', context, values },
      async () => {
        id = await outreach.record(insightViewerOf(request), values);
      },
    );
    return shown ? reply : reply.redirect(`/outreach/${id}?created=1`, 303);
  });

  app.get('/outreach/coverage', record, async (request, reply) => {
    const q = queryOf(request);
    const year = chosenYear(q.year, todayOf(services));
    const placeId = q.place || undefined;
    const coverage = await outreach.coverage({ year, placeId });
    const allPlaces = await places.list(true);
    const placeName = allPlaces.find((p) => p.id === placeId)?.name;
    const where = placeName ?? 'all places';
    return reply.view('pages/outreach/coverage.njk', {
      pageTitle: 'Outreach coverage',
      coverage,
      chart: groupCoverageChart(
        coverage.groups,
        `People reached by group, ${financialYearLabel(year)}, ${where}`,
      ),
      yearLabel: financialYearLabel(year),
      where,
      years: yearItems(year, todayOf(services)),
      places: allPlaces,
      filter: { place: placeId ?? '' },
    });
  });

  const showContext = async (request: FastifyRequest, id: string) => {
    const activity = await outreach.get(insightViewerOf(request), id);
    return {
      pageTitle: activity.title,
      activity,
      staff: holds(request, 'outreach:manage'),
      kindLabels: outreachKindLabels,
      peopleItems: optionsOf(peopleAffectedOptions, peopleAffectedLabels),
    };
  };

  app.get('/outreach/:id', record, async (request, reply) => {
    const q = queryOf(request);
    const notice = q.created
      ? 'Activity recorded.'
      : q.saved
        ? 'Changes saved.'
        : q.raised
          ? 'Issue raised.'
          : undefined;
    const context = await showContext(request, idParam(request));
    return reply.view('pages/outreach/show.njk', {
      ...context,
      notice,
      values: { description: context.activity.heard ?? '' },
    });
  });

  app.post('/outreach/:id/insight', record, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const form = { template: 'pages/outreach/show.njk', context: await showContext(request, id), values };
    const shown = await handleForm(reply, form, () =>
      outreach.raiseInsight(insightViewerOf(request), id, values),
    );
    return shown ? reply : reply.redirect(`/outreach/${id}?raised=1`, 303);
  });

  app.get('/outreach/:id/edit', record, async (request, reply) => {
    const id = idParam(request);
    const activity = await outreach.get(insightViewerOf(request), id);
    return reply.view('pages/outreach/form.njk', {
      ...(await formContext(request, 'Change the activity')),
      action: `/outreach/${id}/edit`,
      activity,
      values: editValues(activity),
    });
  });

  app.post('/outreach/:id/edit', record, async (request, reply) => {
    const id = idParam(request);
    const activity = await outreach.get(insightViewerOf(request), id);
    const values = partnershipForm(request.body);
    const context = {
      ...(await formContext(request, 'Change the activity')),
      action: `/outreach/${id}/edit`,
      activity,
    };
    const shown = await handleForm(reply, { template: 'pages/outreach/form.njk', context, values }, () =>
      outreach.edit(insightViewerOf(request), id, values),
    );
    return shown ? reply : reply.redirect(`/outreach/${id}?saved=1`, 303);
  });

  const followUpContext = async (request: FastifyRequest, id: string) => ({
    pageTitle: 'Agree a follow-up action',
    activity: await outreach.get(insightViewerOf(request), id),
    owners: await actionOwners(services),
  });

  app.get('/outreach/:id/follow-up', manage, async (request, reply) =>
    reply.view('pages/outreach/follow-up.njk', {
      ...(await followUpContext(request, idParam(request))),
      values: { publishable: 'no' },
    }),
  );

  app.post('/outreach/:id/follow-up', manage, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const form = {
      template: 'pages/outreach/follow-up.njk',
      context: await followUpContext(request, id),
      values,
    };
    const shown = await handleForm(reply, form, () =>
      outreach.addFollowUp(insightViewerOf(request), id, values),
    );
    return shown ? reply : reply.redirect(`/outreach/${id}?saved=1`, 303);
  });
}
