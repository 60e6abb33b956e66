// Excel workbooks are read whole and synchronously (xlsx-convert.ts): a large one takes tens of
// seconds, so it is read in a worker thread, and the server goes on answering meanwhile.
import { Worker } from 'node:worker_threads';
import { SourceFileError } from './source-error.ts';
import type { XlsxOptions } from './xlsx-convert.ts';
import type { XlsxWorkerReply } from './xlsx-worker.ts';

const start = new URL('./xlsx-worker-start.mjs', import.meta.url);
const worker = new URL('./xlsx-worker.ts', import.meta.url).href;

/** Writes a worksheet out as CSV from its heading row; returns how many rows were above it. */
export function xlsxToCsv(
  file: string,
  csvFile: string,
  options: XlsxOptions = {},
): Promise<{ csv: string; rowsAboveHeadings: number }> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(start, { workerData: { module: worker, file, csvFile, options } });
    let replied = false;
    thread.once('message', (reply: XlsxWorkerReply) => {
      replied = true;
      if (reply.ok) resolve({ csv: csvFile, rowsAboveHeadings: reply.rowsAboveHeadings });
      else if (reply.fileProblem) reject(new SourceFileError(reply.message));
      else reject(Object.assign(new Error(reply.message), { name: reply.name }));
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (!replied) reject(new Error(`The workbook reader stopped without an answer (exit code ${code})`));
    });
  });
}
