import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../features/access/access.policy.ts';
import { attendanceKinds, attendanceLabels } from '../../features/meetings/meeting.ts';
import type { MeetingViewer } from '../../features/meetings/meeting.service.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { handleForm, type FormBody } from './form-helpers.ts';
import {
  actorOf,
  idParam,
  insightViewerOf,
  optionsOf,
  partnershipForm,
  queryOf,
} from './partnership-helpers.ts';

const view = { preHandler: requirePermission('meetings:view') };
const manage = { preHandler: requirePermission('meetings:manage') };

function meetingViewer(request: FastifyRequest): MeetingViewer {
  const user = request.viewer!.user;
  return { managesMeetings: can({ id: user.id, role: user.role }, 'meetings:manage') };
}

export function meetingRoutes(app: FastifyInstance, services: Services): void {
  const { meetings, insights, actions } = services;

  app.get('/meetings', view, async (request, reply) => {
    const viewer = meetingViewer(request);
    return reply.view('pages/meetings/list.njk', {
      pageTitle: 'Partnership meetings',
      meetings: await meetings.list(viewer),
      manages: viewer.managesMeetings,
      now: services.clock().toISOString(),
    });
  });

  app.get('/meetings/new', manage, (_request, reply) =>
    reply.view('pages/meetings/new.njk', { pageTitle: 'Schedule a meeting' }),
  );

  app.post('/meetings/new', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    let id = '';
    const shown = await handleForm(
      reply,
      { template: 'pages/meetings/new.njk', context: { pageTitle: 'Schedule a meeting' }, values },
      async () => (id = await meetings.create(actorOf(request), values)),
    );
    return shown ? reply : reply.redirect(`/meetings/${id}?saved=1`, 303);
  });

  /** Staff link agenda items to open insight and actions; the titles help them choose. */
  const showContext = async (request: FastifyRequest, id: string) => {
    const viewer = meetingViewer(request);
    const meeting = await meetings.get(viewer, id);
    if (!viewer.managesMeetings)
      return { pageTitle: meeting.title, meeting, manages: false, attendanceLabels };
    const [{ items }, openActions] = await Promise.all([
      insights.list(insightViewerOf(request), { page: 1 }),
      actions.list({}),
    ]);
    const targets = [
      ...items.map((i) => ({ value: `insight:${i.id}`, text: `Issue: ${i.title}` })),
      ...openActions.map((a) => ({ value: `action:${a.id}`, text: `Action: ${a.title}` })),
      ...(await services.initiatives.list(insightViewerOf(request))).map((i) => ({
        value: `initiative:${i.id}`,
        text: `Initiative: ${i.title}`,
      })),
    ];
    const titles = Object.fromEntries(targets.map((t) => [t.value, t.text]));
    return {
      pageTitle: meeting.title,
      meeting,
      manages: true,
      targets,
      titles,
      attendanceItems: optionsOf(attendanceKinds, attendanceLabels),
      attendanceLabels,
    };
  };

  app.get('/meetings/:id', view, async (request, reply) => {
    const context = await showContext(request, idParam(request));
    const notice = queryOf(request).saved ? 'Changes saved.' : undefined;
    const values = {
      minutes: context.meeting.minutes ?? '',
      agendaPublished: context.meeting.agendaPublished ? 'yes' : 'no',
      minutesPublished: context.meeting.minutesPublished ? 'yes' : 'no',
    };
    return reply.view('pages/meetings/show.njk', { ...context, notice, values });
  });

  app.get('/meetings/:id/calendar.ics', view, async (request, reply) => {
    const ics = await meetings.calendar(meetingViewer(request), idParam(request));
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="meeting.ics"')
      .send(ics);
  });

  const changes: [string, (request: FastifyRequest, id: string, values: FormBody) => Promise<unknown>][] = [
    ['agenda', (request, id, values) => meetings.addAgendaItem(actorOf(request), id, values)],
    ['attendance', (request, id, values) => meetings.addAttendance(actorOf(request), id, values)],
    ['minutes', (request, id, values) => meetings.saveMinutes(actorOf(request), id, values)],
    ['decisions', (request, id, values) => meetings.addDecision(actorOf(request), id, values)],
    ['publish', (request, id, values) => meetings.publish(actorOf(request), id, values)],
  ];
  for (const [path, change] of changes) {
    app.post(`/meetings/:id/${path}`, manage, async (request, reply) => {
      const id = idParam(request);
      const values = partnershipForm(request.body);
      const context = await showContext(request, id);
      const shown = await handleForm(reply, { template: 'pages/meetings/show.njk', context, values }, () =>
        change(request, id, values),
      );
      return shown ? reply : reply.redirect(`/meetings/${id}?saved=1`, 303);
    });
  }
}
