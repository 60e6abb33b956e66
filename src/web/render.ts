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

export function navigationFor(viewer: ActiveSession | null, url: string): NavItem[] {
  const path = url.split('?')[0] ?? '/';
  const items: NavItem[] = [{ href: '/', text: 'Home' }];
  const who = viewer && { id: viewer.user.id, role: viewer.user.role };
  if (can(who, 'dashboard:view')) items.push({ href: '/dashboard', text: 'Dashboard' });
  if (can(who, 'insights:submit')) items.push({ href: '/insights', text: 'Issues' });
  if (can(who, 'actions:manage')) items.push({ href: '/actions', text: 'Actions' });
  if (can(who, 'meetings:view')) items.push({ href: '/meetings', text: 'Meetings' });
  if (!who) items.push({ href: '/you-said-we-did', text: 'You said, we did' });
  if (can(who, 'eds:manage')) items.push({ href: '/eds', text: 'EDS' });
  else if (can(who, 'eds:grade')) items.push({ href: '/eds/grading', text: 'EDS grading' });
  items.push({ href: '/analytics', text: 'Health inequalities' });
  if (can(who, 'users:list')) items.push({ href: '/admin/users', text: 'Accounts' });
  if (can(who, 'audit:read')) items.push({ href: '/admin/audit', text: 'Audit log' });
  for (const item of items) {
    item.current = item.href === '/' ? path === '/' : path.startsWith(item.href);
  }
  return items;
}

/** Errors as the templates want them: a list for the summary and a map for each field. */
export function formErrors(errors: FieldError[]) {
  return { errors, fieldErrors: Object.fromEntries(errors.map((e) => [e.field, e.message])) };
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
