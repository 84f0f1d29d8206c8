/**
 * Phrases that tell what a sentence of a problems or plans passage is doing: introducing the list,
 * closing the report, switching to causes or measures, or stating one more point.
 */

const PROBLEM_NOUNS = '(?:问题|不足|短板|差距|薄弱环节|困难|弱项)';

/** `但也存在一些问题和不足：`, `主要表现在以下几个方面。` — says that points follow, names none. */
const GENERIC_LEAD = new RegExp(
  `(?:存在|有)着?(?:一些|以下|如下|不少|诸多|几个|一定的?|许多|部分)?(?:方面的?)?${PROBLEM_NOUNS}(?:[和与及、]${PROBLEM_NOUNS})*(?:之处)?[，,]?` +
    `(?:主要(?:表现)?(?:在|为|是|有))?(?:以下几个方面|以下几点|如下)?[。：:！!]?$`,
);
const LIST_LEAD = /(?:以下|如下|几个方面|几点)[^。]{0,12}[。：:]?$/;
const COLON_LEAD_WORDS = /问题|不足|短板|差距|如下|以下|方面|主要|打算|计划|安排|措施|工作|原因|将|整改|是/;

export function isGenericLead(sentence: string): boolean {
  return (
    GENERIC_LEAD.test(sentence) ||
    LIST_LEAD.test(sentence) ||
    (/[：:]$/.test(sentence) && COLON_LEAD_WORDS.test(sentence))
  );
}

/** `……，主要是` / `主要表现在：` inside the first sentence: what precedes it is the lead-in. */
export const INLINE_LEAD =
  /(?:主要(?:表现)?(?:在|为|是|有)|具体(?:表现)?(?:在|为|是|有)|表现(?:在|为))[：:，,]?/;
export const INLINE_LEAD_CONTEXT = /存在|问题|不足|短板|差距|成绩|成效|方面/;

/** `下一步，我镇将` — the usual opening of a plans paragraph, not part of any point. */
export const PLAN_LEAD =
  /^(?:下一步|下步|今后|接下来|明年|来年|新的一年|在新的一年里?|20\d{2}年度?)[，,]?\s*(?:工作中)?[，,]?(?:我们|我镇|我乡|我街道|我县|我区|全镇|全乡|本镇|本乡|镇党委(?:、镇)?政府|镇政府|乡政府|[\u4e00-\u9fa5]{2,8}?(?:街道|镇|乡|县|区)(?=将|要|会|计划|拟))?(?:将|要|会|计划|拟)?(?:继续)?(?:从以下几个方面|重点)?[，,：:]?/;

export const CAUSE_CUE =
  /^(?:究其(?:原因|根源|根本)|分析(?:其|问题)?原因|(?:产生|存在|出现|造成)(?:这些|上述|以上|这一|此类)(?:问题|不足|情况)[，,](?:其|究其)?(?:主要|根本)?原因|(?:产生|存在|出现|造成)(?:这些|上述|以上|这一|这个|此类|该)?(?:问题|不足|差距|情况)?的?(?:主要|根本|深层次)?原因|(?:主要|根本|深层次)?原因(?:分析)?|(?:其|问题的?|这一问题的?)?根源(?=在于|是)|从(?:原因|深层次)(?:上)?(?:来)?看|之所以|这(?:主要)?是(?=由于|因为))(?:主要)?(?:是|在于|有|如下)?(?:以下几点|以下几个方面)?[，,：:]?(?:主要)?(?:是|在于|有)?[，,：:]?/;

export const MEASURE_CUE =
  /^(?:针对|对于?|就)(?:上述|以上|这些|存在的|以上存在的)(?:问题|不足|短板|差距|情况)|^整改(?:措施|情况)?[：:，,]|采取(?:了|以下)?(?:有效)?措施/;

/** `问题：`, `反馈问题二：`: the problem a `整改情况：` line then answers, in a rectification part. */
const PAIRED_PROBLEM = '(?:存在的?|反馈的?|督察|巡察)?问题\\s*[一二三四五六七八九十\\d]*';
export const PAIRED_PROBLEM_LABEL = new RegExp(`^${PAIRED_PROBLEM}$`);
export const PAIRED_PROBLEM_LINE = new RegExp(`^${PAIRED_PROBLEM}\\s*[：:]`);

/** `下一步，…`, or a year with what will be done in it (`2025年，我镇将…`; `2024年，全镇共…` looks back). */
export const PLAN_CUE =
  /^(?:下一步|下步|今后|接下来|明年|来年|新的一年|在新的一年|20\d{2}年度?[，,]?\s*(?:我们|我(?:镇|乡|街道|县|区|局)|全(?:镇|乡|街道|县|区)|本(?:镇|乡|街道))?(?:将|要|计划|拟))/;

const GENERAL_CLOSING =
  /^(?:总之|综上|总而言之|特此报告|特此汇报|专此报告|以上报告|此报告|以上(?:是|为|就是))|批评指正|不妥之处/;
const PROBLEM_CLOSING =
  /^(?:针对|对于?)(?:上述|以上|这些)|^(?:以上|上述|这些)(?:问题|不足|短板)|加以解决|加以整改|切实解决|认真(?:研究|分析)[^。]{0,40}(?:解决|整改|改进)|在今后(?:的)?工作中/;
