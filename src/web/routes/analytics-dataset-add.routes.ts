// Adding files to a dataset (next month's extract) from its page: the files are read with the
// dataset's columns and its rows kept; the addition's page then follows it as an import's does.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Dataset } from '../../features/analytics/analytics.ts';
import { CORRECTIONS_LABEL } from '../../analytics/datasets/added-files.ts';
import { headingsNeeded } from '../../features/analytics/dataset-columns.ts';
import { FormError, NotFoundError } from '../../features/shared/errors.ts';
import type { Services } from '../../services.ts';
import { sizeInWords, uploadedFiles } from '../middleware/multipart.ts';
import {
  chosenFilesProblem,
  keepUploads,
  manage,
  MAX_FILES,
  uploadRoute,
  type UploadForm,
} from './dataset-uploads.ts';
import { formBody, handleForm } from './form-helpers.ts';
import { actorOf } from './partnership-helpers.ts';

const template = 'pages/analytics/dataset-add.njk';
const formOf = (request: FastifyRequest): string =>
  `/analytics/datasets/${(request.params as { id: string }).id}/add`;

const addUpload: UploadForm = {
  none: 'Choose the files to add',
  command: 'parity dataset add',
  commandLine:
    'The command line adds any number of files to a dataset: parity dataset add <file> <file> … --name <name> [--corrections].',
  backHref: formOf,
  backText: 'Go back to Add files',
};

export function analyticsDatasetAddRoutes(app: FastifyInstance, services: Services): void {
  const { analytics } = services;
  const uploadLimit = services.config.datasetUploadBytes;

  /** The dataset of the address, if files can be added to it: imported from files, and ready. */
  const datasetOf = async (request: FastifyRequest): Promise<Dataset> => {
    const dataset = await analytics.getDataset((request.params as { id: string }).id);
    if (dataset.status !== 'ready' || dataset.format === 'postgres' || !dataset.mapping)
      throw new NotFoundError('Files can be added only to a dataset imported from files');
    return dataset;
  };
  const page = (dataset: Dataset, chosen: string[] = []) => ({
    pageTitle: `Add files to ${dataset.name}`,
    dataset,
    headings: headingsNeeded(dataset.mapping!),
    uploadLimit: sizeInWords(uploadLimit),
    maxFiles: MAX_FILES,
    chosenFiles: chosen,
    correctionsLabel: CORRECTIONS_LABEL,
  });

  app.get('/analytics/datasets/:id/add', manage, async (request, reply) =>
    reply.view(template, { ...page(await datasetOf(request)), values: {} }),
  );

  /** A multipart form: its `_csrf` field comes first and is checked before the files are read. */
  app.post('/analytics/datasets/:id/add', uploadRoute(services, addUpload), async (request, reply) => {
    const dataset = await datasetOf(request);
    const files = uploadedFiles(request, 'file');
    const fileProblem = chosenFilesProblem(files, uploadLimit, addUpload);
    const values = formBody(request.body);
    let id = '';
    const shown = await handleForm(
      reply,
      { template, context: page(dataset, fileProblem ? [] : files.map((f) => f.filename)), values },
      async () => {
        if (fileProblem || files.some((f) => !f.path))
          throw new FormError([{ field: 'file', message: fileProblem ?? 'Choose the files again' }]);
        const saved = keepUploads(services, files);
        try {
          const started = await analytics.startAddition(actorOf(request), {
            name: dataset.name,
            file: saved[0]!,
            moreFiles: saved.slice(1),
            sourceNames: files.map((f) => f.filename),
            corrections: values.corrections === 'yes',
          });
          id = started.id;
          void started.finished.then((failure) => {
            if (failure)
              app.log.error({ datasetId: id, failure }, 'Adding files to a dataset failed unexpectedly');
          });
        } catch (error) {
          // Whatever stopped the addition is said beside the files, unless it is of the check box.
          if (error instanceof FormError)
            throw new FormError(
              error.errors.map((e) => ({
                field: e.field === 'corrections' ? 'corrections' : 'file',
                message: e.message,
              })),
            );
          throw error;
        }
      },
    );
    return shown ? reply : reply.redirect(`/analytics/datasets/${id}`, 303);
  });
}
