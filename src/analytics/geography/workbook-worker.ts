// Runs in a worker thread (geography-files.ts): writes out one geography workbook's worksheet.
import { parentPort, workerData } from 'node:worker_threads';
import { failureReply, type WorkbookReply } from '../datasets/xlsx.ts';
import type { GeographyRole } from './official-formats.ts';
import { convertGeographyWorkbook } from './workbook-convert.ts';

const { file, csvFile, role, sheet } = workerData as {
  file: string;
  csvFile: string;
  role: GeographyRole;
  sheet?: string;
};
let reply: WorkbookReply<{ sheets: string[]; workbookSheets: string[] }>;
try {
  reply = { ok: true, ...(await convertGeographyWorkbook(file, csvFile, role, sheet)) };
} catch (error) {
  reply = failureReply(error);
}
parentPort!.postMessage(reply);
