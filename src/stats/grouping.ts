/** Rows grouped by the values of some columns, in the order each group first appears. */
export type Row = Record<string, unknown>;

export interface Group<R extends Row> {
  key: Record<string, unknown>;
  rows: R[];
}

export function groupRows<R extends Row>(rows: readonly R[], by: readonly string[]): Group<R>[] {
  const groups = new Map<string, Group<R>>();
  for (const row of rows) {
    const keyValues = by.map((column) => row[column]);
    const id = JSON.stringify(keyValues);
    let group = groups.get(id);
    if (!group) {
      group = { key: Object.fromEntries(by.map((column, i) => [column, keyValues[i]])), rows: [] };
      groups.set(id, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}
