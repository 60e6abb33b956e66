import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  agreementStatusLabels,
  agreementStatuses,
  paymentStateLabels,
} from '../../features/agreements/agreement.ts';
import { formatPence } from '../../features/agreements/money.ts';
import { communities } from '../../features/memberships/communities.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { handleForm } from './form-helpers.ts';
import { holds, partnerOrganisations, todayOf } from './outreach-helpers.ts';
import { idParam, insightViewerOf, optionsOf, partnershipForm, queryOf } from './partnership-helpers.ts';

const view = { preHandler: requirePermission('agreements:view') };
const manage = { preHandler: requirePermission('agreements:manage') };

const labels = { statusLabels: agreementStatusLabels, paymentLabels: paymentStateLabels, formatPence };

const notices: Record<string, string> = {
  created: 'Agreement recorded.',
  saved: 'Changes saved.',
  reported: 'Delivery reported. Thank you.',
};

/** The three staff forms that add to an agreement: payments, deliverables and milestones. */
const parts = [
  { path: 'instalments', template: 'instalment', title: 'Schedule a payment', change: 'addInstalment' },
  { path: 'deliverables', template: 'deliverable', title: 'Add a deliverable', change: 'addDeliverable' },
  { path: 'milestones', template: 'milestone', title: 'Add a milestone', change: 'addMilestone' },
] as const;

export function agreementRoutes(app: FastifyInstance, services: Services): void {
  const { agreements, places } = services;
  const viewer = insightViewerOf;

  app.get('/agreements', view, async (request, reply) => {
    const staff = holds(request, 'agreements:manage');
    return reply.view('pages/agreements/list.njk', {
      pageTitle: 'Funded partner agreements',
      staff,
      agreements: await agreements.list(viewer(request)),
      totals: staff ? await agreements.totals(viewer(request)) : null,
      ...labels,
    });
  });

  const newContext = async () => ({
    pageTitle: 'Record a funded agreement',
    organisations: await partnerOrganisations(services),
    places: await places.list(true),
    statusItems: optionsOf(agreementStatuses, agreementStatusLabels),
    communities,
  });

  app.get('/agreements/new', manage, async (_request, reply) =>
    reply.view('pages/agreements/new.njk', { ...(await newContext()), values: { status: 'active' } }),
  );

  app.post('/agreements/new', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    let id = '';
    const form = { template: 'pages/agreements/new.njk', context: await newContext(), values };
    const shown = await handleForm(reply, form, async () => {
      id = await agreements.create(viewer(request), values);
    });
    return shown ? reply : reply.redirect(`/agreements/${id}?created=1`, 303);
  });

  const showContext = async (request: FastifyRequest, id: string) => {
    const agreement = await agreements.get(viewer(request), id);
    return {
      pageTitle: agreement.title,
      agreement,
      staff: holds(request, 'agreements:manage'),
      today: todayOf(services),
      statusItems: optionsOf(agreementStatuses, agreementStatusLabels),
      ...labels,
    };
  };

  app.get('/agreements/:id', view, async (request, reply) => {
    const q = queryOf(request);
    const notice = Object.keys(notices).find((key) => q[key]);
    const context = await showContext(request, idParam(request));
    return reply.view('pages/agreements/show.njk', {
      ...context,
      notice: notice && notices[notice],
      values: { status: context.agreement.status },
    });
  });

  app.post('/agreements/:id/status', manage, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const form = { template: 'pages/agreements/show.njk', context: await showContext(request, id), values };
    const shown = await handleForm(reply, form, () => agreements.changeStatus(viewer(request), id, values));
    return shown ? reply : reply.redirect(`/agreements/${id}?saved=1`, 303);
  });

  for (const [path, change] of [
    ['instalments/:itemId/paid', 'markPaid'],
    ['milestones/:itemId/met', 'markMet'],
  ] as const) {
    app.post(`/agreements/:id/${path}`, manage, async (request, reply) => {
      const { id, itemId } = request.params as { id: string; itemId: string };
      const date = todayOf(services);
      await agreements[change](viewer(request), id, itemId, { paidOn: date, metOn: date });
      return reply.redirect(`/agreements/${id}?saved=1`, 303);
    });
  }

  for (const part of parts) {
    const template = `pages/agreements/${part.template}.njk`;
    const context = async (request: FastifyRequest) => ({
      pageTitle: part.title,
      agreement: await agreements.get(viewer(request), idParam(request)),
      communities,
      formatPence,
    });
    app.get(`/agreements/:id/${part.path}/new`, manage, async (request, reply) =>
      reply.view(template, { ...(await context(request)), values: {} }),
    );
    app.post(`/agreements/:id/${part.path}/new`, manage, async (request, reply) => {
      const id = idParam(request);
      const values = partnershipForm(request.body);
      const form = { template, context: await context(request), values };
      const shown = await handleForm(reply, form, () => agreements[part.change](viewer(request), id, values));
      return shown ? reply : reply.redirect(`/agreements/${id}?saved=1`, 303);
    });
  }

  const reportContext = async (request: FastifyRequest) => ({
    pageTitle: 'Report delivery',
    ...(await agreements.deliveryOptions(viewer(request), idParam(request))),
  });

  app.get('/agreements/:id/report', view, async (request, reply) =>
    reply.view('pages/agreements/report.njk', {
      ...(await reportContext(request)),
      values: { deliveredOn: todayOf(services) },
    }),
  );

  app.post('/agreements/:id/report', view, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const form = { template: 'pages/agreements/report.njk', context: await reportContext(request), values };
    const shown = await handleForm(reply, form, () => agreements.reportDelivery(viewer(request), id, values));
    return shown ? reply : reply.redirect(`/agreements/${id}?reported=1`, 303);
  });
}
