import {
  ADDRESSING,
  anyOf,
  AREAS,
  CAUSE_DEGREES,
  CAUSE_SIGNS,
  COLON_LEAD_WORDS,
  COMMITMENTS,
  CONCLUSIONS,
  CONTINUATIONS,
  COURTESIES,
  FLOURISHES,
  GAVE_RISE,
  GUIDANCE,
  HARDSHIPS,
  INTEND,
  LEAD_CONTEXT,
  LINKS,
  LIST_ANNOUNCERS,
  LOOKING_AHEAD,
  NOTHING,
  OFFICES,
  OWN_LEVELS,
  PLAN_OPENERS,
  PROBLEM_SIGNS,
  RESOLUTIONS,
  RESOLVE,
  ROOTS,
  SHORTCOMINGS,
  SOME,
  THE_ABOVE,
  TOWN_LEVELS,
  WHAT_FOLLOWS,
  WILL,
  YEAR_OPENING,
} from './cue-words';

/**
 * Phrases that tell what a sentence of a problems or plans passage is doing: introducing the list,
 * closing the report, switching to causes or measures, or stating one more point. The words are in cue-words.ts.
 */

const PROBLEM_NOUNS = anyOf(SHORTCOMINGS, HARDSHIPS);
/** `主要表现在`, `主要是`. */
const MAINLY = `主要(?:表现)?${anyOf(LINKS)}`;

/** `但也存在一些问题和不足：`, `主要表现在以下几个方面。` — says that points follow, names none. */
const GENERIC_LEAD = new RegExp(
  `(?:存在|有)着?${anyOf(SOME)}?(?:方面的?)?${PROBLEM_NOUNS}(?:[和与及、]${PROBLEM_NOUNS})*(?:之处)?[，,]?` +
    `(?:${MAINLY})?${anyOf(WHAT_FOLLOWS)}?[。：:！!]?$`,
);
const LIST_LEAD = new RegExp(`${anyOf(LIST_ANNOUNCERS)}[^。]{0,12}[。：:]?$`);
const COLON_LEAD = new RegExp(anyOf(COLON_LEAD_WORDS));

export function isGenericLead(sentence: string): boolean {
  return (
    GENERIC_LEAD.test(sentence) ||
    LIST_LEAD.test(sentence) ||
    (/[：:]$/.test(sentence) && COLON_LEAD.test(sentence))
  );
}

/** `……，主要是` / `主要表现在：` inside the first sentence: what precedes it is the lead-in. */
export const INLINE_LEAD = new RegExp(`(?:(?:主要|具体)(?:表现)?${anyOf(LINKS)}|表现(?:在|为))[：:，,]?`);
export const INLINE_LEAD_CONTEXT = new RegExp(anyOf(LEAD_CONTEXT));

/** `我们`, `我镇`, `全县`: who a report speaks for. */
const WE = ['我们', `我${anyOf(OWN_LEVELS)}`, `全${anyOf(OWN_LEVELS)}`];
const PROMISE = anyOf(WILL, INTEND);

/** Who opens a plan: `我镇将`, `镇党委、镇政府`, or a place named with what it will do (`城南街道将`). */
const PLAN_SPEAKER = anyOf([
  '我们',
  `我${anyOf(OWN_LEVELS)}`,
  '[全本][镇乡]',
  '镇党委(?:、镇)?政府',
  '镇政府',
  '乡政府',
  `[\\u4e00-\\u9fa5]{2,8}?${anyOf(OWN_LEVELS)}(?=${PROMISE})`,
]);

/** `下一步，我镇将` — the usual opening of a plans paragraph, not part of any point. */
export const PLAN_LEAD = new RegExp(
  `^${anyOf(PLAN_OPENERS, [YEAR_OPENING])}[，,]?\\s*(?:工作中)?[，,]?${PLAN_SPEAKER}?${PROMISE}?(?:继续)?` +
    '(?:从以下几个方面|重点)?[，,：:]?',
);

