import type { Community } from '../memberships/communities.ts';

/**
 * Keyword rules for what the QDC framework has no label for: four Parity themes, and the equality
 * groups (protected characteristics, inclusion health groups, languages) a text mentions. They
 * favour recall: a mention of a group is not proof the issue is about that group, so every match is a
 * suggestion for staff to confirm, shown with the words that triggered it.
 */
export interface Rule<T extends string> {
  value: T;
  patterns: RegExp[];
}

export interface RuleMatch<T extends string> {
  value: T;
  /** The words in the text that matched. */
  matched: string[];
}

const w = (source: string) => new RegExp(`\\b(?:${source})\\b`, 'giu');

/** Spoken languages often needing an interpreter locally; naming one suggests a language need. */
export const languages = [
  'Arabic',
  'Bengali',
  'Bulgarian',
  'Cantonese',
  'Farsi',
  'Gujarati',
  'Hindi',
  'Kurdish',
  'Lithuanian',
  'Mandarin',
  'Pashto',
  'Polish',
  'Portuguese',
  'Punjabi',
  'Romanian',
  'Russian',
  'Slovak',
  'Somali',
  'Tamil',
  'Tigrinya',
  'Turkish',
  'Ukrainian',
  'Urdu',
  'Dari',
  'Amharic',
  'Czech',
];
const languagePattern = w(languages.join('|'));

export const themeRules: Rule<string>[] = [
  {
    value: 'Cost',
    patterns: [
      w(
        "cost(?:s|ly)?|afford(?:ed)?|can ?not afford|couldn't afford|expensive|prescription charges?|pay(?:ing)? for|money|bus fares?|taxi fares?|fares?|parking (?:fees?|charges?)|out of pocket|food banks?|cost of living|debt|on benefits",
      ),
    ],
  },
  {
    value: 'Interpreting and language',
    patterns: [
      w(
        'interpret(?:er|ers|ing|ation)?|translat(?:e|ed|or|ors|ion)|language barriers?|(?:no|little|limited|poor) english|speak(?:s)? english|first language|sign language|bsl|easy read',
      ),
      languagePattern,
    ],
  },
  {
    value: 'Discrimination',
    patterns: [
      w(
        'discriminat\\w*|racis[mt]|racial(?:ly)?|prejudice[ds]?|stereotyp\\w*|homophob\\w*|transphob\\w*|islamophob\\w*|antisemit\\w*|sexis[mt]|ableis[mt]|bias(?:ed)?|treated (?:me |us |them )?differently|because (?:of )?(?:my|her|his|their) (?:race|colou?r|religion|age|disability|accent|skin)',
      ),
    ],
  },
  {
    value: 'Digital exclusion',
    patterns: [
      w(
        'online only|only online|(?:no|without) (?:internet|wi-?fi|smartphone|computer|email)|app(?:s)?|website|nhs app|log ?in|e-?consult\\w*|online form|video (?:call|appointment|consultation)s?|digital(?:ly)?|not good with (?:computers|technology|phones)|(?:no|can ?not use a) smart ?phone',
      ),
    ],
  },
  {
    value: 'Dignity and respect',
    patterns: [
      w(
        'dignity|undignified|respect(?:ed|ful)?|disrespect\\w*|humiliat\\w*|degrading|rude(?:ly|ness)?|dismissive|patroni[sz]\\w*',
      ),
    ],
  },
];

