import type { FastifyInstance } from 'fastify';
import { communities } from '../../features/memberships/communities.ts';
import { applicationStatusLabels, memberKinds } from '../../features/memberships/membership.ts';
import type { OrganisationProfile } from '../../features/organisations/organisation.ts';
import type { DirectoryEntry } from '../../features/organisations/organisation.service.ts';
import { organisationKindLabels, organisationKinds } from '../../features/organisations/organisation.ts';
import { NotFoundError } from '../../features/shared/errors.ts';
import type { Services } from '../../services.ts';
import { can } from '../../features/access/access.policy.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { handleForm } from './form-helpers.ts';
import { actorOf, idParam, optionsOf, partnershipForm, queryOf } from './partnership-helpers.ts';

const publicFormLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const manage = { preHandler: requirePermission('partnership:manage') };
const directory = { preHandler: requirePermission('partnership:directory') };

const joinContext = {
  pageTitle: 'Join the Health Equality Partnership',
  kindItems: optionsOf(memberKinds, organisationKindLabels),
  communities,
};

function profileValues(o: OrganisationProfile) {
  const of = (category: string) => o.communities.filter((c) => c.category === category).map((c) => c.label);
  return {
    name: o.name,
    kind: o.kind,
    charityNumber: o.charityNumber ?? '',
    companyNumber: o.companyNumber ?? '',
    website: o.website ?? '',
    description: o.description ?? '',
    contactName: o.contactName ?? '',
    contactEmail: o.contactEmail ?? '',
    contactPhone: o.contactPhone ?? '',
    communities: of('community'),
    places: of('place').join(', '),
    languages: of('language').join(', '),
    listedPublicly: o.listedPublicly ? 'yes' : 'no',
  };
}

/** Communities and places as plain lists, ready for the templates to join. */
function withLists(entries: DirectoryEntry[]) {
  const labels = (e: DirectoryEntry, category: string) =>
    e.communities.filter((c) => c.category === category).map((c) => c.label);
  return entries.map((e) => ({ ...e, communityList: labels(e, 'community'), placeList: labels(e, 'place') }));
}

