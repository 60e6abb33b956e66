// The name a breakdown group is shown by, on the pages and in what is downloaded from them.

const sexLabels: Record<string, string> = { F: 'Female', M: 'Male', U: 'Not known' };

/** Sex is stored as F, M and U; every other group is stored by the name it is shown by. */
export function groupLabel(dimension: string, group: string): string {
  if (dimension === 'sex') return sexLabels[group] ?? group;
  return group;
}
