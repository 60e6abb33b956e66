import type { FastifyInstance, FastifyReply } from 'fastify';
import type nunjucks from 'nunjucks';
import { can } from '../features/access/access.policy.ts';
import type { FieldError } from '../features/shared/errors.ts';
import type { ActiveSession } from '../features/sessions/session.ts';

declare module 'fastify' {
  interface FastifyReply {
    view(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

export interface SiteInfo {
  trustName: string;
  contactEmail: string;
  /** Cached for a few seconds: whether the demo data is loaded, for the banner on every page. */
  demoData(): Promise<boolean>;
}

interface NavItem {
  href: string;
  text: string;
  current?: boolean;
}

interface NavArea extends NavItem {
  /** Paths that belong to this area, so its item is marked current on them too. */
  within: string[];
}

/**
 * The header navigation: a few areas per role, so it fits one line on a laptop; everything else is
 * one click away on the dashboard.
 */
export function navigationFor(viewer: ActiveSession | null, url: string): NavItem[] {
  const path = url.split('?')[0] ?? '/';
  const who = viewer && { id: viewer.user.id, role: viewer.user.role };
  const areas: NavArea[] = [];
  const add = (href: string, text: string, within: string[] = [href]) => areas.push({ href, text, within });
  if (!who) {
    add('/', 'Home');
    add('/you-said-we-did', 'You said, we did');
    add('/places', 'Places');
    add('/analytics', 'Health inequalities');
    add('/eds/reports', 'EDS reports');
    return markCurrent(areas, path);
  }
  add('/dashboard', 'Dashboard');
  if (can(who, 'insights:submit')) add('/insights', 'Issues', ['/insights', '/admin/themes']);
  if (can(who, 'actions:manage')) add('/actions', 'Actions');
  else if (can(who, 'meetings:view')) add('/meetings', 'Meetings');
  if (can(who, 'initiatives:view')) add('/initiatives', 'Advice', ['/initiatives', '/impact-assessments']);
  if (can(who, 'outreach:manage')) add('/outreach', 'Outreach');
  else if (can(who, 'agreements:view')) add('/agreements', 'Agreements');
  if (can(who, 'eds:manage')) add('/eds', 'EDS');
  else if (can(who, 'eds:grade')) add('/eds/grading', 'EDS grading');
  add('/analytics', 'Health inequalities');
  if (can(who, 'users:list')) add('/admin/users', 'Admin', ['/admin/users', '/admin/audit']);
  return markCurrent(areas, path);
}

function markCurrent(areas: NavArea[], path: string): NavItem[] {
  return areas.map(({ href, text, within }) => ({
    href,
    text,
    current: within.some((prefix) =>
      prefix === '/' ? path === '/' : path === prefix || path.startsWith(`${prefix}/`),
    ),
  }));
}

/** Errors as the templates want them: a list for the summary and a map for each field. */
export function formErrors(errors: FieldError[]) {
  // A field with several problems shows them all beside it, as the summary does.
  const fieldErrors: Record<string, string> = {};
  for (const e of errors)
    fieldErrors[e.field] = fieldErrors[e.field] ? `${fieldErrors[e.field]}. ${e.message}` : e.message;
  return { errors, fieldErrors };
}

export function registerRender(app: FastifyInstance, env: nunjucks.Environment, site: SiteInfo): void {
  app.decorateReply('view', function view(this: FastifyReply, template: string, context = {}) {
    const request = this.request;
    // Rendering is synchronous; the demo flag is the only asynchronous part.
    const send = async () => {
      const demoData = await site.demoData();
      const html = env.render(template, {
        values: {},
        fieldErrors: {},
        errors: [],
        ...context,
        viewer: request.viewer,
        csrfToken: request.csrfToken,
        navigation: navigationFor(request.viewer, request.url),
        trustName: site.trustName,
        contactEmail: site.contactEmail,
        demoData,
      });
      return this.type('text/html; charset=utf-8').send(html);
    };
    void send().catch((error: unknown) => this.send(error));
    return this;
  });
}
