import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../features/access/access.policy.ts';
import { actionStatusLabels } from '../../features/actions/action.ts';
import {
  insightSourceLabels,
  insightStatuses,
  insightStatusLabels,
  insightTransitions,
  peopleAffectedLabels,
  peopleAffectedOptions,
  type InsightFilter,
  type InsightItem,
  type InsightStatus,
} from '../../features/insights/insight.ts';
import { communities } from '../../features/memberships/communities.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { handleForm, type FormBody } from './form-helpers.ts';
import { pagedTitle } from './paged-title.ts';
import { taggingFor } from './insight-tagging.routes.ts';
import {
  actorOf,
  idParam,
  insightViewerOf,
  optionsOf,
  partnershipForm,
  queryOf,
} from './partnership-helpers.ts';

const submit = { preHandler: requirePermission('insights:submit') };
const triage = { preHandler: requirePermission('insights:triage') };
const publicFormLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

function filterFrom(request: FastifyRequest): InsightFilter {
  const q = queryOf(request);
  return {
    status: (insightStatuses as readonly string[]).includes(q.status ?? '')
      ? (q.status as InsightStatus)
      : undefined,
    themeId: q.themeId || undefined,
    community: q.community || undefined,
    q: q.q?.trim().slice(0, 100) || undefined,
    page: Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1),
  };
}

function triageValues(item: InsightItem) {
  return {
    status: item.status,
    themeIds: item.themes.map((t) => t.id),
    noActionReason: item.noActionReason ?? '',
    triageNote: item.triageNote ?? '',
    publicSummary: item.publicSummary ?? '',
    publishable: item.publishable ? 'yes' : 'no',
  };
}

