import {
  anyOf,
  NOT_DISTRICTS,
  NOT_IN_PLACE_NAMES,
  NOT_TOWNSHIPS,
  SINCE,
  OWN_OFFICES,
  PLACES,
  TOWNSHIPS,
} from './cue-words';

const MAX_PLACE_SCAN = 20000;
// 乡 before 镇 is the word 乡镇 (属地乡镇), not a township.
const PLACE = new RegExp(`([\\u4e00-\\u9fa5]{2,6}?${anyOf(PLACES)})(?![委直级域内外长属帜镇])`, 'g');
const PLACE_SUFFIX = new RegExp(`${anyOf(PLACES)}$`);
const TOWNSHIP_SUFFIX = new RegExp(`${anyOf(TOWNSHIPS)}$`);
const TOWNSHIP_AFTER = new RegExp(`^([\\u4e00-\\u9fa5]{2,5}?${anyOf(TOWNSHIPS)})(?![委直级域内外长属镇])`);
/** What may precede a place name; checked in code because a lookbehind made PLACE several times slower. */
const BEFORE_PLACE = /[^\u4e00-\u9fa5]|[年度来在对了是为与和及将由于县区市省]/;
// A place name neither starts with a word such as 我, 该, 在, 将, 对 or the 委 of 区委 nor holds 我, 这, 的…, nor a word of
// NOT_IN_PLACE_NAMES.
const NOT_PLACE_PART = new RegExp(
  `^[我本全各该每这那其此的在与及是为将按由辖个等以了年度来委对]|[我这那该每的]|${NOT_IN_PLACE_NAMES.join('|')}`,
);
const NOT_PLACE = new RegExp(`^(?:.*${anyOf(NOT_DISTRICTS)}|.*${anyOf(NOT_TOWNSHIPS)})$`);
/** `我镇`, `本乡`, `该街道`: how a report refers to the place it speaks for; 场 is a forest farm's or a farm's. */
const SELF_REFERENCE = new RegExp(
  `[我本该]${anyOf([...PLACES.filter((place) => !place.endsWith('场')), '场'])}`,
  'g',
);
/** `2024年，城南街道坚持……`, `今年以来，该街道……`: a sentence that opens with a date and then its subject. */
const DATED = `(?:20\\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})\\s*年(?:度|\\d{1,2}月)?(?:以来)?`;
const DATED_SUBJECT = new RegExp(`(?:^|[。：:！？])\\s*${anyOf([DATED], SINCE)}[，,]?\\s*$`);
/** How often a level of self-reference must occur, and more often than any other, before it rules out other levels. */
const SETTLED_LEVEL = 2;

interface Candidate {
  name: string;
  /** Where it is first named. */
  first: number;
  /** How often the scan found it. */
  count: number;
  /** Named as a subject: after a date that opens a sentence (2024年，城南街道坚持…), or opening a paragraph of the opening. */
  subject: boolean;
}

/**
 * The place the report speaks for, from the body: a township, street or county it names more than once, or as the
 * subject of a sentence that opens with a date (2024年，城南街道坚持……) or of a paragraph of its opening; of the level
 * the report calls itself (我镇, 该街道) when that is settled; among those the one first named in the opening, else the
 * one named most. A place the uploader's
 * organization (`known`) names wins. A place named once in passing is no evidence: that keeps out phrases that only end
 * like a place (区委依法治区办, 不断规范街道, 通过镇政府信息公开栏), so the answer is null rather than a fragment.
 */
export function organizationOfBody(
  fullText: string,
  introEnd: number,
  known: string | null = null,
): string | null {
  const text = fullText.slice(0, MAX_PLACE_SCAN);
  const candidates = placesNamedIn(text, introEnd);
  const knownPlace = known === null ? null : placeOf(known);
  if (knownPlace !== null) {
    const named = candidates.find((candidate) => candidate.name.endsWith(knownPlace));
    if (named) return named.name;
    // A township's name is no part of another place's, so named anywhere it is the one.
    if (TOWNSHIP_SUFFIX.test(knownPlace) && text.includes(knownPlace)) return knownPlace;
  }
  const level = settledLevel(text);
  const trusted = candidates.filter(
    (candidate) =>
      (level === null || levelOf(candidate.name) === level) &&
      (candidate.subject || namedAgain(text, candidate)),
  );
  const ranked = trusted.sort((a, b) => b.count - a.count || a.first - b.first);
  const early = ranked.find((candidate) => candidate.first < introEnd);
  return (early ?? ranked[0])?.name ?? null;
}

function placesNamedIn(text: string, introEnd: number): Candidate[] {
  const found = new Map<string, Candidate>();
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(text); m; m = PLACE.exec(text)) {
    let name = m[1];
    if (
      (m.index > 0 && !BEFORE_PLACE.test(text[m.index - 1])) ||
      NOT_PLACE_PART.test(name.replace(PLACE_SUFFIX, '')) ||
      NOT_PLACE.test(name) ||
      // 乡村 is the countryside, not a township.
      (name.endsWith('乡') && text[PLACE.lastIndex] === '村')
    ) {
      PLACE.lastIndex = m.index + 1;
      continue;
    }
    // `合水县太白镇`: the township a county name runs into is the place, named with its county.
    const township = /[县区旗]$/.test(name)
      ? TOWNSHIP_AFTER.exec(text.slice(PLACE.lastIndex, PLACE.lastIndex + 8))
      : null;
    if (township) {
      name = `${name}${township[1]}`;
      PLACE.lastIndex += township[1].length;
    }
    const candidate = found.get(name) ?? { name, first: m.index, count: 0, subject: false };
    candidate.count++;
    const before = text.slice(text.lastIndexOf('\n', m.index - 1) + 1, m.index);
    candidate.subject ||= DATED_SUBJECT.test(before) || (m.index < introEnd && before.trim() === '');
    found.set(name, candidate);
  }
  return [...found.values()];
}

/** The level (镇, 街道…) the report calls itself by, when it does so at least twice and more than by any other. */
function settledLevel(text: string): string | null {
  const counts = new Map<string, number>();
  SELF_REFERENCE.lastIndex = 0;
  for (let m = SELF_REFERENCE.exec(text); m; m = SELF_REFERENCE.exec(text)) {
    const level = m[0].slice(1);
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const [first, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return first && first[1] >= SETTLED_LEVEL && (!second || second[1] < first[1]) ? first[0] : null;
}

function levelOf(name: string): string {
  const suffix = PLACE_SUFFIX.exec(name)?.[0] ?? '';
  return suffix.endsWith('场') ? '场' : suffix;
}

/** What follows a name, compared to tell a name used twice from one phrase copied twice (审查旗政府文件). */
const CONTEXT = 2;

/** Named again in other words: a paragraph pasted twice repeats its phrases, a report names its place in many. */
function namedAgain(text: string, candidate: Candidate): boolean {
  const { name, first } = candidate;
  const context = (at: number) => text.slice(at + name.length, at + name.length + CONTEXT);
  const firstContext = context(first);
  for (let at = text.indexOf(name, first + name.length); at >= 0; at = text.indexOf(name, at + name.length))
    if (context(at) !== firstContext) return true;
  return false;
}

const OWN_OFFICE_SUFFIX = new RegExp(`${anyOf(OWN_OFFICES)}$`);

/** `石桥镇人民政府` → `石桥镇`; null when the organization is not a place's government (县司法局). */
function placeOf(organization: string): string | null {
  const place = organization.trim().replace(/^中共/, '').replace(OWN_OFFICE_SUFFIX, '');
  return PLACE_SUFFIX.test(place) && place.length >= 2 ? place : null;
}
