/**
 * How the QDC framework's sub-categories (the labels the public data carries) line up with Parity's
 * starter insight themes. Many-to-one; themes the framework lacks (cost, interpreting and language,
 * discrimination, digital exclusion) come from the rule-based taggers instead. Theme names match the
 * starter list; a theme an administrator renames or retires simply stops receiving suggestions.
 */
export const themeOfSubcategory: Record<string, string> = {
  'Contacting services': 'Access',
  'Appointment arrangements': 'Access',
  'Appointment method': 'Access',
  'Service location': 'Access',
  'Unspecified communication': 'Communication',
  'Staff listening, understanding & involving patients': 'Communication',
  'Information directly from staff during care': 'Communication',
  'Interaction with family/ carers': 'Communication',
  'Information provision & guidance': 'Information',
  'Being kept informed, clarity & consistency of information': 'Information',
  'Timeliness of care': 'Waiting times',
  'Transport to/ from services': 'Transport',
  Parking: 'Transport',
  'Staff manner & personal attributes': 'Dignity and respect',
  'Environment, facilities & equipment': 'Environment',
  'Cleanliness, tidiness & infection control': 'Environment',
  'Sensory experience': 'Environment',
  'Food & drink provision & facilities': 'Environment',
};

export function themesOfSubcategories(subcategories: readonly string[]): string[] {
  return [...new Set(subcategories.flatMap((s) => themeOfSubcategory[s] ?? []))].sort();
}

export const sentiments = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof sentiments)[number];

export const sentimentLabels: Record<Sentiment, string> = {
  positive: 'Positive',
  neutral: 'Neutral or mixed',
  negative: 'Negative',
};

/** The data's 5-point scale (1 very positive … 5 very negative) in the 3 classes QDC advises reporting. */
export function sentimentOfScore(score: number): Sentiment {
  return score <= 2 ? 'positive' : score === 3 ? 'neutral' : 'negative';
}