/** How a sentence that gives causes opens: `究其原因`, `产生上述问题的主要原因是`, `这主要是由于`. */
const CAUSE_OPENINGS = [
  `究其${anyOf(ROOTS)}`,
  '分析(?:其|问题)?原因',
  `${anyOf(GAVE_RISE)}${anyOf(THE_ABOVE, ['这一', '此类'])}(?:问题|不足|情况)[，,](?:其|究其)?(?:主要|根本)?原因`,
  `${anyOf(GAVE_RISE)}${anyOf(THE_ABOVE, ['这一', '这个', '此类', '该'])}?(?:问题|不足|差距|情况)?的?${anyOf(CAUSE_DEGREES)}?原因`,
  `${anyOf(CAUSE_DEGREES)}?原因(?:分析)?`,
  '(?:其|问题的?|这一问题的?)?根源(?=在于|是)',
  '从(?:原因|深层次)(?:上)?(?:来)?看',
  '之所以',
  '这(?:主要)?是(?=由于|因为)',
];
/** What may stand between such an opening and the causes: `……主要有以下几点：`. */
const CAUSE_LINK =
  '(?:主要)?(?:是|在于|有|如下)?(?:以下几点|以下几个方面)?[，,：:]?(?:主要)?(?:是|在于|有)?[，,：:]?';
export const CAUSE_CUE = new RegExp(`^${anyOf(CAUSE_OPENINGS)}${CAUSE_LINK}`);

export const MEASURE_CUE = new RegExp(
  `^${anyOf(ADDRESSING, ['就'])}${anyOf(['以上存在的', '存在的'], THE_ABOVE)}${anyOf(SHORTCOMINGS, ['情况'])}` +
    '|^整改(?:措施|情况)?[：:，,]|采取(?:了|以下)?(?:有效)?措施',
);

/** `问题：`, `反馈问题二：`: the problem a `整改情况：` line then answers, in a rectification part. */
const PAIRED_PROBLEM = '(?:存在的?|反馈的?|督察|巡察)?问题\\s*[一二三四五六七八九十\\d]*';
export const PAIRED_PROBLEM_LABEL = new RegExp(`^${PAIRED_PROBLEM}$`);
export const PAIRED_PROBLEM_LINE = new RegExp(`^${PAIRED_PROBLEM}\\s*[：:]`);

/** A year and what will be done in it (`2025年，我镇将…`); after a year, 会 does not count (`2024年会议…` looks back). */
const YEAR_PLAN = `${YEAR_OPENING}[，,]?\\s*${anyOf(WE, ['我局', `本${anyOf(TOWN_LEVELS)}`])}?${anyOf(
  WILL.filter((word) => word !== '会'),
  INTEND,
)}`;
/** `下一步，…`, `明年…`, or a year with what will be done in it; `2024年，全镇共…` looks back. */
export const PLAN_CUE = new RegExp(`^${anyOf(PLAN_OPENERS, [YEAR_PLAN])}`);

const GENERAL_CLOSING = new RegExp(`^${anyOf(CONCLUSIONS)}|${COURTESIES.join('|')}`);
/** `以上问题`, but not `以上差距`, opens the closing of a problems passage. */
const ABOVE_PROBLEMS = `${anyOf(THE_ABOVE)}${anyOf(SHORTCOMINGS.filter((word) => word !== '差距'))}`;
const PROBLEM_CLOSING = new RegExp(
  `^${anyOf(ADDRESSING)}${anyOf(THE_ABOVE)}|^${ABOVE_PROBLEMS}|${RESOLUTIONS.join('|')}`,
);
const PLAN_CLOSING = new RegExp(
  `^${anyOf(LOOKING_AHEAD, [
    `我们${anyOf(WILL, ['有信心'])}${anyOf(RESOLVE, ['在', '继续', '进一步'])}`,
    `[我全]${anyOf(OWN_LEVELS)}(?:上下)?(?:将|要)${anyOf(RESOLVE, ['在'])}`,
    `(?:今后|下一步|下步)[，,]?${anyOf(WE)}(?:将|要)${anyOf(RESOLVE, ['继续', '进一步', '持续', '不断'])}`,
  ])}|${FLOURISHES.join('|')}`,
);

const STRONG_CLOSING = new RegExp(`^${anyOf(LOOKING_AHEAD)}`);

/** Closes the report wherever it stands, even inside a paragraph. */
export function isStrongClosing(sentence: string): boolean {
  return GENERAL_CLOSING.test(sentence) || STRONG_CLOSING.test(sentence);
}

