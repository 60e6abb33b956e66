import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ALL_SHEETS_LABEL } from '../../analytics/datasets/worksheets-read.ts';
import { stageLabels, type Dataset, type ResultOfDataset } from '../../features/analytics/analytics.ts';
import type { IndicatorNotComputed } from '../../features/analytics/analytics-compute.ts';
import { listInWords } from '../../analytics/in-words.ts';
import { columnsRead } from '../../features/analytics/dataset-columns.ts';
import { FormError, NotFoundError, type FieldError } from '../../features/shared/errors.ts';
import type { Services } from '../../services.ts';
import { viewerCan } from '../middleware/authorise.ts';
import { sizeInWords, uploadedFiles } from '../middleware/multipart.ts';
import { analyticsDatasetAddRoutes } from './analytics-dataset-add.routes.ts';
import {
  chosenFilesProblem,
  keepUploads,
  manage,
  MAX_FILES,
  uploadRoute,
  type UploadForm,
} from './dataset-uploads.ts';
import {
  datasetRemovalRoutes,
  mayRemoveDatasets,
  removedNotice,
} from './analytics-dataset-removal.routes.ts';
import { indicatorView } from './analytics.routes.ts';
import { recordingView, share } from './analytics-recording.ts';
import { analyticsReachRoutes } from './analytics-reach.routes.ts';
import { columnFields, mappingFromForm, usesColumnSettings } from './dataset-mapping-form.ts';
import { allValues, formBody, handleForm, type FormBody } from './form-helpers.ts';
import { actorOf } from './partnership-helpers.ts';
import { postcodeLookupView } from './postcode-lookup-text.ts';
import { fileFormatInWords } from './file-format-text.ts';
import { readable } from './linked-table-problem.ts';

const idOf = (request: FastifyRequest): string => (request.params as { id: string }).id;

const importUpload: UploadForm = {
  none: 'Choose a CSV, Parquet or spreadsheet file to import',
  command: 'parity dataset import',
  commandLine:
    'The command line takes any number of files as one dataset: parity dataset import <file> <file> … --name <name>.',
  backHref: () => '/analytics/datasets/new',
  backText: 'Go back to Import a dataset',
};

/** The banner after computing, from the count in the address ("?computed=3"). */
function computedNotice(count: string | undefined): string | undefined {
  if (!count || !/^\d+$/.test(count)) return undefined;
  return count === '1'
    ? 'One indicator computed as a draft. Check it below, then publish it.'
    : `${count} indicators computed as drafts. Check each one below, then publish it.`;
}

/**
 * The indicators a dataset cannot give, those with the same reason in one line ("People waiting more
 * than 18 weeks and People waiting more than 52 weeks: each needs a field …"), in catalogue order.
 */
function byReason(missing: IndicatorNotComputed[]): { titles: string; reason: string }[] {
  const groups = new Map<string, string[]>();
  for (const m of missing) groups.set(m.reason, [...(groups.get(m.reason) ?? []), m.title]);
  return [...groups].map(([reason, titles]) => ({
    titles: listInWords(titles),
    reason: titles.length > 1 ? `each ${reason}` : reason,
  }));
}

/** The optional breakdowns ticked on a dataset's compute form: domain deciles and others. */
type Ticked = { domains: string[]; alsoBy: string[] };

