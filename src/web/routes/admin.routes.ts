import type { FastifyInstance } from 'fastify';
import { roleDescriptions, roleLabels, roles, type User } from '../../features/accounts/account.ts';
import { auditPageSize, changedFields } from '../../features/audit/audit.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { formBody, handleForm } from './form-helpers.ts';
import { pagedTitle } from './paged-title.ts';

const statusLabels = { invited: 'Invited', active: 'Active', disabled: 'Disabled' };

export function adminRoutes(app: FastifyInstance, services: Services): void {
  const { accounts, organisations, audit } = services;
  const formContext = async () => ({
    roles,
    roleLabels,
    roleDescriptions,
    organisations: await organisations.list(),
  });

  app.get('/admin/users', { preHandler: requirePermission('users:list') }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const notice = query.invited ? 'Invitation sent.' : query.saved ? 'Changes saved.' : undefined;
    return reply.view('pages/admin/users.njk', {
      pageTitle: 'Accounts',
      users: await accounts.list(),
      roleLabels,
      statusLabels,
      notice,
    });
  });

  app.get('/admin/users/invite', { preHandler: requirePermission('users:invite') }, async (_request, reply) =>
    reply.view('pages/admin/invite.njk', { pageTitle: 'Invite someone', ...(await formContext()) }),
  );

  app.post(
    '/admin/users/invite',
    { preHandler: requirePermission('users:invite') },
    async (request, reply) => {
      const values = formBody(request.body);
      const actor = { id: request.viewer!.user.id, label: request.viewer!.user.name };
      const context = { pageTitle: 'Invite someone', ...(await formContext()) };
      const shown = await handleForm(reply, { template: 'pages/admin/invite.njk', context, values }, () =>
        accounts.invite(actor, values),
      );
      return shown ? reply : reply.redirect('/admin/users?invited=1', 303);
    },
  );

  app.get('/admin/users/:id', { preHandler: requirePermission('users:edit') }, async (request, reply) => {
    const person = await accounts.get((request.params as { id: string }).id);
    return reply.view('pages/admin/user-edit.njk', {
      pageTitle: `Change account: ${person.name}`,
      person,
      values: valuesOf(person),
      ...(await formContext()),
    });
  });

  app.post('/admin/users/:id', { preHandler: requirePermission('users:edit') }, async (request, reply) => {
    const person = await accounts.get((request.params as { id: string }).id);
    const values = formBody(request.body);
    const actor = { id: request.viewer!.user.id, label: request.viewer!.user.name };
    const context = { pageTitle: `Change account: ${person.name}`, person, ...(await formContext()) };
    const shown = await handleForm(reply, { template: 'pages/admin/user-edit.njk', context, values }, () =>
      accounts.update(actor, person.id, values),
    );
    return shown ? reply : reply.redirect('/admin/users?saved=1', 303);
  });

  app.get('/admin/audit', { preHandler: requirePermission('audit:read') }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
    const filter = {
      action: query.action || undefined,
      entityType: query.entityType || undefined,
      entityId: query.entityId || undefined,
    };
    const [{ entries, total }, actions] = await Promise.all([
      audit.list({ ...filter, page }),
      audit.actions(),
    ]);
    const pages = Math.max(1, Math.ceil(total / auditPageSize));
    const pageHref = (n: number) =>
      `/admin/audit?${new URLSearchParams({ ...definedOnly(filter), page: String(n) }).toString()}`;
    return reply.view('pages/admin/audit.njk', {
      pageTitle: pagedTitle('Audit log', page, pages),
      entries: entries.map((e) => ({ ...e, changes: changedFields(e.before, e.after) })),
      total,
      page,
      pages,
      pageHref,
      actions,
      filter,
    });
  });
}

function valuesOf(person: User) {
  return {
    name: person.name,
    role: person.role,
    organisationId: person.organisationId ?? '',
    status: person.status,
  };
}

function definedOnly(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined));
}