const PLAN_CLOSING =
  /^(?:在新的一年|新的一年|新征程|站在新的起点|展望未来|面向未来|我们(?:将|要|会|有信心)(?:以|在|继续|坚定|始终|更加|全力|进一步)|(?:我|全)(?:镇|乡|街道|县|区)(?:上下)?(?:将|要)(?:以|在|始终|更加|坚定|全力)|(?:今后|下一步|下步)[，,]?(?:我们|我(?:镇|乡|街道|县|区)|全(?:镇|乡|街道|县|区))(?:将|要)(?:继续|进一步|始终|更加|以|持续|不断|坚定|全力))|再上新台阶|迈上新台阶|新局面|新篇章|新的更大|新的贡献|更大贡献|贡献[\u4e00-\u9fa5]{0,6}力量|新的起点|法治保障。?$|法治环境。?$/;

const STRONG_CLOSING = /^(?:在新的一年|新的一年|新征程|站在新的起点|展望未来|面向未来)/;

/** Closes the report wherever it stands, even inside a paragraph. */
export function isStrongClosing(sentence: string): boolean {
  return GENERAL_CLOSING.test(sentence) || STRONG_CLOSING.test(sentence);
}

export function isClosing(sentence: string, kind: string): boolean {
  if (GENERAL_CLOSING.test(sentence)) return true;
  if (kind === 'problem' || kind === 'cause') return PROBLEM_CLOSING.test(sentence);
  return PLAN_CLOSING.test(sentence);
}

/** The date and issuing office under the report, or its attachments. */
export function isSignature(paragraph: string): boolean {
  return (
    /^20\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$/.test(paragraph) ||
    /^[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$/.test(
      paragraph,
    ) ||
    /^[\u4e00-\u9fa5（）]{2,30}(?:人民政府|政府|办事处|委员会|党委|党工委|管委会|司法所|(?<![格布大开结全变新当])局|办公室)$/.test(
      paragraph,
    ) ||
    /^(?:特此报告|附件[：:\d])/.test(paragraph)
  );
}

export function isNothing(paragraph: string): boolean {
  return /^(?:无|略|暂无|没有|无此情况|无相关情况|无其他需要报告的情况)[。.]?$/.test(paragraph);
}

const PROBLEM_SIGNS =
  /有待|不足|不够|欠缺|缺乏|缺少|薄弱|不强|不高|不深|不广|不到位|不完善|不健全|不规范|不明显|不平衡|不充分|不精准|不及时|不统一|不稳定|不专一|不清|不相适应|不相匹配|不协调|滞后|差距|短板|尚未|仍需|还需|仍然|仍存在|存在|较少|较弱|较低|偏低|偏弱|参差不齐|不多|弱化|单一|亟需|亟待|难以|不适应|不匹配|模糊|困难|问题|没有|未能|未|较大|偏[大多少高低弱慢重窄]|较为|比较|相对|缺位|失衡|不一|陈旧|老化|落后|流于形式|走过场/;
const CAUSE_SIGNS =
  /原因|由于|导致|造成|因为|致使|受制于|缺乏|不足|不够|不到位|不强|不高|不稳定|不清|变动|流动|兼顾|身兼|精力/;

/** Explanations and examples hang on the point before them. */
const CONTINUATION =
  /^(?:如|例如|比如|特别是|尤其是|其中|具体(?:表现)?|主要表现|表现为|这(?!是)|此(?!外)|并且?|而且|从而|进而|导致|造成|致使|使得?|以致|确保|通过|以此|力争|做到|实现|形成|以便|目前|虽然|但|由此)/;

export function statesProblem(text: string): boolean {
  return PROBLEM_SIGNS.test(text);
}

/** `在依法决策方面`, `执法层面`: a heading that names an area, not a point. */
export function namesArea(heading: string): boolean {
  return /(?:方面|层面|领域|环节)$|^(?:在|关于|对于?|从).{1,14}(?:方面|上|中)$/.test(heading);
}

/** `2024年，我镇将继续以习近平法治思想为指导，…` or `2025年是……收官之年` opens a plans passage without being a plan. */
export function isPlanPreamble(sentence: string): boolean {
  if (/^(?:20\d{2}年|明年|来年)是[^。]*之年/.test(sentence)) return true;
  return (
    /^(?:下一步|下步|今后|接下来|明年|来年|新的一年|在新的一年|20\d{2}年)/.test(sentence) &&
    /为指导|为引领|为统领|为遵循|指引下|为主线|为目标|总体要求/.test(sentence)
  );
}

const MEASURE_COMMITMENT =
  /逐项|逐条|一一|制定(?:了)?(?:整改)?(?:方案|措施|清单)|建立(?:整改)?(?:台账|清单)|明确(?:了)?(?:责任(?:单位|部门|人|领导)|整改(?:时限|目标))|(?:整改|完成)时限|整改到位|真改实改|立行立改|举一反三/g;

/** `针对上述问题，逐项制定整改方案，明确责任单位和整改时限，确保整改到位。` promises measures without being one. */
export function isMeasurePreamble(sentence: string): boolean {
  return new Set(sentence.match(MEASURE_COMMITMENT)).size >= 2;
}

export function startsNewPoint(sentence: string, kind: string): boolean {
  if (CONTINUATION.test(sentence)) return false;
  if (kind === 'problem') return PROBLEM_SIGNS.test(sentence);
  if (kind === 'cause') return CAUSE_SIGNS.test(sentence) || PROBLEM_SIGNS.test(sentence);
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
