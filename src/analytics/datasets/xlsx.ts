// Excel workbooks are parsed in JavaScript (xlsx-convert.ts), seconds of CPU for a large one, so
// they are read in a worker thread, and the server goes on answering on its own core meanwhile.
import { Worker } from 'node:worker_threads';
import { SourceFileError } from './source-error.ts';
import type { XlsxConverted, XlsxOptions } from './xlsx-convert.ts';

const start = new URL('./xlsx-worker-start.mjs', import.meta.url);
const worker = new URL('./xlsx-worker.ts', import.meta.url).href;

/** What a workbook worker posts back: its result, or the error it met. */
export type WorkbookReply<T> =
  ({ ok: true } & T) | { ok: false; fileProblem: boolean; name: string; message: string };

/** The reply to post for an error: a problem with the file (SourceFileError) is the user's to fix. */
export function failureReply(error: unknown): WorkbookReply<never> {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return { ok: false, fileProblem: error instanceof SourceFileError, name, message };
}

/** What a workbook worker posts while it reads: the share of the worksheet read (0–1). */
export interface WorkbookProgress {
  progress: number;
}

/**
 * Runs a workbook worker module (`module`, a file URL) with `data`; resolves to its result. The
 * share read so far, when the worker posts it, goes to `onProgress`.
 */
export function inWorkbookWorker<T>(
  module: string,
  data: object,
  onProgress?: (share: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(start, { workerData: { ...data, module } });
    let replied = false;
    thread.on('message', (reply: WorkbookReply<T> | WorkbookProgress) => {
      if ('progress' in reply) return onProgress?.(reply.progress);
      replied = true;
      if (reply.ok) resolve(reply);
      else if (reply.fileProblem) reject(new SourceFileError(reply.message));
      else reject(Object.assign(new Error(reply.message), { name: reply.name }));
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (!replied) reject(new Error(`The workbook reader stopped without an answer (exit code ${code})`));
    });
  });
}

/**
 * Writes a worksheet out as CSV from its heading row; returns where its headings were, which
 * worksheet was read when the first, with no LSOA column, was passed over, and the other worksheets
 * with an LSOA column.
 */
export async function xlsxToCsv(
  file: string,
  csvFile: string,
  options: XlsxOptions = {},
  onProgress?: (share: number) => void,
): Promise<XlsxConverted> {
  const { ok: _ok, ...converted } = await inWorkbookWorker<{ ok: true } & XlsxConverted>(
    worker,
    { file, csvFile, options },
    onProgress,
  );
  return converted;
}
