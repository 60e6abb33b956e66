import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Initiative } from '../../features/initiatives/initiative.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { adviceViewerOf, paramsOf } from './advice-helpers.ts';
import { formBody, handleForm, type FormBody } from './form-helpers.ts';
import { actorOf } from './partnership-helpers.ts';

const manage = { preHandler: requirePermission('initiatives:manage') };

interface Step {
  path: string;
  template: string;
  title: string;
  values: (i: Initiative) => FormBody;
  save: (services: Services, request: FastifyRequest, id: string, values: FormBody) => Promise<unknown>;
}

/** Staff write the advice; the service lead records the response; staff publish both. */
const steps: Step[] = [
  {
    path: 'advice',
    template: 'pages/initiatives/advice.njk',
    title: 'The partnership’s advice',
    values: (i) => ({ adviceSummary: i.adviceSummary ?? '' }),
    save: (s, request, id, values) => s.advice.writeAdvice(actorOf(request), id, values),
  },
  {
    path: 'response',
    template: 'pages/initiatives/response.njk',
    title: 'The service’s response',
    values: (i) => ({
      responseChanged: i.responseChanged ?? '',
      responseUnchanged: i.responseUnchanged ?? '',
    }),
    save: (s, request, id, values) => s.advice.recordResponse(adviceViewerOf(request), id, values),
  },
  {
    path: 'publish',
    template: 'pages/initiatives/publish.njk',
    title: 'Publish on “You said, we did”',
    values: (i) => ({ publicSummary: i.publicSummary ?? '', published: i.published ? 'yes' : 'no' }),
    save: (s, request, id, values) => s.advice.publish(actorOf(request), id, values),
  },
];

export function adviceRoutes(app: FastifyInstance, services: Services): void {
  for (const step of steps) {
    const context = async (request: FastifyRequest, id: string) => {
      const initiative = await services.initiatives.get(adviceViewerOf(request), id);
      const tallies = await services.initiatives.answers(adviceViewerOf(request), id);
      return { pageTitle: `${step.title}: ${initiative.title}`, initiative, tallies };
    };

    app.get(`/initiatives/:id/${step.path}`, manage, async (request, reply) => {
      const page = await context(request, paramsOf(request).id);
      return reply.view(step.template, { ...page, values: step.values(page.initiative) });
    });

    app.post(`/initiatives/:id/${step.path}`, manage, async (request, reply) => {
      const { id } = paramsOf(request);
      const values = formBody(request.body);
      const form = { template: step.template, context: await context(request, id), values };
      const shown = await handleForm(reply, form, () => step.save(services, request, id, values));
      return shown ? reply : reply.redirect(`/initiatives/${id}?saved=1`, 303);
    });
  }
}
