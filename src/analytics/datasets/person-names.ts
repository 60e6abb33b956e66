// Columns of people's names found by their values, whatever their headings ("Who", "Client",
// "Patient"): values shaped as a name, many of which hold a common forename or surname of the people
// an English ICS serves, or, as no list holds every name, many different ones. Shape alone would take
// in specialties ("General Surgery") and places; a list alone would take in wards and practices named
// after people; and specialties, places and wards repeat down a column where people's names do not.

/** Common forenames and surnames, lower case. Words that are also categories (Amber, White, Ward) are not here. */
const NAME_WORDS = new Set(
  `
  aaliyah aarav abdul abdullah abigail adam adrian ahmad ahmed aidan aisha alan albert alex alexander alfie
  ali alice alison amanda amelia amina amir amit amy andrea andrew angela anil anita ann anna anne annie
  anthony anwar arjun arthur asha ashley asif asma aya ayesha barbara barry ben benjamin beryl beth bethany
  betty bhavna bilal brenda brian bridget carl carol caroline catherine charles charlie charlotte chloe
  chris christine christopher claire clare colin craig daniel darren david dawn debbie deborah denise
  dennis derek dev diane donna doris dorothy douglas edward eileen elaine eleanor elizabeth ella ellie
  emily emma eric ethan evelyn faisal farah fatima fiona freddie freya gareth gary gemma geoffrey george
  georgia gillian gordon graham gurpreet hannah harjit harpreet harry harvey hassan helen henry ian imran
  irene isaac isabella isla jacob jacqueline james jane janet janice jasmine jason jaspreet jayne jean
  jennifer jessica jill joan joanne john jonathan joseph joshua joyce julie karen kate katherine kathleen
  kathryn kavita kayleigh keith kelly kenneth kevin kieran kirsty krishna laura lauren leah lee leo leon
  lesley leslie lewis linda lisa logan louise lucy luke lynn lynne maggie malcolm manjit margaret maria
  marie marjorie martin mary maryam matthew megan melanie michael michelle mohamed mohammad mohammed
  muhammad mustafa nadia naomi natalie natasha neil nicholas nicola nikhil nisha noah norman oliver olivia
  omar oscar pamela patricia paul pauline peter philip phillip pooja priya rachel rahul raj rajesh ravi
  rebecca richard rita robert roger ronald rosemary ross ryan sabrina sadia saima sajid salma samantha
  samir samuel sandeep sandra sanjay sarah sara scott sean shabana shahid sharon sheila shirley simon
  sophie stacey stanley stephanie stephen steven stuart sukhwinder sunil sunita susan suzanne tahir tanya
  teresa theo thomas timothy tina tom tony tracey tracy trevor usman valerie vanessa vijay vikram vinod
  wayne wendy william yasmin yusuf zainab zara zoe
  patel singh kaur khan begum hussain shah mistry chauhan parmar mehta sharma kumar rahman miah uddin
  akhtar bibi kowalski nowak smith jones williams taylor davies evans johnson roberts wilson
  robinson thompson wright walker hughes edwards harris clarke jackson turner cooper morris moore
  parker watson mitchell campbell anderson phillips murphy bennett carter collins
  `
    .trim()
    .split(/\s+/),
);

/** Words of organisations, places and services, which a name-shaped place or service may hold. */
const NOT_A_PERSON =
  /\b(ward|unit|centre|center|surgery|practice|partners|group|medical|health|hospital|infirmary|clinic|house|road|street|lane|park|team|service|services|trust|school|church|court|close|avenue|way|hall|lodge|care|home|and|of|the)\b/i;

const TITLE = /^(mr|mrs|miss|ms|mx|dr|master|prof)\.?\s+/i;
/** One word of a name, in capitals or with a capital first: O'Neil, Smith-Jones, SMITH, Zoë. */
const WORD = "\\p{Lu}\\p{L}*(?:['’-]\\p{L}+)*";
const nameShape = new RegExp(`^(?:${WORD}(?: ${WORD}){1,3}|${WORD}, ?${WORD}(?: ${WORD}){0,2})$`, 'u');

/**
 * Whether a value is shaped as a person's name: two to four words ("Jane Smith", "JANE A SMITH",
 * "Mr Ali Khan") or "SMITH, Jane", with no word of an organisation or place.
 */
export function isNameShaped(value: string): boolean {
  const text = value.trim().replace(/\s+/g, ' ').replace(TITLE, '');
  return nameShape.test(text) && !NOT_A_PERSON.test(text);
}

const oneWord = new RegExp(`^${WORD}$`, 'u');

/** Whether a value is one word shaped as a name ("Okafor", "SMITH", "O'Neil"): a surname alone, say. */
export const isOneNameShaped = (value: string): boolean => oneWord.test(value.trim());

const holdsCommonName = (value: string): boolean =>
  value
    .toLowerCase()
    .split(/[\s,]+/)
    .some((word) => NAME_WORDS.has(word));

/** Values enough to tell a column of different names from one whose values repeat. */
const VARIETY_SAMPLE = 50;

const differentValues = (values: string[]): number =>
  new Set(values.map((v) => v.toLowerCase().replace(/\s+/g, ' '))).size;

/**
 * Whether a column's values (blanks left out) are people's names: at least 90% shaped as names, and
 * either at least half holding a common forename or surname, or, among 50 values or more, at least
 * half different from one another (an extract of appointments repeats a person now and then; a
 * column of specialties, towns, wards or clinicians repeats its few values over and over). A column
 * of single words (surnames alone) must be at least half common names.
 */
export function holdsPersonNames(values: string[]): boolean {
  if (values.length === 0) return false;
  const common = (shaped: string[]) => shaped.filter(holdsCommonName).length >= 0.5 * values.length;
  // One word alone could be anything (a drug, a town), so only the list can say it is a name.
  const single = values.filter(isOneNameShaped);
  if (single.length >= 0.9 * values.length) return common(single);
  const shaped = values.filter(isNameShaped);
  if (shaped.length < 0.9 * values.length) return false;
  if (common(shaped)) return true;
  return values.length >= VARIETY_SAMPLE && differentValues(shaped) >= 0.5 * values.length;
}
