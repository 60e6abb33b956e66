import type { FastifyInstance } from 'fastify';
import { passwordMinLength, roleLabels } from '../../features/accounts/account.ts';
import type { TokenPurpose } from '../../features/accounts/credentials.service.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { cookieOptions, sessionCookie } from '../middleware/request-context.ts';
import { formBody, handleForm, safeNext } from './form-helpers.ts';

const signInLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
// Guessing at one account is stopped by its lock after repeated failures (sign-in.service.ts); this
// only slows a scan across accounts, so a trust whose staff share one proxy address can still sign in.
const signInAddressLimit = { rateLimit: { max: 100, timeWindow: '1 minute' } };

export function authRoutes(app: FastifyInstance, services: Services): void {
  const { signIn, credentials } = services;

  app.get('/sign-in', (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const notice =
      query.done === 'password' ? 'Your password has been saved. You can now sign in.' : undefined;
    return reply.view('pages/auth/sign-in.njk', { pageTitle: 'Sign in', next: query.next, notice });
  });

  app.post('/sign-in', { config: signInAddressLimit }, async (request, reply) => {
    const values = formBody(request.body);
    let token = '';
    const shown = await handleForm(
      reply,
      { template: 'pages/auth/sign-in.njk', context: { pageTitle: 'Sign in', next: values.next }, values },
      async () => ({ token } = await signIn.signIn(values)),
    );
    if (shown) return reply;
    reply.setCookie(sessionCookie, token, cookieOptions(services.config.secureCookies));
    return reply.redirect(safeNext(values.next), 303);
  });

  app.post('/sign-out', async (request, reply) => {
    if (request.viewer) await signIn.signOut(request.viewer);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.redirect('/', 303);
  });

  app.get('/password-reset', (_request, reply) =>
    reply.view('pages/auth/reset-request.njk', { pageTitle: 'Reset your password' }),
  );

  app.post('/password-reset', { config: signInLimit }, async (request, reply) => {
    const values = formBody(request.body);
    const shown = await handleForm(
      reply,
      { template: 'pages/auth/reset-request.njk', context: { pageTitle: 'Reset your password' }, values },
      () => credentials.requestReset(values),
    );
    return shown ? reply : reply.view('pages/auth/reset-sent.njk', { pageTitle: 'Check your email' });
  });

  setPasswordRoutes(app, services, 'reset', '/password-reset/:token', 'Set a new password');
  setPasswordRoutes(app, services, 'invite', '/invitations/:token', 'Accept your invitation');

  app.get('/account', { preHandler: requirePermission('account:edit-own') }, (request, reply) =>
    reply.view('pages/auth/account.njk', {
      pageTitle: 'Your account',
      roleLabel: request.viewer ? roleLabels[request.viewer.user.role] : '',
    }),
  );
}

function setPasswordRoutes(
  app: FastifyInstance,
  services: Services,
  purpose: TokenPurpose,
  route: string,
  heading: string,
): void {
  const pageFor = (token: string, person: unknown) => ({
    pageTitle: heading,
    heading,
    person,
    minLength: passwordMinLength,
    action: route.replace(':token', encodeURIComponent(token)),
  });
  const expired = { pageTitle: 'This link has expired' };

  app.get(route, async (request, reply) => {
    const { token } = request.params as { token: string };
    const person = await services.credentials.userForLink(purpose, token);
    if (!person) return reply.code(410).view('pages/auth/link-expired.njk', expired);
    return reply.view('pages/auth/set-password.njk', pageFor(token, person));
  });

  app.post(route, { config: signInLimit }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const person = await services.credentials.userForLink(purpose, token);
    if (!person) return reply.code(410).view('pages/auth/link-expired.njk', expired);
    const values = formBody(request.body);
    const shown = await handleForm(
      reply,
      { template: 'pages/auth/set-password.njk', context: pageFor(token, person), values },
      () => services.credentials.setPassword(purpose, token, values),
    );
    return shown ? reply : reply.redirect('/sign-in?done=password', 303);
  });
}
