import type { SheetReading } from './workbook.ts';

/** A reading's rows by index, each row the worksheet leaves out there as no cells. */
export async function firstRowsOf(reading: SheetReading): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of reading.batches) for (const row of batch) rows[row.index] = row.cells;
  return Array.from({ length: rows.length }, (_v, i) => rows[i] ?? []);
}
