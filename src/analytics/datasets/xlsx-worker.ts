// Runs in a worker thread (xlsx.ts): converts one workbook and posts what came of it.
import { parentPort, workerData } from 'node:worker_threads';
import { convertXlsxToCsv, type XlsxOptions } from './xlsx-convert.ts';
import { SourceFileError } from './source-error.ts';

export type XlsxWorkerReply =
  | { ok: true; rowsAboveHeadings: number }
  | { ok: false; fileProblem: boolean; name: string; message: string };

const { file, csvFile, options } = workerData as { file: string; csvFile: string; options: XlsxOptions };
let reply: XlsxWorkerReply;
try {
  const { rowsAboveHeadings } = await convertXlsxToCsv(file, csvFile, options);
  reply = { ok: true, rowsAboveHeadings };
} catch (error) {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  reply = { ok: false, fileProblem: error instanceof SourceFileError, name, message };
}
parentPort!.postMessage(reply);
