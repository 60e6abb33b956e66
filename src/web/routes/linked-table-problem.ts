// A linked dataset's table may be dropped, renamed or closed to Parity after it was linked: its pages
// then say so, in place of what they count, rather than fail.
import { unreadableTable } from '../../features/analytics/analytics-compute.ts';
import type { Dataset } from '../../features/analytics/analytics.ts';

export async function readable<T>(
  dataset: Dataset,
  read: (datasetName: string) => Promise<T>,
): Promise<{ counted: T } | { problem: string }> {
  try {
    return { counted: await read(dataset.name) };
  } catch (error) {
    const problem = unreadableTable(dataset, error);
    if (problem === null) throw error;
    return { problem };
  }
}
