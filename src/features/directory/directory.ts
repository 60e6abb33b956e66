export const directoryScopes = ['local', 'national'] as const;
export type DirectoryScope = (typeof directoryScopes)[number];

export const directoryScopeLabels: Record<DirectoryScope, string> = {
  local: 'Local',
  national: 'National',
};

export interface DirectoryEntry {
  id: string;
  name: string;
  scope: DirectoryScope;
  area: string;
  description: string;
  contact: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  communities: string[];
}

export interface DirectoryFilter {
  q?: string | undefined;
  community?: string | undefined;
  scope?: DirectoryScope | undefined;
}

export interface EngagementGuide {
  id: string;
  slug: string;
  community: string;
  summary: string;
  body: string;
  updatedByLabel: string;
  updatedAt: string;
}

export type GuideBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * A guide's plain text as blocks to render (always escaped): blank lines separate paragraphs and
 * lines starting "- " or "* " make a bulleted list. No markup from the text reaches the page.
 */
export function guideBlocks(body: string): GuideBlock[] {
  const blocks: GuideBlock[] = [];
  for (const chunk of body.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      if (list.length) blocks.push({ kind: 'list', items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      const item = /^[-*]\s+(.*)$/.exec(line)?.[1];
      if (item !== undefined) {
        if (paragraph.length) flush();
        list.push(item);
      } else {
        if (list.length) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}
