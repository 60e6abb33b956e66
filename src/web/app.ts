import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { loggerOptions } from './logging.ts';
import { registerErrorPages } from './middleware/errors.ts';
import { registerRequestContext } from './middleware/request-context.ts';
import { registerRender } from './render.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { publicRoutes } from './routes/public.routes.ts';
import { createSiteInfo } from './site.ts';
import { createViewEngine, nhsukAssetsDir, staticDir } from './views.ts';

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

  registerRender(app, createViewEngine(), createSiteInfo(services));
  registerRequestContext(app, services);
  registerErrorPages(app);

  healthRoutes(app, services);
  publicRoutes(app);
  authRoutes(app, services);
  dashboardRoutes(app);
  adminRoutes(app, services);
  return app;
}
