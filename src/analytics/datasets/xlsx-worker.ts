// Runs in a worker thread (xlsx.ts): converts one workbook and posts what came of it.
import { parentPort, workerData } from 'node:worker_threads';
import { convertXlsxToCsv, type XlsxConverted, type XlsxOptions } from './xlsx-convert.ts';
import { failureReply, type WorkbookProgress, type WorkbookReply } from './xlsx.ts';

const { file, csvFile, options } = workerData as { file: string; csvFile: string; options: XlsxOptions };
let reply: WorkbookReply<XlsxConverted>;
try {
  const progress = (share: number) => parentPort!.postMessage({ progress: share } satisfies WorkbookProgress);
  reply = { ok: true, ...(await convertXlsxToCsv(file, csvFile, options, progress)) };
} catch (error) {
  reply = failureReply(error);
}
parentPort!.postMessage(reply);
