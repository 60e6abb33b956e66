import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { FormError } from '../../features/shared/errors.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { uploadedFile } from '../middleware/multipart.ts';
import { edsUser, params } from './eds-helpers.ts';
import { formBody, handleForm } from './form-helpers.ts';

export function edsEvidenceRoutes(app: FastifyInstance, services: Services): void {
  const { reviews, evidence, workforce } = services.eds;
  const manage = { preHandler: requirePermission('eds:manage') };

  async function formContext(id: string, code: string) {
    const detail = await reviews.detail(id);
    const group = detail.framework.groups.find((g) => g.outcomes.some((o) => o.code === code));
    const outcome = group?.outcomes.find((o) => o.code === code);
    return {
      pageTitle: `Add evidence to outcome ${code}`,
      ...detail,
      group,
      outcome,
      years: group?.workforceEvidence ? await workforce.years() : [],
    };
  }

  app.get('/eds/reviews/:id/outcomes/:code/evidence/new', manage, async (request, reply) => {
    const context = await formContext(params(request).id!, params(request).code!);
    if (!context.outcome) return reply.callNotFound();
    return reply.view('pages/eds/evidence-new.njk', {
      ...context,
      values: { providedBy: request.viewer!.user.name },
    });
  });

  /** A multipart form: its `_csrf` field comes first and is checked before the file is read. */
  app.post('/eds/reviews/:id/outcomes/:code/evidence/new', manage, async (request, reply) => {
    const { id, code } = params(request) as { id: string; code: string };
    const context = await formContext(id, code);
    if (!context.outcome) return reply.callNotFound();
    const values = formBody(request.body);
    const file = uploadedFile(request, 'file');
    const shown = await handleForm(reply, { template: 'pages/eds/evidence-new.njk', context, values }, () =>
      evidence.add(
        edsUser(request),
        id,
        code,
        values,
        file && { filename: file.filename, data: file.data, tooLarge: file.tooLarge },
      ),
    );
    return shown ? reply : reply.redirect(`/eds/reviews/${id}/outcomes/${code}`, 303);
  });

  app.post('/eds/reviews/:id/outcomes/:code/evidence/workforce', manage, async (request, reply) => {
    const { id, code } = params(request) as { id: string; code: string };
    const context = await formContext(id, code);
    if (!context.outcome) return reply.callNotFound();
    const values = formBody(request.body);
    const shown = await handleForm(
      reply,
      { template: 'pages/eds/evidence-new.njk', context, values },
      async () => {
        const year = Number(values.year);
        if (!context.years.some((y) => y.year === year)) {
          throw new FormError([{ field: 'year', message: 'Select a year of workforce figures' }]);
        }
        await evidence.addWorkforce(edsUser(request), id, code, year);
      },
    );
    return shown ? reply : reply.redirect(`/eds/reviews/${id}/outcomes/${code}`, 303);
  });

  app.post('/eds/evidence/:evidenceId/remove', manage, async (request, reply) => {
    const values = formBody(request.body);
    await evidence.remove(edsUser(request), params(request).evidenceId!);
    const back = /^\/eds\/reviews\/[\w-]+\/outcomes\/[\w.]+$/.test(values.back ?? '') ? values.back! : '/eds';
    return reply.redirect(back, 303);
  });

  /** Files are served only to people who may see that outcome's evidence, always as a download. */
  app.get(
    '/eds/evidence/:evidenceId/file',
    { preHandler: requirePermission('eds:grade') },
    async (request, reply) => {
      const file = await evidence.file(edsUser(request), params(request).evidenceId!);
      const name = file.name.replace(/["\\]/g, '_');
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(createReadStream(file.path));
    },
  );
}