export function insightRoutes(app: FastifyInstance, services: Services): void {
  const { insights, actions, organisations } = services;
  const labels = {
    statusLabels: insightStatusLabels,
    peopleAffectedLabels,
    sourceLabels: insightSourceLabels,
  };

  const newContext = async (request: FastifyRequest) => {
    const user = request.viewer?.user;
    const staff = user ? can({ id: user.id, role: user.role }, 'insights:triage') : false;
    return {
      pageTitle: 'Tell us about an issue',
      signedIn: Boolean(user),
      staff,
      communities,
      peopleItems: optionsOf(peopleAffectedOptions, peopleAffectedLabels),
      organisations: staff ? (await organisations.list()).filter((o) => o.kind !== 'trust') : [],
    };
  };

  app.get('/insights/new', async (request, reply) =>
    reply.view('pages/insights/new.njk', await newContext(request)),
  );

  app.post('/insights/new', { config: publicFormLimit }, async (request, reply) => {
    const values = partnershipForm(request.body);
    let id = '';
    const form = { template: 'pages/insights/new.njk', context: await newContext(request), values };
    const shown = await handleForm(reply, form, async () => {
      id = request.viewer
        ? await insights.submit(insightViewerOf(request), values)
        : await insights.submitPublic(values);
    });
    if (shown) return reply;
    if (request.viewer) return reply.redirect(`/insights/${id}?submitted=1`, 303);
    return reply.view('pages/insights/thanks.njk', {
      pageTitle: 'Thank you for telling us',
      wantsReply: values.wantsReply === 'yes',
    });
  });

  app.get('/insights', submit, async (request, reply) => {
    const viewer = insightViewerOf(request);
    const filter = filterFrom(request);
    const [{ items, total }, themes] = await Promise.all([insights.list(viewer, filter), insights.themes()]);
    const params = new URLSearchParams(
      Object.entries({ ...filter, page: undefined }).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
    const pages = Math.max(1, Math.ceil(total / 25));
    return reply.view('pages/insights/list.njk', {
      pageTitle: pagedTitle('Intelligence and insight', filter.page ?? 1, pages),
      items,
      total,
      filter,
      themes,
      communities,
      statuses: insightStatuses,
      query: params.toString(),
      pages,
      staff: can({ id: viewer.id, role: viewer.role }, 'insights:export'),
      ...labels,
    });
  });

  app.get(
    '/insights/export.csv',
    { preHandler: requirePermission('insights:export') },
    async (request, reply) => {
      const csv = await insights.exportCsv(insightViewerOf(request), {
        ...filterFrom(request),
        page: undefined,
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="insight.csv"')
        .send(csv);
    },
  );

  const showContext = async (request: FastifyRequest, id: string) => {
    const viewer = insightViewerOf(request);
    const item = await insights.get(viewer, id);
    const staff = can({ id: viewer.id, role: viewer.role }, 'insights:triage');
    const [linked, related, themes] = await Promise.all([
      actions.list({ linkedTo: { targetType: 'insight', targetId: id } }),
      insights.related(viewer, id),
      staff ? insights.themes({ activeOnly: false }) : Promise.resolve([]),
    ]);
    return {
      pageTitle: item.title,
      item,
      staff,
      canEdit: staff || item.status !== 'closed',
      canReadHistory: can({ id: viewer.id, role: viewer.role }, 'audit:read'),
      linked,
      related,
      themes,
      nextStatuses: [item.status, ...insightTransitions[item.status]],
      tagging: await taggingFor(services, request, id),
      actionStatusLabels,
      ...labels,
    };
  };

  app.get('/insights/:id', submit, async (request, reply) => {
    const id = idParam(request);
    const context = await showContext(request, id);
    const q = queryOf(request);
    const notice = q.submitted ? 'Thank you. We have your issue.' : q.saved ? 'Changes saved.' : undefined;
    return reply.view('pages/insights/show.njk', { ...context, notice, values: triageValues(context.item) });
  });

  const editContext = async (request: FastifyRequest, id: string) => ({
    pageTitle: 'Change the issue',
    item: await insights.get(insightViewerOf(request), id),
    communities,
    peopleItems: optionsOf(peopleAffectedOptions, peopleAffectedLabels),
  });

  app.get('/insights/:id/edit', submit, async (request, reply) => {
    const context = await editContext(request, idParam(request));
    const { item } = context;
    const values = {
      ...item,
      service: item.service ?? '',
      place: item.place ?? '',
      evidence: item.evidence ?? '',
    };
    return reply.view('pages/insights/edit.njk', { ...context, values });
  });

  app.post('/insights/:id/edit', submit, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const form = { template: 'pages/insights/edit.njk', context: await editContext(request, id), values };
    const shown = await handleForm(reply, form, () => insights.edit(insightViewerOf(request), id, values));
    return shown ? reply : reply.redirect(`/insights/${id}?saved=1`, 303);
  });

  const staffPost = (
    path: string,
    change: (request: FastifyRequest, id: string, values: Record<string, unknown>) => Promise<unknown>,
  ) =>
    app.post(path, triage, async (request, reply) => {
      const id = idParam(request);
      const values = partnershipForm(request.body);
      const context = await showContext(request, id);
      const form = {
        template: 'pages/insights/show.njk',
        context,
        values: { ...(triageValues(context.item) as unknown as FormBody), ...values },
      };
      const shown = await handleForm(reply, form, () => change(request, id, values));
      return shown ? reply : reply.redirect(`/insights/${id}?saved=1`, 303);
    });

  staffPost('/insights/:id/triage', (request, id, values) =>
    insights.triage(insightViewerOf(request), id, values),
  );
  staffPost('/insights/:id/related', (request, id, values) =>
    insights.relate(insightViewerOf(request), id, values),
  );
  staffPost('/insights/:id/remove-contact', (request, id) =>
    insights.removeReplyContact(insightViewerOf(request), id),
  );

  themeRoutes(app, services);
}

function themeRoutes(app: FastifyInstance, services: Services): void {
  const { themes } = services;
  const manage = { preHandler: requirePermission('themes:manage') };
  const listContext = async () => ({ pageTitle: 'Insight themes', themes: await themes.list() });

  app.get('/admin/themes', manage, async (request, reply) =>
    reply.view('pages/insights/themes.njk', {
      ...(await listContext()),
      values: { active: 'yes' },
      notice: queryOf(request).saved ? 'Themes saved.' : undefined,
    }),
  );

  app.post('/admin/themes', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    const form = { template: 'pages/insights/themes.njk', context: await listContext(), values };
    const shown = await handleForm(reply, form, () => themes.add(actorOf(request), values));
    return shown ? reply : reply.redirect('/admin/themes?saved=1', 303);
  });

  app.get('/admin/themes/:id', manage, async (request, reply) => {
    const theme = await themes.get(idParam(request));
    const values = {
      name: theme.name,
      description: theme.description ?? '',
      active: theme.active ? 'yes' : 'no',
    };
    return reply.view('pages/insights/theme-edit.njk', {
      pageTitle: `Change theme: ${theme.name}`,
      theme,
      values,
    });
  });

  app.post('/admin/themes/:id', manage, async (request, reply) => {
    const theme = await themes.get(idParam(request));
    const values = partnershipForm(request.body);
    const context = { pageTitle: `Change theme: ${theme.name}`, theme };
    const shown = await handleForm(
      reply,
      { template: 'pages/insights/theme-edit.njk', context, values },
      () => themes.update(actorOf(request), theme.id, values),
    );
    return shown ? reply : reply.redirect('/admin/themes?saved=1', 303);
  });
}
