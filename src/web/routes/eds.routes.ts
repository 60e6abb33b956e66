import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { ClosedReviewError } from '../../features/eds-reviews/review.ts';
import type { Services } from '../../services.ts';
import { edsEvidenceRoutes } from './eds-evidence.routes.ts';
import { edsGradingRoutes } from './eds-grading.routes.ts';
import { edsReportRoutes } from './eds-reports.routes.ts';
import { edsReviewRoutes } from './eds-reviews.routes.ts';
import { edsWorkforceRoutes } from './eds-workforce.routes.ts';

/**
 * Every Equality Delivery System page, in one scope whose error handler explains a closed review;
 * other errors go on to the site's error pages.
 */
export function edsRoutes(services: Services): FastifyPluginAsync {
  return async (scope: FastifyInstance) => {
    scope.setErrorHandler(async (error, request, reply) => {
      if (!(error instanceof ClosedReviewError)) throw error;
      reply.code(409);
      const reviewId = (request.params as Record<string, string | undefined>).id;
      return reply.view('pages/eds/closed.njk', { pageTitle: 'This review is closed', reviewId });
    });
    edsReviewRoutes(scope, services);
    edsEvidenceRoutes(scope, services);
    edsGradingRoutes(scope, services);
    edsReportRoutes(scope, services);
    edsWorkforceRoutes(scope, services);
    await Promise.resolve();
  };
}
