import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { loggerOptions } from './logging.ts';
import { registerErrorPages } from './middleware/errors.ts';
import { multipartLimits, receiveFile, removeUnclaimedUploads } from './middleware/multipart.ts';
import { registerRequestContext } from './middleware/request-context.ts';
import { registerRender } from './render.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { accountabilityRoutes } from './routes/accountability.routes.ts';
import { adviceRoutes } from './routes/advice.routes.ts';
import { impactAssessmentRoutes } from './routes/impact-assessment.routes.ts';
import { initiativeRoutes } from './routes/initiative.routes.ts';
import { actionRoutes } from './routes/action.routes.ts';
import { insightRoutes } from './routes/insight.routes.ts';
import { insightTaggingRoutes } from './routes/insight-tagging.routes.ts';
import { meetingRoutes } from './routes/meeting.routes.ts';
import { membershipRoutes } from './routes/membership.routes.ts';
import { analyticsRoutes } from './routes/analytics.routes.ts';
import { analyticsDatasetRoutes } from './routes/analytics-datasets.routes.ts';
import { analyticsGeographyRoutes } from './routes/analytics-geography.routes.ts';
import { analyticsCatalogueRoutes } from './routes/analytics-catalogue.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { edsRoutes } from './routes/eds.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { outreachRoutes } from './routes/outreach.routes.ts';
import { agreementRoutes } from './routes/agreement.routes.ts';
import { directoryRoutes } from './routes/directory.routes.ts';
import { placeRoutes } from './routes/place.routes.ts';
import { createSiteInfo } from './site.ts';
import { createViewEngine, nhsukAssetsDir, staticDir } from './views.ts';
import { registerNhsukStylesheet } from './nhsuk-stylesheet.ts';

export async function buildApp(
  services: Services,
  options: { logger?: boolean; logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(services.config, options.logStream),
    trustProxy: services.config.secureCookies,
    bodyLimit: 1_048_576,
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: services.config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: services.config.secureCookies,
  });
  await app.register(formbody);
  // Multipart fields go to request.body like any form; files are checked for the CSRF field first.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: receiveFile,
    limits: multipartLimits,
    throwFileSizeLimit: false,
  });
  app.addHook('onResponse', (request, _reply, done) => {
    removeUnclaimedUploads(request);
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, { root: nhsukAssetsDir, prefix: '/static/nhsuk/', maxAge: '1d' });
  await app.register(fastifyStatic, {
    root: `${nhsukAssetsDir}/assets`,
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, { root: staticDir, prefix: '/static/', decorateReply: false });
  registerNhsukStylesheet(app);

  registerRender(app, createViewEngine(), createSiteInfo(services));
  registerRequestContext(app, services);
  registerErrorPages(app);

  healthRoutes(app, services);
  publicRoutes(app);
  authRoutes(app, services);
  dashboardRoutes(app, services);
  adminRoutes(app, services);
  membershipRoutes(app, services);
  insightRoutes(app, services);
  insightTaggingRoutes(app, services);
  actionRoutes(app, services);
  meetingRoutes(app, services);
  accountabilityRoutes(app, services);
  initiativeRoutes(app, services);
  adviceRoutes(app, services);
  impactAssessmentRoutes(app, services);
  analyticsRoutes(app, services);
  analyticsDatasetRoutes(app, services);
  analyticsGeographyRoutes(app, services);
  analyticsCatalogueRoutes(app, services);
  outreachRoutes(app, services);
  agreementRoutes(app, services);
  directoryRoutes(app, services);
  placeRoutes(app, services);
  await app.register(edsRoutes(services));
  return app;
}
