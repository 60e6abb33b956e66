import type { FastifyInstance } from 'fastify';
import { can } from '../../features/access/access.policy.ts';
import { basisLabels } from '../../features/eds-grading/agreed-grade.ts';
import { constituencyLabels, perspectiveLabels } from '../../features/eds-grading/grader.ts';
import { frameworks } from '../../features/eds-frameworks/framework.loader.ts';
import { reviewLevelLabels, reviewLevels } from '../../features/eds-reviews/review.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { edsUser, params, scoreText } from './eds-helpers.ts';
import { formBody, handleForm } from './form-helpers.ts';

const notices: Record<string, string> = {
  opened: 'Review opened. Plan the stages and owners, then add evidence and invite graders.',
  planned: 'Stages, deadlines and owners saved.',
  released: 'Grades released: graders can now see everyone’s grades for their outcomes.',
  closed: 'Review closed. It can no longer be changed; an administrator can reopen it.',
  reopened: 'Review reopened.',
  signed: 'Sign-off saved.',
  published: 'Report published. It is now public.',
};

export function edsReviewRoutes(app: FastifyInstance, services: Services): void {
  const { reviews, grading, evidence } = services.eds;
  const manage = { preHandler: requirePermission('eds:manage') };

  app.get('/eds', manage, async (_request, reply) =>
    reply.view('pages/eds/index.njk', {
      pageTitle: 'Equality Delivery System',
      reviews: await reviews.list(),
      frameworks: frameworks(),
    }),
  );

  const openContext = {
    pageTitle: 'Open an EDS review',
    frameworks: frameworks(),
    reviewLevels,
    reviewLevelLabels,
  };
  app.get('/eds/reviews/new', manage, (_request, reply) =>
    reply.view('pages/eds/review-new.njk', {
      ...openContext,
      values: { frameworkId: 'eds2022', level: 'organisation' },
    }),
  );
  app.post('/eds/reviews/new', manage, async (request, reply) => {
    const values = formBody(request.body);
    let id = '';
    const shown = await handleForm(
      reply,
      { template: 'pages/eds/review-new.njk', context: openContext, values },
      async () => {
        id = (await reviews.open(edsUser(request), values)).id;
      },
    );
    return shown ? reply : reply.redirect(`/eds/reviews/${id}?done=opened`, 303);
  });

  app.get('/eds/reviews/:id', manage, async (request, reply) => {
    const results = await grading.results(params(request).id!);
    const [plans, evidenceItems, graders, previous] = await Promise.all([
      reviews.detail(results.review.id).then((d) => d.plans),
      evidence.list(results.review.id),
      grading.graders(results.review.id),
      reviews.previousOf(results.review),
    ]);
    const previousResults = previous && (await grading.results(previous.id));
    const viewer = request.viewer!.user;
    return reply.view('pages/eds/review.njk', {
      pageTitle: `${results.framework.name} review ${results.review.yearLabel}`,
      ...results,
      plans,
      evidenceCount: (code: string) => evidenceItems.filter((e) => e.outcomeCode === code).length,
      graders,
      previous: previousResults
        ? { yearLabel: previous.yearLabel, overall: previousResults.rating.overall }
        : null,
      scoreText: (score: number | null) => scoreText(results.framework.scale, score),
      levelLabel: reviewLevelLabels[results.review.level],
      canReopen: can({ id: viewer.id, role: viewer.role }, 'eds:reopen'),
      canReadHistory: can({ id: viewer.id, role: viewer.role }, 'audit:read'),
      notice: notices[(request.query as Record<string, string>).done ?? ''],
    });
  });

  async function planContext(id: string) {
    const detail = await reviews.detail(id);
    return { pageTitle: 'Stages, deadlines and owners', ...detail };
  }
  app.get('/eds/reviews/:id/plan', manage, async (request, reply) => {
    const context = await planContext(params(request).id!);
    const values: Record<string, string> = {};
    for (const p of context.plans) {
      values[`stage-${p.groupCode}`] = p.stage;
      values[`deadline-${p.groupCode}`] = p.deadline ?? '';
    }
    for (const o of context.outcomes) values[`owner-${o.outcomeCode}`] = o.owner;
    return reply.view('pages/eds/plan.njk', { ...context, values });
  });
  app.post('/eds/reviews/:id/plan', manage, async (request, reply) => {
    const id = params(request).id!;
    const values = formBody(request.body);
    const shown = await handleForm(
      reply,
      { template: 'pages/eds/plan.njk', context: await planContext(id), values },
      () => reviews.savePlan(edsUser(request), id, values),
    );
    return shown ? reply : reply.redirect(`/eds/reviews/${id}?done=planned`, 303);
  });

  async function outcomeContext(id: string, code: string) {
    const results = await grading.results(id);
    const outcome = results.outcomes.find((o) => o.code === code);
    if (!outcome) return undefined;
    return {
      pageTitle: `Outcome ${outcome.code}`,
      ...results,
      outcome,
      evidence: await evidence.list(id, code),
      plan: (await services.eds.actionPlan.plan(results.review)).filter((r) => r.outcomeCode === code),
      basisLabels,
      constituencyLabels,
      perspectiveLabels,
      scoreText: (score: number | null) => scoreText(results.framework.scale, score),
    };
  }
  app.get('/eds/reviews/:id/outcomes/:code', manage, async (request, reply) => {
    const context = await outcomeContext(params(request).id!, params(request).code!);
    if (!context) return reply.callNotFound();
    const consensus = context.outcome.consensus;
    const values = consensus
      ? { score: String(consensus.score), agreedBy: consensus.agreedBy, rationale: consensus.rationale }
      : {};
    return reply.view('pages/eds/outcome.njk', { ...context, values });
  });
  app.post('/eds/reviews/:id/outcomes/:code/consensus', manage, async (request, reply) => {
    const { id, code } = params(request) as { id: string; code: string };
    const context = await outcomeContext(id, code);
    if (!context) return reply.callNotFound();
    const values = formBody(request.body);
    const shown = await handleForm(reply, { template: 'pages/eds/outcome.njk', context, values }, () =>
      values.remove
        ? reviews.removeConsensus(edsUser(request), id, code)
        : reviews.recordConsensus(edsUser(request), id, code, values),
    );
    return shown ? reply : reply.redirect(`/eds/reviews/${id}/outcomes/${code}`, 303);
  });

  type Run = (user: ReturnType<typeof edsUser>, id: string) => Promise<void>;
  const stateChanges: [string, string, 'eds:manage' | 'eds:reopen', Run][] = [
    ['release', 'released', 'eds:manage', (user, id) => reviews.releaseGrades(user, id)],
    ['close', 'closed', 'eds:manage', (user, id) => reviews.close(user, id)],
    ['reopen', 'reopened', 'eds:reopen', (user, id) => reviews.reopen(user, id)],
  ];
  for (const [path, done, permission, run] of stateChanges) {
    app.post(
      `/eds/reviews/:id/${path}`,
      { preHandler: requirePermission(permission) },
      async (request, reply) => {
        await run(edsUser(request), params(request).id!);
        return reply.redirect(`/eds/reviews/${params(request).id}?done=${done}`, 303);
      },
    );
  }

  async function signOffContext(id: string) {
    const review = await reviews.get(id);
    return { pageTitle: 'Sign-off and third-party involvement', review };
  }
  app.get('/eds/reviews/:id/sign-off', manage, async (request, reply) => {
    const context = await signOffContext(params(request).id!);
    const r = context.review;
    return reply.view('pages/eds/sign-off.njk', {
      ...context,
      values: {
        dateAuthorised: r.dateAuthorised ?? '',
        thirdPartyTradeUnion: r.thirdPartyTradeUnion,
        thirdPartyPeerReviewers: r.thirdPartyPeerReviewers,
      },
    });
  });
  app.post('/eds/reviews/:id/sign-off', manage, async (request, reply) => {
    const id = params(request).id!;
    const values = formBody(request.body);
    const shown = await handleForm(
      reply,
      { template: 'pages/eds/sign-off.njk', context: await signOffContext(id), values },
      () => reviews.signOff(edsUser(request), id, values),
    );
    return shown ? reply : reply.redirect(`/eds/reviews/${id}?done=signed`, 303);
  });

  edsObjectiveRoutes(app, services);
}

