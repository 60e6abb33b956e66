import type { FastifyInstance } from 'fastify';
import { basisLabels } from '../../features/eds-grading/agreed-grade.ts';
import {
  constituencies,
  constituencyLabels,
  perspectiveOf,
  perspectiveLabels,
} from '../../features/eds-grading/grader.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { edsUser, params, scoreText } from './eds-helpers.ts';
import { allValues, formBody, handleForm } from './form-helpers.ts';

export function edsGradingRoutes(app: FastifyInstance, services: Services): void {
  const { reviews, grading } = services.eds;
  const manage = { preHandler: requirePermission('eds:manage') };
  const grade = { preHandler: requirePermission('eds:grade') };

  async function gradersContext(id: string) {
    const detail = await reviews.detail(id);
    return {
      pageTitle: 'Graders',
      ...detail,
      graders: await grading.graders(id),
      constituencies,
      constituencyLabels,
      perspectiveLabel: (c: (typeof constituencies)[number]) => perspectiveLabels[perspectiveOf(c)],
    };
  }
  app.get('/eds/reviews/:id/graders', manage, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    return reply.view('pages/eds/graders.njk', {
      ...(await gradersContext(params(request).id!)),
      values: { outcomes: [] },
      notice: query.invited ? 'Invitation sent.' : undefined,
    });
  });
  app.post('/eds/reviews/:id/graders', manage, async (request, reply) => {
    const id = params(request).id!;
    const values = { ...formBody(request.body), outcomes: allValues(request.body, 'outcomes') };
    const shown = await handleForm(
      reply,
      {
        template: 'pages/eds/graders.njk',
        context: await gradersContext(id),
        values: values as unknown as Record<string, string>,
      },
      () => grading.invite(edsUser(request), id, values),
    );
    return shown ? reply : reply.redirect(`/eds/reviews/${id}/graders?invited=1`, 303);
  });

  app.get('/eds/grading', grade, async (request, reply) =>
    reply.view('pages/eds/grading-index.njk', {
      pageTitle: 'Grade EDS outcomes',
      assignments: await grading.assignments(edsUser(request)),
    }),
  );

  app.get('/eds/grading/:id', grade, async (request, reply) => {
    const portal = await grading.portal(edsUser(request), params(request).id!);
    const query = request.query as Record<string, string | undefined>;
    return reply.view('pages/eds/grading-review.njk', {
      pageTitle: `Grade the ${portal.framework.name} review ${portal.review.yearLabel}`,
      ...portal,
      scoreText: (score: number) => scoreText(portal.framework.scale, score),
      notice: query.saved
        ? `Your grade for outcome ${query.saved} is saved. You can change it until the review closes.`
        : undefined,
    });
  });

  async function gradeContext(request: Parameters<typeof edsUser>[0]) {
    const view = await grading.outcomeForGrader(edsUser(request), params(request).id!, params(request).code!);
    return {
      pageTitle: `Grade outcome ${view.outcome.code}`,
      ...view,
      basisLabels,
      constituencyLabels,
      scoreText: (score: number | null) => scoreText(view.framework.scale, score),
    };
  }
  app.get('/eds/grading/:id/:code', grade, async (request, reply) => {
    const context = await gradeContext(request);
    const values = context.grade
      ? { score: String(context.grade.score), rationale: context.grade.rationale }
      : {};
    return reply.view('pages/eds/grade.njk', { ...context, values });
  });
  app.post('/eds/grading/:id/:code', grade, async (request, reply) => {
    const { id, code } = params(request) as { id: string; code: string };
    const context = await gradeContext(request);
    const values = formBody(request.body);
    const shown = await handleForm(reply, { template: 'pages/eds/grade.njk', context, values }, () =>
      grading.saveGrade(edsUser(request), id, code, values),
    );
    return shown ? reply : reply.redirect(`/eds/grading/${id}?saved=${encodeURIComponent(code)}`, 303);
  });
}
