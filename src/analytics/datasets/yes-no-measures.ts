// Yes/no measures of the catalogue that extracts head otherwise: a "DNA flag" of 1s and 0s is the
// dna the DNA rate reads, an "Emergency admission (Y/N)" the emergency_admission of the admission
// rates. Read so only when every value (of the first 100,000) is yes or no (plus-group-flags.ts):
// a count of missed appointments under such a heading is not a flag.
import { normaliseHeading } from './headings.ts';

export const yesNoMeasureHeadings: Record<string, { headings: string[]; what: string }> = {
  dna: {
    headings: [
      'dna_flag',
      'dna_ind',
      'dna_indicator',
      'dna_y_n',
      'dna_yn',
      'dna_status',
      'is_dna',
      'was_dna',
      'appointment_dna',
      'did_not_attend',
      'did_not_attend_flag',
      'did_not_attend_indicator',
      'did_not_attend_y_n',
    ],
    what: 'whether the appointment was missed without notice, which the DNA rate reads',
  },
  emergency_admission: {
    headings: [
      'emergency',
      'emergency_flag',
      'emergency_ind',
      'emergency_indicator',
      'emergency_y_n',
      'emergency_yn',
      'is_emergency',
      'is_emergency_admission',
      'emergency_admission_flag',
      'emergency_admission_ind',
      'emergency_admission_indicator',
      'emergency_admission_y_n',
      'emergency_admission_yn',
    ],
    what: 'whether the admission was an emergency, which the emergency admission rates read',
  },
};

/** The yes/no measure a column's heading names ("DNA Flag": dna), if any. */
export const yesNoMeasureHeadedAs = (column: string): string | undefined => {
  const heading = normaliseHeading(column);
  return Object.keys(yesNoMeasureHeadings).find((field) =>
    yesNoMeasureHeadings[field]!.headings.includes(heading),
  );
};
