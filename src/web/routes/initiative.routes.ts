import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  answerLabels,
  answerOptions,
  dutySectionLabels,
  dutySections,
  stageLabels,
} from '../../features/initiatives/initiative.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { adviceViewerOf, managesOf, paramsOf } from './advice-helpers.ts';
import { formBody, handleForm, type FormBody } from './form-helpers.ts';
import { actorOf, queryOf } from './partnership-helpers.ts';

const view = { preHandler: requirePermission('initiatives:view') };
const manage = { preHandler: requirePermission('initiatives:manage') };
const answerGuard = { preHandler: requirePermission('initiatives:answer') };

const notices: Record<string, string> = {
  created: 'Initiative saved. Add documents, open a window for answers or put it on a meeting agenda.',
  saved: 'Changes saved.',
  answered: 'Thank you. Your organisation’s answers are saved; you can change them until the window closes.',
  agenda: 'Added to the meeting’s agenda.',
};

export function initiativeRoutes(app: FastifyInstance, services: Services): void {
  const { initiatives, advice, impactAssessments, meetings, accounts } = services;
  const labels = { stageLabels, answerLabels, dutySectionLabels };

  const leads = async () =>
    (await accounts.list()).filter(
      (u) => (u.role === 'staff' || u.role === 'admin') && u.status !== 'disabled',
    );

  app.get('/initiatives', view, async (request, reply) =>
    reply.view('pages/initiatives/list.njk', {
      pageTitle: 'Perspective and advice',
      initiatives: await initiatives.list(adviceViewerOf(request)),
      manages: managesOf(request),
      ...labels,
    }),
  );

  app.get('/initiatives/decisions', manage, async (_request, reply) =>
    reply.view('pages/initiatives/decisions.njk', {
      pageTitle: 'Decision log',
      decisions: await advice.decisions(),
      ...labels,
    }),
  );

  const newContext = async () => ({
    pageTitle: 'Bring an initiative to the partnership',
    leads: await leads(),
  });

  app.get('/initiatives/new', manage, async (request, reply) =>
    reply.view('pages/initiatives/new.njk', {
      ...(await newContext()),
      values: { leadUserId: request.viewer!.user.id },
    }),
  );

  app.post('/initiatives/new', manage, async (request, reply) => {
    const values = formBody(request.body);
    let id = '';
    const shown = await handleForm(
      reply,
      { template: 'pages/initiatives/new.njk', context: await newContext(), values },
      async () => (id = await initiatives.create(actorOf(request), values)),
    );
    return shown ? reply : reply.redirect(`/initiatives/${id}?created=1`, 303);
  });

  /** The initiative page: members see it and their answers; staff manage it from here. */
  async function showContext(request: FastifyRequest, id: string) {
    const viewer = adviceViewerOf(request);
    const initiative = await initiatives.get(viewer, id);
    const tallies = await initiatives.answers(viewer, id);
    const base = { pageTitle: initiative.title, initiative, tallies, manages: managesOf(request), ...labels };
    if (!base.manages) return base;
    const now = services.clock().toISOString();
    const [decisions, ehia, allMeetings] = await Promise.all([
      advice.decisions(id),
      impactAssessments.overview(id),
      meetings.list({ managesMeetings: true }),
    ]);
    const upcoming = allMeetings.filter((m) => m.startsAt >= now).reverse();
    return {
      ...base,
      decisions,
      ehia,
      meetings: upcoming,
      dutySections,
      mayRespond: mayRespondFor(request, initiative),
    };
  }

  const mayRespondFor = (request: FastifyRequest, initiative: { leadUserId: string | null }) => {
    const user = request.viewer!.user;
    return user.role === 'admin' || user.id === initiative.leadUserId;
  };

  app.get('/initiatives/:id', view, async (request, reply) => {
    const context = await showContext(request, paramsOf(request).id);
    const q = queryOf(request);
    const notice = Object.keys(notices).find((k) => q[k]);
    return reply.view('pages/initiatives/show.njk', { ...context, notice: notice && notices[notice] });
  });

  const changes: [string, (request: FastifyRequest, id: string, values: FormBody) => Promise<unknown>][] = [
    ['documents', (request, id, values) => initiatives.addDocument(actorOf(request), id, values)],
    ['questions', (request, id, values) => initiatives.addQuestion(actorOf(request), id, values)],
    ['window', (request, id, values) => initiatives.setWindow(actorOf(request), id, values)],
    ['agenda', (request, id, values) => initiatives.addToAgenda(actorOf(request), id, values)],
    ['decisions', (request, id, values) => advice.recordDecision(actorOf(request), id, values)],
  ];
  for (const [path, change] of changes) {
    app.post(`/initiatives/:id/${path}`, manage, async (request, reply) => {
      const { id } = paramsOf(request);
      const values = formBody(request.body);
      const context = await showContext(request, id);
      const form = { template: 'pages/initiatives/show.njk', context: { ...context, form: path }, values };
      const shown = await handleForm(reply, form, () => change(request, id, values));
      return shown
        ? reply
        : reply.redirect(`/initiatives/${id}?${path === 'agenda' ? 'agenda' : 'saved'}=1`, 303);
    });
  }

  const editContext = async (id: string, request: FastifyRequest) => ({
    pageTitle: 'Change the initiative',
    initiative: await initiatives.get(adviceViewerOf(request), id),
    leads: await leads(),
  });

  app.get('/initiatives/:id/edit', manage, async (request, reply) => {
    const context = await editContext(paramsOf(request).id, request);
    const i = context.initiative;
    const values = {
      title: i.title,
      service: i.service,
      summary: i.summary,
      leadUserId: i.leadUserId ?? '',
      decisionDate: i.decisionDate,
    };
    return reply.view('pages/initiatives/edit.njk', { ...context, values });
  });

  app.post('/initiatives/:id/edit', manage, async (request, reply) => {
    const { id } = paramsOf(request);
    const values = formBody(request.body);
    const form = { template: 'pages/initiatives/edit.njk', context: await editContext(id, request), values };
    const shown = await handleForm(reply, form, () => initiatives.edit(actorOf(request), id, values));
    return shown ? reply : reply.redirect(`/initiatives/${id}?saved=1`, 303);
  });

  answerRoutes(app, services);
}

