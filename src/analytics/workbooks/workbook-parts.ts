// The parts of a workbook needed before its cells: where each worksheet is (workbook.xml and its
// relationships), the shared strings, and which cell styles show dates (styles.xml).
import path from 'node:path';
import { isDateFormatCode, isDateFormatId } from './cell-values.ts';
import { attribute, elementBatches, elementPattern, stringItemText } from './xml-scan.ts';
import type { ZipArchive } from './zip-archive.ts';

export interface WorkbookLayout {
  /** Worksheet names in the workbook's order, with the part holding each. */
  sheets: { name: string; part: string | undefined }[];
  date1904: boolean;
  sharedStringsPart: string | undefined;
  stylesPart: string | undefined;
}

interface Relationship {
  type: string;
  target: string;
}

/** The relationships of the part at `part` (its `_rels/<name>.rels`), targets resolved to part names. */
async function relationshipsOf(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const folder = path.posix.dirname(part);
  const rels = zip.find(
    path.posix.join(folder === '.' ? '' : folder, '_rels', `${path.posix.basename(part)}.rels`),
  );
  const found = new Map<string, Relationship>();
  if (!rels) return found;
  for (const m of (await zip.text(rels)).matchAll(elementPattern('Relationship'))) {
    const id = attribute(m[1] ?? '', 'Id');
    const target = attribute(m[1] ?? '', 'Target');
    if (id === undefined || target === undefined) continue;
    const resolved = target.startsWith('/')
      ? target.slice(1)
      : path.posix.normalize(path.posix.join(folder === '.' ? '' : folder, target));
    found.set(id, { type: attribute(m[1] ?? '', 'Type') ?? '', target: resolved });
  }
  return found;
}

const ofType = (rels: Map<string, Relationship>, type: string): string | undefined =>
  [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;

/** A relationship id attribute, whatever its namespace prefix (`r:id`). */
const RELATIONSHIP_ID = /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** Where the worksheets, shared strings and styles are; throws when there is no workbook part. */
export async function readLayout(zip: ZipArchive): Promise<WorkbookLayout> {
  const root = await relationshipsOf(zip, '');
  const workbookPart = zip.find(ofType(root, 'officeDocument') ?? 'xl/workbook.xml');
  if (!workbookPart) throw new Error('The archive has no workbook part');
  const xml = await zip.text(workbookPart);
  const rels = await relationshipsOf(zip, workbookPart);
  const sheets = [...xml.matchAll(elementPattern('sheet'))].map((m) => {
    const id = RELATIONSHIP_ID.exec(m[1] ?? '');
    const target = rels.get(id?.[1] ?? id?.[2] ?? '')?.target;
    return {
      name: attribute(m[1] ?? '', 'name') ?? '',
      part: target === undefined ? undefined : zip.find(target),
    };
  });
  const properties = elementPattern('workbookPr', '').exec(xml)?.[1] ?? '';
  const date1904 = ['1', 'true'].includes(attribute(properties, 'date1904')?.toLowerCase() ?? '');
  const sharedStrings = ofType(rels, 'sharedStrings');
  const styles = ofType(rels, 'styles');
  return {
    sheets,
    date1904,
    sharedStringsPart: sharedStrings === undefined ? undefined : zip.find(sharedStrings),
    stylesPart: styles === undefined ? undefined : zip.find(styles),
  };
}

/** The shared strings, read as a stream (a large extract's can run to millions). */
export async function readSharedStrings(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  for await (const { elements } of elementBatches(zip.stream(part), 'si'))
    for (const element of elements) strings.push(stringItemText(element.inner));
  return strings;
}

/** For each cell style (its index in cellXfs), whether its number format shows a date. */
export async function readDateStyles(zip: ZipArchive, part: string | undefined): Promise<boolean[]> {
  if (!part) return [];
  const xml = await zip.text(part);
  const custom = new Map<number, string>();
  const formats = elementPattern('numFmts', '').exec(xml)?.[2] ?? '';
  for (const m of formats.matchAll(elementPattern('numFmt')))
    custom.set(Number(attribute(m[1] ?? '', 'numFmtId')), attribute(m[1] ?? '', 'formatCode') ?? '');
  const cellXfs = elementPattern('cellXfs', '').exec(xml)?.[2] ?? '';
  return [...cellXfs.matchAll(elementPattern('xf'))].map((m) => {
    const id = Number(attribute(m[1] ?? '', 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code === undefined ? isDateFormatId(id) : isDateFormatCode(code);
  });
}
