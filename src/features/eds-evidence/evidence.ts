export const evidenceSources = ['link', 'upload', 'workforce', 'note'] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

export interface Evidence {
  id: string;
  reviewId: string;
  outcomeCode: string;
  title: string;
  summary: string;
  linkUrl: string | null;
  file: { name: string; type: string; size: number } | null;
  providedBy: string;
  source: EvidenceSource;
  createdAt: string;
}

/** A file as received from a form, before it is checked. */
export interface Upload {
  filename: string;
  data: Buffer;
  tooLarge: boolean;
}
