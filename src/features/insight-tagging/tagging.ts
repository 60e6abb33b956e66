import { confidenceOf, type Prediction } from '../theme-classifier/predictor.ts';
import { sentimentLabels, type Sentiment } from '../theme-classifier/taxonomy.ts';
import { applyRules, groupRules, languagesMentioned, themeRules } from './rules.ts';

export const tagKinds = ['theme', 'group', 'sentiment', 'qdc'] as const;
export type TagKind = (typeof tagKinds)[number];
export type TagSource = 'model' | 'rule' | 'staff';
export type TagStatus = 'suggested' | 'accepted' | 'rejected';

export interface InsightTag {
  id: string;
  insightId: string;
  kind: TagKind;
  value: string;
  source: TagSource;
  score: number | null;
  reason: string | null;
  status: TagStatus;
  modelId: string | null;
  decidedByLabel: string | null;
  decidedAt: string | null;
}

export type SuggestedTag = Pick<InsightTag, 'kind' | 'value' | 'source' | 'score' | 'reason'>;

export const tagStatusLabels: Record<TagStatus, string> = {
  suggested: 'Suggested',
  accepted: 'Confirmed',
  rejected: 'Rejected',
};

export { sentimentLabels };
export type { Sentiment };

const quoted = (words: string[]) => words.map((x) => `“${x}”`).join(', ');

function modelReason(margin: number): string {
  return `Learnt from labelled NHS feedback; ${confidenceOf(margin)} confidence`;
}

/** Model themes merged with rule themes: one suggestion per theme, with every reason given. */
function themeSuggestions(text: string, prediction: Prediction | null): SuggestedTag[] {
  const byTheme = new Map<string, SuggestedTag>();
  for (const t of prediction?.themes ?? []) {
    byTheme.set(t.theme, {
      kind: 'theme',
      value: t.theme,
      source: 'model',
      score: t.margin,
      reason: modelReason(t.margin),
    });
  }
  for (const match of applyRules(themeRules, text)) {
    const reason = `Mentions ${quoted(match.matched)}`;
    const existing = byTheme.get(match.value);
    if (existing) existing.reason = `${existing.reason}. ${reason}`;
    else byTheme.set(match.value, { kind: 'theme', value: match.value, source: 'rule', score: null, reason });
  }
  return [...byTheme.values()];
}

function groupSuggestions(text: string): SuggestedTag[] {
  const spoken = languagesMentioned(text);
  return applyRules(groupRules, text).map((match) => ({
    kind: 'group',
    value: match.value,
    source: 'rule',
    score: null,
    reason:
      `Mentions ${quoted(match.matched)}` +
      (match.value === 'People who speak little or no English' && spoken.length
        ? `; language: ${spoken.join(', ')}`
        : ''),
  }));
}

/**
 * Every suggestion for a text: themes (model and rules), equality groups (rules), sentiment and QDC
 * sub-categories (model). Without a model, only the rules suggest.
 */
export function suggestTags(text: string, prediction: Prediction | null): SuggestedTag[] {
  const out = [...themeSuggestions(text, prediction), ...groupSuggestions(text)];
  if (prediction) {
    const { value, margin } = prediction.sentiment;
    out.push({ kind: 'sentiment', value, source: 'model', score: margin, reason: modelReason(margin) });
    for (const q of prediction.qdc) {
      out.push({ kind: 'qdc', value: q.subcategory, source: 'model', score: q.margin, reason: q.major });
    }
  }
  return out;
}
