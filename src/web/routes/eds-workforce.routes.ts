import type { FastifyInstance } from 'fastify';
import { FormError } from '../../features/shared/errors.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { uploadedFile } from '../middleware/multipart.ts';
import { edsUser, params } from './eds-helpers.ts';
import { handleForm } from './form-helpers.ts';

function formatFigure(value: number | null, unit: string): string {
  if (value === null) return 'Not available';
  switch (unit) {
    case 'ratio':
      return value.toFixed(2);
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'points':
      return `${value >= 0 ? '+' : ''}${value.toFixed(1)} points`;
    case 'yesno':
      return value === 1 ? 'Yes' : 'No';
    default:
      return value.toFixed(1);
  }
}

export function edsWorkforceRoutes(app: FastifyInstance, services: Services): void {
  const { workforce } = services.eds;
  const manage = { preHandler: requirePermission('workforce:manage') };

  const indexContext = async () => ({
    pageTitle: 'Workforce equality (WRES and WDES)',
    years: await workforce.years(),
    trend: await workforce.trend(),
    formatFigure,
  });

  app.get('/eds/workforce', manage, async (request, reply) => {
    const imported = (request.query as Record<string, string | undefined>).imported;
    return reply.view('pages/eds/workforce.njk', {
      ...(await indexContext()),
      notice: imported ? `Figures imported for ${imported}.` : undefined,
    });
  });

  /** A multipart form: its `_csrf` field comes first and is checked before the file is read. */
  app.post('/eds/workforce/import', manage, async (request, reply) => {
    const file = uploadedFile(request, 'file');
    let years: number[] = [];
    const shown = await handleForm(
      reply,
      { template: 'pages/eds/workforce.njk', context: await indexContext(), values: {} },
      async () => {
        if (!file) throw new FormError([{ field: 'file', message: 'Choose a CSV file to import' }]);
        if (file.tooLarge)
          throw new FormError([{ field: 'file', message: 'The selected file must be smaller than 10 MB' }]);
        years = await workforce.importCsv(edsUser(request), file.data.toString('utf8'));
      },
    );
    return shown ? reply : reply.redirect(`/eds/workforce?imported=${years.join(',')}`, 303);
  });

  // Graders read these figures as evidence, so anyone taking part in grading may see them.
  app.get('/eds/workforce/:year', { preHandler: requirePermission('eds:grade') }, async (request, reply) => {
    const year = Number(params(request).year);
    if (!Number.isInteger(year)) return reply.callNotFound();
    const indicators = await workforce.year(year);
    return reply.view('pages/eds/workforce-year.njk', {
      pageTitle: `Workforce equality ${year}`,
      year,
      ...indicators,
      formatFigure,
    });
  });
}
