import type { FastifyInstance } from 'fastify';

export function publicRoutes(app: FastifyInstance): void {
  app.get('/', (_request, reply) =>
    reply.view('pages/public/home.njk', { pageTitle: 'Working together for health equality' }),
  );
  app.get('/accessibility', (_request, reply) =>
    reply.view('pages/public/accessibility.njk', { pageTitle: 'Accessibility statement' }),
  );
  app.get('/privacy', (_request, reply) =>
    reply.view('pages/public/privacy.njk', { pageTitle: 'Privacy notice' }),
  );
  app.get('/contact', (_request, reply) =>
    reply.view('pages/public/contact.njk', { pageTitle: 'Contact us' }),
  );
}
