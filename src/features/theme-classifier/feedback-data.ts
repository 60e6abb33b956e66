import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

/**
 * Reads the public pxtextmining v6 file (MIT, NHS England) and maps its 50 v6 columns onto the QDC
 * v7 sub-categories with the mapping CSV beside it. Rows without text, the "Did not answer" rows and
 * rows with no v7 label are dropped: this is the "content" set of the research note.
 */
export interface FeedbackComment {
  id: string;
  text: string;
  /** QDC v7 sub-categories. */
  subcategories: string[];
  /** 1 very positive … 5 very negative, or null when not labelled. */
  sentiment: number | null;
  trust: string;
  question: string;
}

export interface CategoryMapping {
  /** v6 column → v7 sub-category. */
  subcategoryOf: Map<string, string>;
  /** v7 sub-category → v7 major category. */
  majorOf: Map<string, string>;
}

type Row = Record<string, string>;

function parseCsv(text: string): Row[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
}

export function parseMapping(csv: string): CategoryMapping {
  const subcategoryOf = new Map<string, string>();
  const majorOf = new Map<string, string>();
  for (const row of parseCsv(csv)) {
    const sub = row.v7_subcategory?.trim();
    if (!sub || !row.v6_column) continue;
    subcategoryOf.set(row.v6_column, sub);
    majorOf.set(sub, row.v7_major_category?.trim() ?? '');
  }
  return { subcategoryOf, majorOf };
}

export function parseFeedback(csv: string, mapping: CategoryMapping): FeedbackComment[] {
  const out: FeedbackComment[] = [];
  for (const row of parseCsv(csv)) {
    const text = (row['FFT answer'] ?? '').trim();
    // Texts with no letter or digit (an emoji alone) carry nothing to learn from.
    if (!/[\p{L}\p{N}]/u.test(text) || text === 'Did not answer') continue;
    const subcategories = new Set<string>();
    for (const [column, sub] of mapping.subcategoryOf) {
      if (row[column]?.trim() === '1') subcategories.add(sub);
    }
    if (!subcategories.size) continue;
    const sentiment = Number.parseInt(row['Comment sentiment'] ?? '', 10);
    out.push({
      id: row['Comment ID'] ?? String(out.length),
      text,
      subcategories: [...subcategories].sort(),
      sentiment: sentiment >= 1 && sentiment <= 5 ? sentiment : null,
      trust: row.Trust ?? '',
      question: (row['FFT question'] ?? '').replace(/\s+/g, ' ').trim(),
    });
  }
  return out;
}

export const feedbackFiles = {
  comments: 'pxtextmining_v6framework_230831.csv',
  mapping: 'qdc_v6_columns_to_v7_subcategories.csv',
};

export async function loadFeedback(
  commentsPath: string,
  mappingPath: string,
): Promise<{ comments: FeedbackComment[]; mapping: CategoryMapping }> {
  const [comments, mapping] = await Promise.all([
    readFile(commentsPath, 'utf8'),
    readFile(mappingPath, 'utf8'),
  ]);
  const parsed = parseMapping(mapping);
  return { comments: parseFeedback(comments, parsed), mapping: parsed };
}
