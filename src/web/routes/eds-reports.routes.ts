import type { FastifyInstance, FastifyReply } from 'fastify';
import { reportWorkbook } from '../../features/eds-reports/report-spreadsheet.ts';
import type { EdsReport } from '../../features/eds-reports/report.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { edsUser, params } from './eds-helpers.ts';

const spreadsheetTypes = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

function sendWorkbook(reply: FastifyReply, report: EdsReport, format: 'xlsx' | 'ods') {
  const name = `eds-report-${report.yearLabel.replace('/', '-')}.${format}`;
  return reply
    .type(spreadsheetTypes[format])
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(reportWorkbook(report, format));
}

function formatOf(value: string | undefined): 'xlsx' | 'ods' | undefined {
  return value === 'xlsx' || value === 'ods' ? value : undefined;
}

export function edsReportRoutes(app: FastifyInstance, services: Services): void {
  const { reports, reviews } = services.eds;
  const manage = { preHandler: requirePermission('eds:manage') };

  app.get('/eds/reviews/:id/report', manage, async (request, reply) => {
    const id = params(request).id!;
    const [report, review] = await Promise.all([reports.preview(edsUser(request), id), reviews.get(id)]);
    return reply.view('pages/eds/report.njk', {
      pageTitle: `EDS report ${report.yearLabel} (preview)`,
      report,
      review,
      preview: true,
    });
  });
  app.get('/eds/reviews/:id/report.:format', manage, async (request, reply) => {
    const format = formatOf(params(request).format);
    if (!format) return reply.callNotFound();
    return sendWorkbook(reply, await reports.preview(edsUser(request), params(request).id!), format);
  });
  app.post('/eds/reviews/:id/publish', manage, async (request, reply) => {
    await reports.publish(edsUser(request), params(request).id!);
    return reply.redirect(`/eds/reviews/${params(request).id}?done=published`, 303);
  });

  // Public: published reports at a stable address, as a page and as spreadsheets.
  app.get('/eds/reports', async (_request, reply) =>
    reply.view('pages/eds/reports.njk', {
      pageTitle: 'Equality Delivery System reports',
      published: await reports.publishedList(),
    }),
  );
  app.get('/eds/reports/:id', async (request, reply) => {
    const report = await reports.published(params(request).id!);
    return reply.view('pages/eds/report.njk', {
      pageTitle: `${report.frameworkName} report ${report.yearLabel}`,
      report,
      preview: false,
    });
  });
  app.get('/eds/reports/:id/report.:format', async (request, reply) => {
    const format = formatOf(params(request).format);
    if (!format) return reply.callNotFound();
    return sendWorkbook(reply, await reports.published(params(request).id!), format);
  });
}
