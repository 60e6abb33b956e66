import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';

export function healthRoutes(app: FastifyInstance, services: Services): void {
  app.get('/healthz', async (_request, reply) => {
    const report = await services.health.check();
    const ok = report.database === 'ok' && report.pendingMigrations.length === 0;
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', ...report });
  });
}