/** Staff pages: import extracts, follow the import, compute and publish. */
export function analyticsDatasetRoutes(app: FastifyInstance, services: Services): void {
  const { analytics } = services;

  app.get('/analytics/datasets', manage, async (request, reply) => {
    const query = request.query as { removed?: string; computing?: string; geography?: string };
    const { removed, computing } = query;
    const notice = removed
      ? removedNotice(await analytics.removedDataset(removed))
      : query.geography === 'imported'
        ? 'The reference geography was imported: what is there now is below. Compute the indicators of each dataset again for its rates and breakdowns to use it.'
        : undefined;
    const datasets = await analytics.listDatasets();
    const ready = new Set(datasets.filter((d) => d.status === 'ready').map((d) => d.name));
    return reply.view('pages/analytics/datasets.njk', {
      pageTitle: 'Datasets',
      uploadLimit: sizeInWords(services.config.datasetUploadBytes),
      // An import beside a ready dataset of its name replaces it only when it succeeds.
      datasets: datasets.map((d) => ({ ...d, besideEarlier: d.status !== 'ready' && ready.has(d.name) })),
      geography: await analytics.referenceGeography(),
      mayImportGeography: viewerCan(request, 'analytics:geography'),
      census: await analytics.censusEthnicity(),
      censusDetailed: await analytics.censusEthnicityDetailed(),
      postcodes: postcodeLookupView(await analytics.postcodeLookup()),
      lsoaLookup: await analytics.lsoaLookup(),
      stageLabels,
      notice:
        notice && computing
          ? `Its indicators were not computed: the dataset was removed while they were being worked out. ${notice}`
          : notice,
    });
  });

  const uploadLimit = services.config.datasetUploadBytes;
  const importForm = async (values: FormBody, chosen: string[] = []) => ({
    pageTitle: 'Import a dataset',
    uploadLimit: sizeInWords(uploadLimit),
    maxFiles: MAX_FILES,
    columnFields,
    allSheetsLabel: ALL_SHEETS_LABEL,
    columnsOpen: usesColumnSettings(values),
    chosenFile: chosen.length ? listInWords(chosen) : undefined,
    chosenMany: chosen.length > 1,
    exampleExtract: await analytics.offersExampleExtract(),
  });

  app.get('/analytics/datasets/new', manage, async (_request, reply) =>
    reply.view('pages/analytics/dataset-new.njk', { ...(await importForm({})), values: {} }),
  );

  app.get('/analytics/datasets/example-extract.csv', manage, async (_request, reply) => {
    const csv = await analytics.exampleExtract();
    if (csv === null) throw new NotFoundError('The example extract is offered with the demo only');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="example-extract.csv"')
      .send(csv);
  });

  /** A multipart form: its `_csrf` field comes first and is checked before the file is read. */
  app.post('/analytics/datasets/new', uploadRoute(services, importUpload), async (request, reply) => {
    const values = formBody(request.body);
    const files = uploadedFiles(request, 'file');
    const fileProblem = chosenFilesProblem(files, uploadLimit, importUpload);
    const file = files[0];
    // A browser does not keep a chosen file when the form comes back: the page says to choose it again.
    const context = await importForm(values, fileProblem ? [] : files.map((f) => f.filename));
    let id = '';
    const shown = await handleForm(
      reply,
      { template: 'pages/analytics/dataset-new.njk', context, values },
      async () => {
        // The file is checked here; the name and the mapping as the import would check them.
        const errors: FieldError[] = fileProblem ? [{ field: 'file', message: fileProblem }] : [];
        let mapping: unknown;
        try {
          mapping = mappingFromForm(values);
        } catch (error) {
          if (!(error instanceof FormError)) throw error;
          errors.push(...error.errors);
        }
        errors.push(
          ...analytics
            .importProblems({ name: values.name, file: file?.filename ?? '', mapping })
            .filter((e) => e.field !== 'file'),
        );
        if (errors.length || !file || files.some((f) => !f.path)) throw new FormError(errors);
        const saved = keepUploads(services, files);
        const started = await analytics.startImport(actorOf(request), {
          name: values.name,
          file: saved[0]!,
          moreFiles: saved.slice(1),
          mapping,
          sourceName: file.filename,
          sourceNames: files.map((f) => f.filename),
        });
        id = started.id;
        void started.finished.then((failure) => {
          if (failure) app.log.error({ datasetId: id, failure }, 'A dataset import failed unexpectedly');
        });
      },
    );
    return shown ? reply : reply.redirect(`/analytics/datasets/${id}`, 303);
  });

  const linkForm = {
    template: 'pages/analytics/dataset-link.njk',
    context: {
      pageTitle: 'Link a PostgreSQL table',
      configured: Boolean(services.config.analyticsDatabaseUrl),
    },
  };

  app.get('/analytics/datasets/link', manage, async (_request, reply) =>
    reply.view(linkForm.template, { ...linkForm.context, values: {} }),
  );

  app.post('/analytics/datasets/link', manage, async (request, reply) => {
    const values = formBody(request.body);
    let id = '';
    const shown = await handleForm(reply, { ...linkForm, values }, async () => {
      ({ id } = await analytics.linkTable(actorOf(request), values));
    });
    return shown ? reply : reply.redirect(`/analytics/datasets/${id}`, 303);
  });

  /**
   * What a ready dataset can give, and why not the rest: apart, in a list of their own, those that
   * need measures of another kind of extract, which nothing done to this one would give.
   */
  const indicatorsOf = async (dataset: Dataset) => {
    const { given, notGiven } = await analytics.indicatorsOf(dataset.name);
    return {
      given: given.map((i) => i.title),
      catalogueSize: given.length + notGiven.length,
      notComputed: byReason(notGiven.filter((m) => !m.fieldsOnly)),
      otherKinds: byReason(notGiven.filter((m) => m.fieldsOnly)),
    };
  };

  /** The breakdowns of the dataset's latest results, so that computing again keeps those asked for. */
  const lastComputed = async (results: ResultOfDataset[]): Promise<Ticked> => {
    const latest = results.find((r) => r.draftId ?? r.publishedId);
    const id = latest?.draftId ?? latest?.publishedId;
    if (!id) return { domains: [], alsoBy: [] };
    const ids = (await analytics.getResult(id, true)).result.dimensions.map((d) => d.id);
    return { domains: ids, alsoBy: ids };
  };

  /** What the dataset's page shows, with the breakdowns ticked on its compute form. */
  const datasetPage = async (request: FastifyRequest, dataset: Dataset, asked?: Ticked) => {
    const results = await analytics.resultsOfDataset(dataset.id);
    const ticked = asked ?? (await lastComputed(results));
    const available = await analytics.domainBreakdowns(dataset);
    const recording = dataset.status === 'ready' ? await readable(dataset, analytics.recordingQuality) : null;
    return {
      pageTitle: `Dataset: ${dataset.name}`,
      dataset,
      formatInWords: fileFormatInWords(dataset.format),
      earlier: await analytics.datasetReplacedBy(dataset),
      ...(dataset.status === 'ready'
        ? await indicatorsOf(dataset)
        : { given: [], notComputed: [], otherKinds: [] }),
      problemShare:
        dataset.rowsWithProblems && dataset.rowsRead
          ? share(dataset.rowsWithProblems, dataset.rowsRead)
          : null,
      recording: recording && 'counted' in recording ? recordingView(recording.counted) : null,
      tableProblem: recording && 'problem' in recording ? recording.problem : null,
      domainItems: available.map((d) => ({
        value: d.id,
        text: d.label,
        checked: ticked.domains.includes(d.id),
      })),
      alsoByItems: [
        {
          value: 'core20_ethnic',
          text: 'Ethnic group: the Core20 and the rest within each broad ethnic group',
        },
        { value: 'core20_place', text: 'Place: the Core20 and the rest within each place' },
      ].map((item) => ({ ...item, checked: ticked.alsoBy.includes(item.value) })),
      results,
      columns: dataset.mapping ? columnsRead(dataset.mapping) : [],
      stageLabels,
      mayRemove: mayRemoveDatasets(request),
    };
  };

  app.get('/analytics/datasets/:id', manage, async (request, reply) => {
    const dataset = await analytics.getDataset(idOf(request));
    const computed = (request.query as { computed?: string }).computed;
    return reply.view('pages/analytics/dataset.njk', {
      ...(await datasetPage(request, dataset)),
      notice: computedNotice(computed),
    });
  });

  app.post('/analytics/datasets/:id/compute', manage, async (request, reply) => {
    const dataset = await analytics.getDataset(idOf(request));
    const ticked = { domains: allValues(request.body, 'domains'), alsoBy: allValues(request.body, 'alsoBy') };
    try {
      let count = 0;
      const shown = await handleForm(
        reply,
        {
          template: 'pages/analytics/dataset.njk',
          context: () => datasetPage(request, dataset, ticked),
          values: {},
        },
        async () => {
          count = (await analytics.compute(actorOf(request), { datasetName: dataset.name, ...ticked }))
            .length;
        },
      );
      return shown ? reply : reply.redirect(`/analytics/datasets/${dataset.id}?computed=${count}`, 303);
    } catch (error) {
      // Removed meanwhile (by someone else, or in another tab): whatever failed, that is why.
      if (await analytics.removedDataset(dataset.id))
        return reply.redirect(
          `/analytics/datasets?removed=${encodeURIComponent(dataset.id)}&computing=1`,
          303,
        );
      throw error;
    }
  });

  app.post('/analytics/results/:id/publish', manage, async (request, reply) => {
    // A draft of a result already published takes the published one's place (and address).
    let publishedId = '';
    const page = {
      template: 'pages/analytics/indicator.njk',
      context: () => indicatorView(services, request, idOf(request)),
      values: {},
    };
    const shown = await handleForm(reply, page, async () => {
      publishedId = await analytics.publish(actorOf(request), idOf(request));
    });
    return shown ? reply : reply.redirect(`/analytics/indicators/${publishedId}?published=1`, 303);
  });

  datasetRemovalRoutes(app, services);
  analyticsDatasetAddRoutes(app, services);
  analyticsReachRoutes(app, services);
}