export function membershipRoutes(app: FastifyInstance, services: Services): void {
  const { memberships, organisations } = services;

  async function profileOr404(id: string): Promise<OrganisationProfile> {
    const profile = await organisations.profile(id);
    if (!profile || profile.kind === 'trust') throw new NotFoundError('No such member organisation');
    return profile;
  }

  app.get('/partnership/join', (_request, reply) => reply.view('pages/partnership/join.njk', joinContext));

  app.post('/partnership/join', { config: publicFormLimit }, async (request, reply) => {
    const values = partnershipForm(request.body);
    const shown = await handleForm(
      reply,
      { template: 'pages/partnership/join.njk', context: joinContext, values },
      () => memberships.apply(values),
    );
    return shown
      ? reply
      : reply.view('pages/partnership/join-done.njk', { pageTitle: 'Application received' });
  });

  app.get('/partnership/members', async (_request, reply) =>
    reply.view('pages/partnership/members-public.njk', {
      pageTitle: 'Members of the partnership',
      organisations: withLists(await organisations.directory({ listedOnly: true })),
      kindLabels: organisationKindLabels,
    }),
  );

  app.get('/partnership', directory, async (request, reply) => {
    const user = request.viewer!.user;
    const manages = can({ id: user.id, role: user.role }, 'partnership:manage');
    return reply.view('pages/partnership/directory.njk', {
      pageTitle: 'Member directory',
      organisations: withLists(await organisations.directory({ listedOnly: false })),
      kindLabels: organisationKindLabels,
      pending: manages ? await memberships.countPending() : 0,
      manages,
    });
  });

  app.get('/partnership/organisations/:id', directory, async (request, reply) => {
    const user = request.viewer!.user;
    const query = queryOf(request);
    const organisation = await profileOr404(idParam(request));
    const notice = query.approved
      ? 'Application approved. The organisation has been added.'
      : query.saved
        ? 'Changes saved.'
        : undefined;
    return reply.view('pages/partnership/organisation.njk', {
      pageTitle: organisation.name,
      organisation,
      kindLabels: organisationKindLabels,
      manages: can({ id: user.id, role: user.role }, 'partnership:manage'),
      notice,
      invited: query.invited,
    });
  });

  const editContext = async (id: string) => ({
    pageTitle: 'Change organisation details',
    organisation: await profileOr404(id),
    kindItems: optionsOf(organisationKinds, organisationKindLabels),
    communities,
  });

  app.get('/partnership/organisations/:id/edit', manage, async (request, reply) => {
    const context = await editContext(idParam(request));
    return reply.view('pages/partnership/organisation-edit.njk', {
      ...context,
      values: profileValues(context.organisation),
    });
  });

  app.post('/partnership/organisations/:id/edit', manage, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const form = {
      template: 'pages/partnership/organisation-edit.njk',
      context: await editContext(id),
      values,
    };
    const shown = await handleForm(reply, form, () =>
      memberships.updateProfile(actorOf(request), id, values),
    );
    return shown ? reply : reply.redirect(`/partnership/organisations/${id}?saved=1`, 303);
  });

  app.post('/partnership/organisations/:id/representatives', manage, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const organisation = await profileOr404(id);
    const context = {
      pageTitle: organisation.name,
      organisation,
      kindLabels: organisationKindLabels,
      manages: true,
    };
    const shown = await handleForm(
      reply,
      { template: 'pages/partnership/organisation.njk', context, values },
      () => memberships.addRepresentative(actorOf(request), id, values),
    );
    return shown ? reply : reply.redirect(`/partnership/organisations/${id}?saved=1`, 303);
  });

  app.post(
    '/partnership/organisations/:id/representatives/:representativeId/end',
    manage,
    async (request, reply) => {
      const { id, representativeId } = request.params as { id: string; representativeId: string };
      const values = partnershipForm(request.body);
      const organisation = await profileOr404(id);
      const context = {
        pageTitle: organisation.name,
        organisation,
        kindLabels: organisationKindLabels,
        manages: true,
      };
      const shown = await handleForm(
        reply,
        { template: 'pages/partnership/organisation.njk', context, values },
        () => memberships.endRepresentative(actorOf(request), id, representativeId, values),
      );
      return shown ? reply : reply.redirect(`/partnership/organisations/${id}?saved=1`, 303);
    },
  );

  app.get('/partnership/applications', manage, async (request, reply) =>
    reply.view('pages/partnership/applications.njk', {
      pageTitle: 'Applications to join',
      applications: await memberships.list(),
      statusLabels: applicationStatusLabels,
      kindLabels: organisationKindLabels,
      notice: queryOf(request).declined
        ? 'Application declined. We have emailed the reason to the applicant.'
        : undefined,
    }),
  );

  const applicationContext = async (id: string) => {
    const application = await memberships.get(id);
    return {
      pageTitle: `Application from ${application.organisationName}`,
      application,
      statusLabels: applicationStatusLabels,
      kindLabels: organisationKindLabels,
    };
  };

  app.get('/partnership/applications/:id', manage, async (request, reply) =>
    reply.view('pages/partnership/application.njk', await applicationContext(idParam(request))),
  );

  app.post('/partnership/applications/:id/approve', manage, async (request, reply) => {
    const id = idParam(request);
    let next = '';
    const form = {
      template: 'pages/partnership/application.njk',
      context: await applicationContext(id),
      values: {},
    };
    const shown = await handleForm(reply, form, async () => {
      const approved = await memberships.approve(actorOf(request), id);
      const invited = approved.invited.length ? 'sent' : 'existing';
      next = `/partnership/organisations/${approved.organisationId}?approved=1&invited=${invited}`;
    });
    return shown ? reply : reply.redirect(next, 303);
  });

  app.post('/partnership/applications/:id/decline', manage, async (request, reply) => {
    const id = idParam(request);
    const values = partnershipForm(request.body);
    const form = {
      template: 'pages/partnership/application.njk',
      context: await applicationContext(id),
      values,
    };
    const shown = await handleForm(reply, form, () => memberships.decline(actorOf(request), id, values));
    return shown ? reply : reply.redirect('/partnership/applications?declined=1', 303);
  });
}
