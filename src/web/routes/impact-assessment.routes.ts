import type { FastifyInstance, FastifyRequest } from 'fastify';
import { impactLabels, impacts } from '../../features/impact-assessments/impact-assessment.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { formWithLists, paramsOf } from './advice-helpers.ts';
import { formBody, handleForm, type FormBody } from './form-helpers.ts';
import { actorOf, queryOf } from './partnership-helpers.ts';

const manage = { preHandler: requirePermission('initiatives:manage') };
const statusLabels = { not_started: 'Not started', in_progress: 'In progress', completed: 'Completed' };

/** The EHIA of an initiative: a task list, one page per group, engagement, sign-off and a printable copy. */
export function impactAssessmentRoutes(app: FastifyInstance, services: Services): void {
  const { impactAssessments, accounts } = services;
  const base = (id: string) => `/initiatives/${id}/ehia`;

  app.get('/initiatives/:id/ehia', manage, async (request, reply) => {
    const overview = await impactAssessments.overview(paramsOf(request).id);
    return reply.view('pages/impact-assessments/task-list.njk', {
      pageTitle: `Impact assessment: ${overview.initiative.title}`,
      ...overview,
      statusLabels,
      impactLabels,
      notice: queryOf(request).saved ? 'Changes saved.' : undefined,
    });
  });

  app.get('/initiatives/:id/ehia/print', manage, async (request, reply) => {
    const overview = await impactAssessments.overview(paramsOf(request).id);
    return reply.view('pages/impact-assessments/print.njk', {
      pageTitle: `Equality and health inequalities impact assessment: ${overview.initiative.title}`,
      ...overview,
      impactLabels,
    });
  });

  const groupContext = async (request: FastifyRequest) => {
    const { id, key } = paramsOf(request);
    const page = await impactAssessments.group(id, key);
    const options = impacts.filter((i) => i !== 'not_relevant' || page.group.clinical);
    return {
      pageTitle: `${page.group.label}: impact assessment`,
      ...page,
      impactOptions: options,
      impactLabels,
    };
  };

  app.get('/initiatives/:id/ehia/groups/:key', manage, async (request, reply) => {
    const context = await groupContext(request);
    const linked = (type: string) =>
      context.links.filter((l) => l.targetType === type).map((l) => l.targetId);
    const values = {
      impact: context.assessment?.impact ?? '',
      evidence: context.assessment?.evidence ?? '',
      mitigation: context.assessment?.mitigation ?? '',
      insightIds: linked('insight'),
      resultIds: linked('analytics_result'),
    };
    return reply.view('pages/impact-assessments/group.njk', { ...context, values });
  });

  app.post('/initiatives/:id/ehia/groups/:key', manage, async (request, reply) => {
    const { id, key } = paramsOf(request);
    const values = formWithLists(request.body, ['insightIds', 'resultIds']);
    const form = {
      template: 'pages/impact-assessments/group.njk',
      context: await groupContext(request),
      values,
    };
    const shown = await handleForm(reply, form, () =>
      impactAssessments.saveGroup(actorOf(request), id, key, values),
    );
    return shown ? reply : reply.redirect(`${base(id)}?saved=1`, 303);
  });

  const actionContext = async (request: FastifyRequest) => {
    const { id, key } = paramsOf(request);
    const page = await impactAssessments.group(id, key);
    const owners = (await accounts.list()).filter(
      (u) => (u.role === 'staff' || u.role === 'admin') && u.status !== 'disabled',
    );
    return { pageTitle: `Agree a mitigation action: ${page.group.label}`, ...page, owners };
  };

  app.get('/initiatives/:id/ehia/groups/:key/actions/new', manage, async (request, reply) =>
    reply.view('pages/impact-assessments/action-new.njk', {
      ...(await actionContext(request)),
      values: { publishable: 'no', directorate: '' },
    }),
  );

  app.post('/initiatives/:id/ehia/groups/:key/actions/new', manage, async (request, reply) => {
    const { id, key } = paramsOf(request);
    const values = formBody(request.body);
    const form = {
      template: 'pages/impact-assessments/action-new.njk',
      context: await actionContext(request),
      values,
    };
    const shown = await handleForm(reply, form, () =>
      impactAssessments.addMitigationAction(actorOf(request), id, key, values),
    );
    return shown ? reply : reply.redirect(`${base(id)}/groups/${key}?saved=1`, 303);
  });

  const sectionPages: [
    string,
    string,
    string,
    (id: string, values: FormBody, request: FastifyRequest) => Promise<unknown>,
  ][] = [
    [
      'engagement',
      'Engagement undertaken',
      'pages/impact-assessments/engagement.njk',
      (id, values, request) => impactAssessments.saveEngagement(actorOf(request), id, values),
    ],
    [
      'sign-off',
      'Sign-off and review date',
      'pages/impact-assessments/sign-off.njk',
      (id, values, request) => impactAssessments.signOff(actorOf(request), id, values),
    ],
  ];
  for (const [path, title, template, save] of sectionPages) {
    const context = async (id: string) => ({ pageTitle: title, ...(await impactAssessments.overview(id)) });
    app.get(`/initiatives/:id/ehia/${path}`, manage, async (request, reply) => {
      const page = await context(paramsOf(request).id);
      const a = page.assessment;
      const values = {
        engagement: a?.engagement ?? '',
        signedOffBy: a?.signedOffBy ?? '',
        signedOffRole: a?.signedOffRole ?? '',
        signedOffOn: a?.signedOffOn ?? '',
        reviewDate: a?.reviewDate ?? '',
      };
      return reply.view(template, { ...page, values });
    });
    app.post(`/initiatives/:id/ehia/${path}`, manage, async (request, reply) => {
      const { id } = paramsOf(request);
      const values = formBody(request.body);
      const form = { template, context: await context(id), values };
      const shown = await handleForm(reply, form, () => save(id, values, request));
      return shown ? reply : reply.redirect(`${base(id)}?saved=1`, 303);
    });
  }
}
