import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  actionStatuses,
  actionStatusLabels,
  type Action,
  type ActionFilter,
  type ActionStatus,
} from '../../features/actions/action.ts';
import type { InsightItem } from '../../features/insights/insight.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { handleForm, type FormBody } from './form-helpers.ts';
import { actorOf, idParam, insightViewerOf, partnershipForm, queryOf } from './partnership-helpers.ts';

const manage = { preHandler: requirePermission('actions:manage') };

function editValues(action: Action): FormBody {
  return {
    title: action.title,
    description: action.description,
    ownerUserId: action.ownerUserId ?? '',
    ownerRoleLabel: action.ownerRoleLabel,
    directorate: action.directorate,
    dueDate: action.dueDate,
    publishable: action.publishable ? 'yes' : 'no',
    publicSummary: action.publicSummary ?? '',
  };
}

export function actionRoutes(app: FastifyInstance, services: Services): void {
  const { actions, accounts, insights } = services;
  const labels = { statusLabels: actionStatusLabels, statuses: actionStatuses };

  const owners = async () =>
    (await accounts.list()).filter(
      (u) => (u.role === 'staff' || u.role === 'admin') && u.status !== 'disabled',
    );

  async function listPage(request: FastifyRequest, mine: boolean) {
    const q = queryOf(request);
    const status = (actionStatuses as readonly string[]).includes(q.status ?? '')
      ? (q.status as ActionStatus)
      : undefined;
    const filter: ActionFilter = {
      status,
      overdue: q.overdue === 'yes',
      ownerId: mine ? request.viewer!.user.id : undefined,
    };
    return {
      pageTitle: mine ? 'My actions' : 'Actions',
      mine,
      filter,
      actions: await actions.list(filter),
      ...labels,
    };
  }

  app.get('/actions', manage, async (request, reply) =>
    reply.view('pages/actions/list.njk', await listPage(request, false)),
  );
  app.get('/actions/mine', manage, async (request, reply) =>
    reply.view('pages/actions/list.njk', await listPage(request, true)),
  );

  const newContext = async (request: FastifyRequest, insightId: string | undefined) => {
    let insight: InsightItem | undefined;
    if (insightId) insight = await insights.get(insightViewerOf(request), insightId);
    return { pageTitle: 'Agree an action', insight, owners: await owners() };
  };

  app.get('/actions/new', manage, async (request, reply) => {
    const context = await newContext(request, queryOf(request).insight);
    return reply.view('pages/actions/new.njk', { ...context, values: { publishable: 'no' } });
  });

  app.post('/actions/new', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    const context = await newContext(request, values.insightId);
    let id = '';
    const shown = await handleForm(
      reply,
      { template: 'pages/actions/new.njk', context, values },
      async () => {
        id = context.insight
          ? await insights.agreeAction(insightViewerOf(request), context.insight.id, values)
          : (await actions.create(actorOf(request), values)).id;
      },
    );
    return shown ? reply : reply.redirect(`/actions/${id}?created=1`, 303);
  });

  const showContext = async (id: string) => {
    const action = await actions.get(id);
    return { pageTitle: action.title, action, ...labels };
  };

  app.get('/actions/:id', manage, async (request, reply) => {
    const q = queryOf(request);
    const notice = q.created ? 'Action agreed.' : q.saved ? 'Changes saved.' : undefined;
    const context = await showContext(idParam(request));
    return reply.view('pages/actions/show.njk', {
      ...context,
      notice,
      values: { status: context.action.status },
    });
  });

  const editContext = async (id: string) => ({
    pageTitle: 'Change the action',
    action: await actions.get(id),
    owners: await owners(),
  });

  app.get('/actions/:id/edit', manage, async (request, reply) => {
    const context = await editContext(idParam(request));
    return reply.view('pages/actions/edit.njk', { ...context, values: editValues(context.action) });
  });

  app.post('/actions/:id/edit', manage, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const form = { template: 'pages/actions/edit.njk', context: await editContext(id), values };
    const shown = await handleForm(reply, form, () => actions.edit(actorOf(request), id, values));
    return shown ? reply : reply.redirect(`/actions/${id}?saved=1`, 303);
  });

  for (const [path, change] of [
    [
      'updates',
      (request: FastifyRequest, id: string, values: FormBody) =>
        actions.addUpdate(actorOf(request), id, values),
    ],
    [
      'status',
      (request: FastifyRequest, id: string, values: FormBody) =>
        actions.changeStatus(actorOf(request), id, values),
    ],
  ] as const) {
    app.post(`/actions/:id/${path}`, manage, async (request, reply) => {
      const id = idParam(request);
      const values = partnershipForm(request.body);
      const context = await showContext(id);
      const form = {
        template: 'pages/actions/show.njk',
        context,
        values: { status: context.action.status, ...values },
      };
      const shown = await handleForm(reply, form, () => change(request, id, values));
      return shown ? reply : reply.redirect(`/actions/${id}?saved=1`, 303);
    });
  }
}