/** Members answer the questions for their organisation while the window is open. */
function answerRoutes(app: FastifyInstance, services: Services): void {
  const { initiatives } = services;

  async function answerPage(request: FastifyRequest, id: string) {
    const viewer = adviceViewerOf(request);
    const initiative = await initiatives.get(viewer, id);
    if (!initiative.windowOpen) return { initiative, closed: true as const };
    const tallies = await initiatives.answers(viewer, id);
    const values: FormBody = {};
    for (const t of tallies) {
      const mine = t.answers[0];
      if (mine) {
        values[`answer-${t.question.position}`] = mine.answer;
        values[`comment-${t.question.position}`] = mine.comment ?? '';
      }
    }
    return { initiative, closed: false as const, values };
  }

  const context = (initiative: { title: string }) => ({
    pageTitle: `Answer: ${initiative.title}`,
    answerOptions,
    answerLabels,
  });

  app.get('/initiatives/:id/answer', answerGuard, async (request, reply) => {
    const page = await answerPage(request, paramsOf(request).id);
    if (page.closed) return reply.redirect(`/initiatives/${page.initiative.id}`, 303);
    return reply.view('pages/initiatives/answer.njk', {
      ...context(page.initiative),
      initiative: page.initiative,
      values: page.values,
    });
  });

  app.post('/initiatives/:id/answer', answerGuard, async (request, reply) => {
    const { id } = paramsOf(request);
    const initiative = await initiatives.get(adviceViewerOf(request), id);
    const values = formBody(request.body);
    const form = {
      template: 'pages/initiatives/answer.njk',
      context: { ...context(initiative), initiative },
      values,
    };
    const shown = await handleForm(reply, form, () =>
      initiatives.answer(adviceViewerOf(request), id, values),
    );
    return shown ? reply : reply.redirect(`/initiatives/${id}?answered=1`, 303);
  });
}