export function isClosing(sentence: string, kind: string): boolean {
  if (GENERAL_CLOSING.test(sentence)) return true;
  if (kind === 'problem' || kind === 'cause') return PROBLEM_CLOSING.test(sentence);
  return PLAN_CLOSING.test(sentence);
}

const SIGNING_OFFICE = new RegExp(`^[\\u4e00-\\u9fa5（）]{2,30}${anyOf(OFFICES, ['司法所'])}$`);

/** The date and issuing office under the report, or its attachments. */
export function isSignature(paragraph: string): boolean {
  return (
    /^20\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$/.test(paragraph) ||
    /^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/.test(
      paragraph,
    ) ||
    SIGNING_OFFICE.test(paragraph) ||
    /^(?:特此报告|附件[：:\d])/.test(paragraph)
  );
}

const NOTHING_TO_REPORT = new RegExp(`^${anyOf(NOTHING)}[。.]?$`);

export function isNothing(paragraph: string): boolean {
  return NOTHING_TO_REPORT.test(paragraph);
}

const STATES_PROBLEM = new RegExp(PROBLEM_SIGNS.join('|'));
const GIVES_CAUSE = new RegExp(CAUSE_SIGNS.join('|'));
/** Explanations and examples hang on the point before them. */
const CONTINUATION = new RegExp(`^${anyOf(CONTINUATIONS)}`);

export function statesProblem(text: string): boolean {
  return STATES_PROBLEM.test(text);
}

const AREA = new RegExp(`${anyOf(AREAS)}$|^(?:在|关于|对于?|从).{1,14}(?:方面|上|中)$`);

/** `在依法决策方面`, `执法层面`: a heading that names an area, not a point. */
export function namesArea(heading: string): boolean {
  return AREA.test(heading);
}

const LOOKS_AHEAD = new RegExp(`^${anyOf(PLAN_OPENERS, [YEAR_OPENING])}`);
const GUIDED = new RegExp(GUIDANCE.join('|'));

/** `2024年，我镇将继续以习近平法治思想为指导，…` or `2025年是……收官之年` opens a plans passage without being a plan. */
export function isPlanPreamble(sentence: string): boolean {
  if (/^(?:20\d{2}年|明年|来年)是[^。]*之年/.test(sentence)) return true;
  return LOOKS_AHEAD.test(sentence) && GUIDED.test(sentence);
}

const MEASURE_COMMITMENT = new RegExp(COMMITMENTS.join('|'), 'g');

/** `针对上述问题，逐项制定整改方案，明确责任单位和整改时限，确保整改到位。` promises measures without being one. */
export function isMeasurePreamble(sentence: string): boolean {
  return new Set(sentence.match(MEASURE_COMMITMENT)).size >= 2;
}

export function startsNewPoint(sentence: string, kind: string): boolean {
  if (CONTINUATION.test(sentence)) return false;
  if (kind === 'problem') return STATES_PROBLEM.test(sentence);
  if (kind === 'cause') return GIVES_CAUSE.test(sentence) || STATES_PROBLEM.test(sentence);
  return true;
}

const MAX_HEADING_LINE = 30;
/** Converted bold headings often keep their full stop (`创新普法宣传方式。`); only very short lines may. */
const MAX_HEADING_LINE_WITH_STOP = 20;

/** A short line without inner punctuation, such as `创新普法宣传方式`: the heading of the paragraph under it. */
export function isHeadingLine(paragraph: string): boolean {
  const bare = paragraph.replace(/。$/, '');
  const limit = bare === paragraph ? MAX_HEADING_LINE : MAX_HEADING_LINE_WITH_STOP;
  return (
    bare.length >= 4 && bare.length <= limit && !/[。；;，,：:！？!?、]/.test(bare) && !isSignature(bare)
  );
}

const MAX_TITLE_SENTENCE = 20;

/** `执法力量较为薄弱。综合执法队现有人员5名，难以满足执法需要。`: a short title sentence, then its explanation. */
export function isTitledParagraph(paragraph: string): boolean {
  const stop = paragraph.indexOf('。');
  if (stop < 4 || stop > MAX_TITLE_SENTENCE || /[，,；;：:]/.test(paragraph.slice(0, stop))) return false;
  return /[，,]/.test(paragraph.slice(stop + 1));
}