function edsObjectiveRoutes(app: FastifyInstance, services: Services): void {
  const { objectives, actionPlan, reviews } = services.eds;
  const manage = { preHandler: requirePermission('eds:manage') };
  const listContext = async (organisationId: string | null) => ({
    pageTitle: 'Equality objectives',
    objectives: await objectives.list(organisationId),
  });
  app.get('/eds/objectives', manage, async (request, reply) =>
    reply.view('pages/eds/objectives.njk', {
      ...(await listContext(edsUser(request).organisationId)),
      values: { startYear: String(services.clock().getUTCFullYear()) },
    }),
  );
  app.post('/eds/objectives', manage, async (request, reply) => {
    const user = edsUser(request);
    const values = formBody(request.body);
    const shown = await handleForm(
      reply,
      { template: 'pages/eds/objectives.njk', context: await listContext(user.organisationId), values },
      () => objectives.create(user, values),
    );
    return shown ? reply : reply.redirect('/eds/objectives', 303);
  });

  async function actionContext(id: string, code: string) {
    const detail = await reviews.detail(id);
    const outcome = detail.framework.groups.flatMap((g) => g.outcomes).find((o) => o.code === code);
    return {
      pageTitle: `Add an action for outcome ${code}`,
      ...detail,
      outcome,
      objectives: await objectives.list(detail.review.organisationId),
    };
  }
  app.get('/eds/reviews/:id/outcomes/:code/actions/new', manage, async (request, reply) => {
    const context = await actionContext(params(request).id!, params(request).code!);
    if (!context.outcome) return reply.callNotFound();
    return reply.view('pages/eds/action-new.njk', context);
  });
  app.post('/eds/reviews/:id/outcomes/:code/actions/new', manage, async (request, reply) => {
    const { id, code } = params(request) as { id: string; code: string };
    const context = await actionContext(id, code);
    if (!context.outcome) return reply.callNotFound();
    const values = formBody(request.body);
    const shown = await handleForm(reply, { template: 'pages/eds/action-new.njk', context, values }, () =>
      actionPlan.add(edsUser(request), id, code, values),
    );
    return shown ? reply : reply.redirect(`/eds/reviews/${id}/outcomes/${code}`, 303);
  });
}