export const groupRules: Rule<Community>[] = [
  {
    value: 'Older people',
    patterns: [
      w(
        'elderly|older (?:people|person|adults?|patients?)|pensioners?|old age|frail(?:ty)?|dementia|(?:[6-9]0|[6-9][0-9]|1[01][0-9])[ -](?:year[ -]old|years old)|in (?:her|his|their) (?:seventies|eighties|nineties)|grand(?:mother|father|parents?)|nan|gran',
      ),
    ],
  },
  {
    value: 'Children and young people',
    patterns: [
      w(
        "child(?:ren)?|kids?|bab(?:y|ies)|toddlers?|teenagers?|teens?|young (?:people|person|carers?)|school|camhs|son|daughter|infants?|newborn|paediatric|children's",
      ),
    ],
  },
  {
    value: 'Disabled people',
    patterns: [
      w(
        'disabled|disabilit(?:y|ies)|wheelchairs?|mobility|blind|visually impaired|sight loss|partially sighted|walking (?:frame|stick)|accessible|accessibility|ramps?|hoist',
      ),
    ],
  },
  {
    value: 'Deaf and hard of hearing people',
    patterns: [
      w(
        'deaf|hard of hearing|hearing (?:aids?|loss|impaired)|bsl|british sign language|sign language|lip ?read\\w*',
      ),
    ],
  },
  {
    value: 'People with a learning disability or autistic people',
    patterns: [
      w(
        "learning disabilit(?:y|ies)|autis(?:m|tic)|asperger\\w*|adhd|neurodivergen\\w*|down(?:'s)? syndrome|easy read",
      ),
    ],
  },
  {
    value: 'People with mental health conditions',
    patterns: [
      w(
        'mental health|depress(?:ion|ed)|anxiety|anxious|psychosis|psychotic|bipolar|schizophreni\\w*|self[- ]harm|suicid\\w*|ptsd|eating disorders?|crisis team|sectioned|mental health act',
      ),
    ],
  },
  {
    value: 'Ethnic minority communities',
    patterns: [
      w(
        'ethnic(?:ity)?|ethnic minorit(?:y|ies)|bame|black|asian|south asian|african|caribbean|racis[mt]|race|skin colou?r|culturally',
      ),
    ],
  },
  {
    value: 'Gypsy, Roma and Traveller communities',
    patterns: [w('gyps(?:y|ies)|roma|travell?ers?|traveller sites?|caravans?|boaters?')],
  },
  {
    value: 'Refugees and people seeking asylum',
    patterns: [
      w(
        'refugees?|asylum(?: seekers?)?|seeking asylum|home office|migrants?|immigration|no recourse to public funds|undocumented|trafficked',
      ),
    ],
  },
  {
    value: 'Lesbian, gay and bisexual people',
    patterns: [w('gay|lesbian|bisexual|lgbt\\w*|same[- ]sex|sexual orientation|homophob\\w*|queer')],
  },
  {
    value: 'Trans and non-binary people',
    patterns: [
      w(
        'trans|transgender|non[- ]binary|gender identity|gender clinic|transphob\\w*|misgender\\w*|deadnam\\w*|pronouns?',
      ),
    ],
  },
  {
    value: 'Faith communities',
    patterns: [
      w(
        'faith|religio(?:n|us)|muslims?|islam(?:ic)?|mosques?|hindus?|temples?|sikhs?|gurdwaras?|jewish|synagogues?|christians?|church(?:es)?|prayer|praying|halal|kosher|ramadan|fasting|chaplain\\w*|imam|headscarf|hijab|turban',
      ),
    ],
  },
  {
    value: 'Women, including pregnancy and maternity',
    patterns: [
      w(
        "women|woman's|pregnan(?:t|cy)|maternity|midwi(?:fe|ves|fery)|antenatal|postnatal|birth|labour ward|breastfeed\\w*|miscarriage|menopause|gynae\\w*|smear tests?|mums?|mothers?",
      ),
    ],
  },
  { value: 'Men', patterns: [w("men's health|(?:young |older )?men|males?|fathers?|dads?|prostate")] },
  {
    value: 'Unpaid carers',
    patterns: [w("carers?|caring for|care for my|look(?:ing)? after my|young carers?|carer's assessment")],
  },
  {
    value: 'People experiencing homelessness',
    patterns: [
      w(
        'homeless(?:ness)?|rough sleep\\w*|sleeping rough|no fixed (?:abode|address)|hostels?|sofa[- ]surf\\w*|temporary accommodation|street',
      ),
    ],
  },
  {
    value: 'People living in the most deprived areas (Core20)',
    patterns: [
      w(
        "poverty|poor area|deprived|deprivation|low income|can ?not afford|couldn't afford|food banks?|benefits|universal credit|cost of living|estate|council (?:house|flat)",
      ),
    ],
  },
  {
    value: 'People who speak little or no English',
    patterns: [
      w(
        'interpreters?|translat(?:e|ed|or|ors|ion)|(?:no|little|limited|poor) english|speak(?:s)? english|english is not|first language|language barriers?',
      ),
      languagePattern,
    ],
  },
  {
    value: 'Armed forces veterans',
    patterns: [
      w(
        'veterans?|armed forces|ex[- ](?:forces|service(?:man|men)|military|army)|served in the (?:army|navy|raf|forces)|military|army|navy|raf',
      ),
    ],
  },
  {
    value: 'People who use drugs or alcohol',
    patterns: [
      w(
        'drugs?|alcohol(?:ic|ism)?|drink(?:ing)? problem|addict(?:ion|ed|s)?|substance (?:use|misuse)|methadone|heroin|overdose|rehab|needle exchange',
      ),
    ],
  },
];

/** Each rule that matches, with the distinct words that matched (lower case, in order found). */
export function applyRules<T extends string>(rules: readonly Rule<T>[], text: string): RuleMatch<T>[] {
  const out: RuleMatch<T>[] = [];
  for (const rule of rules) {
    const matched = new Set<string>();
    for (const pattern of rule.patterns) {
      for (const m of text.matchAll(pattern)) matched.add(m[0].toLowerCase());
    }
    if (matched.size) out.push({ value: rule.value, matched: [...matched] });
  }
  return out;
}

/** Named languages in a text (for "interpreter needed: Polish"). */
export function languagesMentioned(text: string): string[] {
  return [...new Set([...text.matchAll(languagePattern)].map((m) => m[0].toLowerCase()))].map(
    (l) => languages.find((name) => name.toLowerCase() === l) ?? l,
  );
}
