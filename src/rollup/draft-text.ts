/** Pure wording helpers of the draft: numbers, dates, clauses, short names and the repeated-phrase rule. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: how 一、（一） and 一是 are numbered. */
export function chineseNumber(value: number): string {
  if (value < 10) return DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 2025-06-30 → 2025年6月30日 (GB/T 9704: no leading zeros). */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Trims a text and the punctuation it ends with, so a template can continue it. */
export function clause(text: string): string {
  return text.trim().replace(/[。；;，,.、：:\s]+$/u, '');
}

/** A phrase this long or longer must not occur twice in one paragraph (the rule for readable prose). */
export const REPEAT_LENGTH = 12;

/**
 * The first phrase of `length` characters that occurs more than once in `text`, or null. Characters are UTF-16
 * units: a repeated phrase of 12 characters always holds a repeated run of 12 units, so this is never laxer.
 */
export function repeatedPhrase(text: string, length = REPEAT_LENGTH): string | null {
  const seen = new Set<string>();
  for (let i = 0; i + length <= text.length; i++) {
    const phrase = text.slice(i, i + length);
    if (seen.has(phrase)) return phrase;
    seen.add(phrase);
  }
  return null;
}

/**
 * A date of the same year as the full date before it drops the year (2025年6月30日 … 9月30日), as people write;
 * it also keeps two dates from repeating a long phrase. `lastYear`: the year of the date the text follows on from.
 */
export function compactDatesFrom(
  text: string,
  lastYear: string | null,
): { text: string; lastYear: string | null } {
  let year = lastYear;
  const compacted = text.replace(/(\d{4})年(?=\d{1,2}月\d{1,2}日)/g, (whole, found: string) => {
    const same = found === year;
    year = found;
    return same ? '' : whole;
  });
  return { text: compacted, lastYear: year };
}

export function compactDates(text: string): string {
  return compactDatesFrom(text, null).text;
}

const EVALUATIVE_TAIL =
  /(还|仍|尚)?(需要?|有待)(进一步)?(加强|提高|提升|完善|增强|规范|强化|健全|改进)$|(还|仍|尚)?(不够|不足|不强|不高|不充分|不到位|不完善|不健全|不规范|不平衡|不及时|薄弱|欠缺|滞后|参差不齐|有差距|存在差距)$/u;

/** The subject of a problem statement without its verdict: 执法人员业务水平有待提高 → 执法人员业务水平. */
export function problemSubject(title: string): string {
  return clause(title)
    .replace(/^(对|关于)/u, '')
    .replace(EVALUATIVE_TAIL, '');
}

/** Titles up to this many characters are named whole; longer ones by a short topic. */
const TOPIC_MAX = 24;

/**
 * How a paragraph names a previous problem: the whole title when short; otherwise its first clause that is not
 * mere context (在…过程中); otherwise the subject without its verdict, which the template calls a 方面.
 */
export function problemName(title: string, topic?: string | null): { name: string; isTopic: boolean } {
  if (topic?.trim()) return { name: clause(topic), isTopic: false };
  const whole = clause(title);
  if ([...whole].length <= TOPIC_MAX) return { name: whole, isTopic: false };
  const clauses = whole
    .split(/[，,；;：:]/u)
    .map((part) => part.trim())
    .filter((part) => [...part].length >= 4 && !/^在.*(中|时|上)$/u.test(part));
  const first = clauses[0] ?? whole;
  if ([...first].length <= TOPIC_MAX) return { name: first, isTopic: false };
  return { name: problemSubject(first), isTopic: true };
}

/** Whether a title already says the work goes on (持续…, 继续…), so 继续 is not put before it. */
export function saysOngoing(title: string): boolean {
  return /^(持续|继续|坚持)/u.test(title.trim());
}

/** 鲁山县张良镇人民政府 → 张良镇: how the report names its own office in running text. */
export function shortNameOf(organizationName: string): string {
  const name = organizationName.trim().replace(/(人民政府|政府)$/u, '');
  const township = /^.+?[省市州盟县区旗](.+?(?:镇|乡|街道|苏木))$/u.exec(name);
  return township ? township[1] : name;
}

/** 张良镇 → 我镇, 清河县 → 我县: how a report says "we". */
export function selfReference(shortName: string): string {
  const level = /(街道|苏木|镇|乡|县|区|市|旗|局|委|办)$/u.exec(shortName);
  return `我${level ? level[1] : '单位'}`;
}
