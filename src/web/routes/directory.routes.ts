import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  directoryScopeLabels,
  directoryScopes,
  guideBlocks,
  type DirectoryEntry,
  type DirectoryScope,
} from '../../features/directory/directory.ts';
import { communities, isCommunity } from '../../features/memberships/communities.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { handleForm, type FormBody } from './form-helpers.ts';
import { holds } from './outreach-helpers.ts';
import { actorOf, idParam, optionsOf, partnershipForm, queryOf } from './partnership-helpers.ts';

const manage = { preHandler: requirePermission('directory:manage') };

function entryValues(e: DirectoryEntry): FormBody {
  return {
    name: e.name,
    scope: e.scope,
    area: e.area,
    description: e.description,
    contact: e.contact ?? '',
    email: e.email ?? '',
    phone: e.phone ?? '',
    website: e.website ?? '',
    // Checkbox lists travel as lists, as partnershipForm keeps them.
    communities: e.communities as unknown as string,
  };
}

export function directoryRoutes(app: FastifyInstance, services: Services): void {
  const { directory } = services;
  const formContext = { communities, scopeItems: optionsOf(directoryScopes, directoryScopeLabels) };

  app.get('/directory', async (request, reply) => {
    const q = queryOf(request);
    const filter = {
      q: q.q?.trim().slice(0, 100) || undefined,
      community: q.community && isCommunity(q.community) ? q.community : undefined,
      scope: (directoryScopes as readonly string[]).includes(q.scope ?? '')
        ? (q.scope as DirectoryScope)
        : undefined,
    };
    return reply.view('pages/directory/list.njk', {
      pageTitle: 'Directory of organisations',
      entries: await directory.search(filter),
      filter,
      communities,
      scopeLabels: directoryScopeLabels,
      scopes: directoryScopes,
      staff: holds(request, 'directory:manage'),
      notice: q.saved ? 'Directory updated.' : undefined,
    });
  });

  app.get('/directory/new', manage, (_request, reply) =>
    reply.view('pages/directory/form.njk', {
      ...formContext,
      pageTitle: 'Add an organisation',
      action: '/directory/new',
      values: { scope: 'local' },
    }),
  );

  app.post('/directory/new', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    const context = { ...formContext, pageTitle: 'Add an organisation', action: '/directory/new' };
    const shown = await handleForm(reply, { template: 'pages/directory/form.njk', context, values }, () =>
      directory.create(actorOf(request), values),
    );
    return shown ? reply : reply.redirect('/directory?saved=1', 303);
  });

  const editContext = async (request: FastifyRequest) => {
    const entry = await directory.get(idParam(request));
    return {
      ...formContext,
      entry,
      pageTitle: `Change ${entry.name}`,
      action: `/directory/${entry.id}/edit`,
    };
  };

  app.get('/directory/:id/edit', manage, async (request, reply) => {
    const context = await editContext(request);
    return reply.view('pages/directory/form.njk', { ...context, values: entryValues(context.entry) });
  });

  app.post('/directory/:id/edit', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    const context = await editContext(request);
    const shown = await handleForm(reply, { template: 'pages/directory/form.njk', context, values }, () =>
      directory.edit(actorOf(request), context.entry.id, values),
    );
    return shown ? reply : reply.redirect('/directory?saved=1', 303);
  });

  app.get('/engaging', async (_request, reply) =>
    reply.view('pages/directory/guides.njk', {
      pageTitle: 'How to engage each group',
      guides: await directory.guides(),
    }),
  );

  const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;

  app.get('/engaging/:slug', async (request, reply) => {
    const guide = await directory.guide(slugOf(request));
    return reply.view('pages/directory/guide.njk', {
      pageTitle: `How to engage: ${guide.community}`,
      guide,
      blocks: guideBlocks(guide.body),
      organisations: await directory.search({ community: guide.community }),
      staff: holds(request, 'directory:manage'),
      notice: queryOf(request).saved ? 'Guide updated.' : undefined,
    });
  });

  const guideContext = async (request: FastifyRequest) => {
    const guide = await directory.guide(slugOf(request));
    return { guide, pageTitle: `Change the guide: ${guide.community}` };
  };

  app.get('/engaging/:slug/edit', manage, async (request, reply) => {
    const context = await guideContext(request);
    return reply.view('pages/directory/guide-edit.njk', {
      ...context,
      values: { summary: context.guide.summary, body: context.guide.body },
    });
  });

  app.post('/engaging/:slug/edit', manage, async (request, reply) => {
    const values = partnershipForm(request.body);
    const context = await guideContext(request);
    const shown = await handleForm(
      reply,
      { template: 'pages/directory/guide-edit.njk', context, values },
      () => directory.editGuide(actorOf(request), context.guide.slug, values),
    );
    return shown ? reply : reply.redirect(`/engaging/${context.guide.slug}?saved=1`, 303);
  });
}
