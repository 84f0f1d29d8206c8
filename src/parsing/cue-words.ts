/**
 * The words the parser's cues are made of, each list written once and named for what it means. cues.ts, metadata.ts
 * and the others compose them into regexes with anyOf(). Entries are regex fragments: mostly plain words, `?` marking
 * an optional character. Where one entry begins another in the same list, the longer comes first: an alternation
 * takes the first entry that fits.
 */

/** `(?:a|b|c)` of one or more lists. */
export function anyOf(...lists: ReadonlyArray<readonly string[]>): string {
  return `(?:${lists.flat().join('|')})`;
}

// What is wrong

/** The nouns of what falls short: `存在的问题`, `不足之处`, `补齐短板`. */
export const SHORTCOMINGS = ['问题', '不足', '短板', '差距'];
/** More nouns a lead-in (存在一些困难和薄弱环节) may name besides SHORTCOMINGS. */
export const HARDSHIPS = ['薄弱环节', '困难', '弱项'];
/** How many problems a lead-in announces without naming them: `存在一些问题`, `有以下不足`. */
export const SOME = ['一些', '以下', '如下', '不少', '诸多', '几个', '一定的?', '许多', '部分'];
/** `主要表现在`, `具体为`: what links a lead-in to the points it announces. */
export const LINKS = ['在', '为', '是', '有'];
/** `以下几个方面`: the points that follow, announced. */
export const WHAT_FOLLOWS = ['以下几个方面', '以下几点', '如下'];
/** `……方面如下：`: ends of a sentence that only announces a list. */
export const LIST_ANNOUNCERS = ['以下', '如下', '几个方面', '几点'];
/** A sentence ending in a colon that holds one of these leads in to a list rather than being a point. */
export const COLON_LEAD_WORDS = [
  ...SHORTCOMINGS,
  '如下',
  '以下',
  '方面',
  '主要',
  '打算',
  '计划',
  '安排',
  '措施',
  '工作',
  '原因',
  '将',
  '整改',
  '是',
];
/** Before `主要是…` these make it the end of a lead-in (存在的问题主要是…; 取得的成绩主要表现在…). */
export const LEAD_CONTEXT = ['存在', ...SHORTCOMINGS, '成绩', '成效', '方面'];
/** What a shortfall is called: shared by problems and their causes. */
export const LACKING = ['缺乏', '不足', '不够', '不到位', '不强', '不高', '不稳定', '不清'];
/** A heading that says what is wrong (`依法行政能力还有差距`, `有待提高`) states one problem, not a part. */
export const PROBLEM_PREDICATES = [
  '(?:还|仍|尚|依然)有(?!的)',
  '有待',
  '亟待',
  '亟需',
  '不够',
  '不强',
  '不高',
  '不到位',
  '不完善',
  '不健全',
  '不规范',
  '较弱',
  '偏弱',
  '滞后',
];
/** What one thing does to another: `导致`, `造成`. */
export const CONSEQUENCES = ['导致', '造成', '致使'];
/** Words that state a problem (执法力量不足, 有待加强, 流于形式); a sentence without any adds to the point before it. */
export const PROBLEM_SIGNS = [
  ...LACKING,
  '有待',
  '欠缺',
  '缺少',
  '薄弱',
  '不深',
  '不广',
  '不完善',
  '不健全',
  '不规范',
  '不明显',
  '不平衡',
  '不充分',
  '不精准',
  '不及时',
  '不统一',
  '不专一',
  '不相适应',
  '不相匹配',
  '不协调',
  '滞后',
  '差距',
  '短板',
  '尚未',
  '仍需',
  '还需',
  '仍然',
  '仍存在',
  '存在',
  '较少',
  '较弱',
  '较低',
  '偏低',
  '偏弱',
  '参差不齐',
  '不多',
  '弱化',
  '单一',
  '亟需',
  '亟待',
  '难以',
  '不适应',
  '不匹配',
  '模糊',
  '困难',
  '问题',
  '没有',
  '未能',
  '未',
  '较大',
  '偏[大多少高低弱慢重窄]',
  '较为',
  '比较',
  '相对',
  '缺位',
  '失衡',
  '不一',
  '陈旧',
  '老化',
  '落后',
  '流于形式',
  '走过场',
];
/** Words that give a cause (由于人员变动，……). */
export const CAUSE_SIGNS = [
  '原因',
  '由于',
  '因为',
  '受制于',
  ...CONSEQUENCES,
  ...LACKING,
  '变动',
  '流动',
  '兼顾',
  '身兼',
  '精力',
];
/** Openings of a sentence that explains or exemplifies the one before it (例如……, 这导致……). */
export const CONTINUATIONS = [
  '如',
  '例如',
  '比如',
  '特别是',
  '尤其是',
  '其中',
  '具体(?:表现)?',
  '主要表现',
  '表现为',
  '这(?!是)',
  '此(?!外)',
  '并且?',
  '而且',
  '从而',
  '进而',
  ...CONSEQUENCES,
  '使得?',
  '以致',
  '确保',
  '通过',
  '以此',
  '力争',
  '做到',
  '实现',
  '形成',
  '以便',
  '目前',
  '虽然',
  '但',
  '由此',
];
/** A heading that ends so names an area (在依法决策方面), not a point. */
export const AREAS = ['方面', '层面', '领域', '环节'];

// Causes

/** `产生这些问题的原因`: the verbs before the problems a cause explains. */
export const GAVE_RISE = ['产生', '存在', '出现', '造成'];
/** `上述问题`, `以上不足`: the problems just named. */
export const THE_ABOVE = ['上述', '以上', '这些'];
/** `究其根源`: what lies under a problem. */
export const ROOTS = ['原因', '根源', '根本'];
/** `主要原因`, `深层次原因`. */
export const CAUSE_DEGREES = ['主要', '根本', '深层次'];

// Measures

/** `针对上述问题`, `对于以上不足`: a sentence about the problems just named. */
export const ADDRESSING = ['针对', '对于?'];
/** `逐项制定整改方案，明确责任单位`: what a sentence that only promises measures is made of. */
export const COMMITMENTS = [
  '逐项',
  '逐条',
  '一一',
  '制定(?:了)?(?:整改)?(?:方案|措施|清单)',
  '建立(?:整改)?(?:台账|清单)',
  '明确(?:了)?(?:责任(?:单位|部门|人|领导)|整改(?:时限|目标))',
  '(?:整改|完成)时限',
  '整改到位',
  '真改实改',
  '立行立改',
  '举一反三',
];

// Plans

/** How a plans sentence starts when it looks ahead: `下一步，…`, `明年…`, `在新的一年里…`. */
export const PLAN_OPENERS = ['下一步', '下步', '今后', '接下来', '明年', '来年', '新的一年', '在新的一年里?'];
/** A year opening a sentence: `2025年，我镇将…`. */
export const YEAR_OPENING = '20\\d{2}年度?';
/** The township levels a report speaks for: 本镇, 我街道. */
export const TOWN_LEVELS = ['镇', '乡', '街道'];
/** The levels of government a report speaks for: 我镇, 全县, 我街道. */
export const OWN_LEVELS = [...TOWN_LEVELS, '县', '区'];
/** What a plan or a closing promises with: `我镇将…`, `我们会…`. */
export const WILL = ['将', '要', '会'];
/** `计划`, `拟`: what only a plan says it intends. */
export const INTEND = ['计划', '拟'];
/** `以习近平法治思想为指导`: the guiding-thought sentence that opens a plans passage. */
export const GUIDANCE = ['为指导', '为引领', '为统领', '为遵循', '指引下', '为主线', '为目标', '总体要求'];

// The end of a report

/** Openings that look far ahead and close the report: `在新的一年，我们将……`. */
export const LOOKING_AHEAD = ['在新的一年', '新的一年', '新征程', '站在新的起点', '展望未来', '面向未来'];
/** `总之`, `综上`: a closing that sums up what came before. */
const SUMMING_UP = ['总之', '综上', '总而言之'];
/** `特此报告`, `以上是…`: a closing that hands the report over. */
const SIGN_OFFS = ['特此报告', '特此汇报', '专此报告', '以上报告', '此报告', '以上(?:是|为|就是)'];
/** A report's closing words: a summing-up or a sign-off. */
export const CONCLUSIONS = [...SUMMING_UP, ...SIGN_OFFS];
/** Polite closing formulas anywhere in a sentence. */
export const COURTESIES = ['批评指正', '不妥之处'];
/** `……加以解决`: a problems passage ends with a promise to solve them. */
export const RESOLUTIONS = [
  '加以解决',
  '加以整改',
  '切实解决',
  '认真(?:研究|分析)[^。]{0,40}(?:解决|整改|改进)',
  '在今后(?:的)?工作中',
];
/** `我们将以更加……`: how a closing promise goes on. */
export const RESOLVE = ['以', '始终', '更加', '坚定', '全力'];
/** Flourishes of a report's last sentence: `推动法治建设再上新台阶`. */
export const FLOURISHES = [
  '再上新台阶',
  '迈上新台阶',
  '新局面',
  '新篇章',
  '新的更大',
  '新的贡献',
  '更大贡献',
  '贡献[\\u4e00-\\u9fa5]{0,6}力量',
  '新的起点',
  '法治保障。?$',
  '法治环境。?$',
];
/** `无`, `暂无`: a part with nothing in it. */
export const NOTHING = ['无此情况', '无相关情况', '无其他需要报告的情况', '无', '略', '暂无', '没有'];

// Section headings

/** Inspections whose findings a rectification part answers: `巡察反馈问题`. */
export const INSPECTIONS = ['反馈', '督察', '督查', '巡视', '巡察', '交办'];
/** `补齐执法短板`: a heading with these is a topic on fixing something, not a problems part. */
export const REMEDIES = [
  '解决',
  '化解',
  '破解',
  '补齐',
  '补足',
  '弥补',
  '补强',
  '整治',
  '排查',
  '聚焦',
  '回应',
];
/** What a plans part is called: `下一步工作打算`, `2025年工作计划`, `今后努力方向`. */
export const PLAN_LABELS = [
  '下一?[步部布]',
  '打算',
  '计划',
  '安排(?!部署)',
  '今后',
  '明年',
  '来年',
  '下一?年度?',
  '思路',
  '谋划',
  '设想',
  '展望',
  '努力方向',
  '工作重点',
  '重点工作',
  '重点任务',
  '目标任务',
  '工作要点',
];
/** `制定年度普法计划`, `按照部署`: a heading on a plan carried out, not announced. */
export const CARRIED_OUT = ['制定', '制订', '印发', '按照', '部署', '执行', '完成', '落实', '普法', '实施'];
/** What an achievements part is called: `主要举措和成效`, `工作开展情况` (主要工作 unless 主要工作安排…). */
export const ACHIEVEMENT_LABELS = [
  '举措',
  '成效',
  '做法',
  '成绩',
  '成果',
  '开展情况',
  '工作情况',
  '主要工作(?!安排|打算|计划|思路|设想|谋划|要点)',
  '工作开展',
  '进展',
  '亮点',
  '完成情况',
  '推进情况',
  '落实情况',
  '建设情况',
  '基本情况',
  '取得',
];
/** How a section label starts (`存在的问题`, `2025年工作计划`, `原因分析`) after an optional 关于 and year. */
export const LABEL_OPENINGS = [
  '推进(?:法治政府建设|法治建设|依法行政)',
  '法治政府建设',
  '法治建设',
  '依法行政',
  '工作',
  '本年度',
  '上一?年度',
  '下一?年度',
  '今后',
  '下一?[步部布]',
  '存在',
  '面临',
  '主要',
  '突出',
  ...SHORTCOMINGS,
  '原因',
  '整改',
  '党政',
  '其他',
  '其它',
  '取得',
  '一年来',
  '近年来',
  '明年',
  '来年',
  '履行',
  '第一责任人',
  '基本情况',
];

// Offices and places

/** Words ending in 局 that name no office: 格局, 大局. */
export const NOT_OFFICES = ['格局', '布局', '大局', '开局', '结局', '全局', '变局', '新局', '当局'];
/** 局 ending an office's name (司法局), not one of NOT_OFFICES. */
const BUREAU = `(?<![${NOT_OFFICES.map((word) => word[0]).join('')}])局`;
/** What the name of an issuing office ends with: 人民政府, 司法局, 党工委. */
export const OFFICES = ['人民政府', '政府', '办事处', '委员会', '党委', '党工委', '管委会', BUREAU, '办公室'];
/**
 * Words a phrase, not a place name, holds before a place suffix (全县, 各乡镇, 带头参加县, 区委); single characters such
 * as 和, 各, 同 or 党 alone do not disqualify, as 太和镇, 庞各庄镇, 同乐乡 and 党寨镇 show.
 */
export const NOT_IN_PLACE_NAMES = [
  '全[县区镇乡市旗]',
  '各[乡镇村县区街]',
  '政府',
  '党委',
  '[区县镇乡]委',
  '是',
  '为了',
  '以及',
  '及其',
  '按照',
  '对于',
  '年度',
  '同级',
  '参加',
  '推进',
  '开展',
  '加强',
  '组织',
  '带头',
  '深入',
  '全面',
  '持续',
  '坚持',
  '围绕',
  '落实',
  '指导',
  '领导',
  '乡镇',
  '城镇',
  '城乡',
  '社区',
  // 区委依法治区办, 依法治镇办公室设在镇司法所, 不断规范街道综合执法, 部分乡村: phrases that end like a place.
  '关于',
  '部分',
  '个别',
  '通过',
  '依法',
  '法治',
  '办公',
  '设在',
  '规范',
  '不断',
];
/** Words ending in 区 that name no district: 社区, 辖区, 开发区. */
export const NOT_DISTRICTS = [
  '社区',
  '辖区',
  '城区',
  '市区',
  '园区',
  '景区',
  '小区',
  '片区',
  '山区',
  '牧区',
  '垦区',
  '街区',
  '郊区',
  '示范区',
  '开发区',
  '地区',
  '老区',
  '库区',
  '林区',
  '矿区',
  '功能区',
  '保护区',
  '试验区',
  '自治区',
];
/** Words ending in 乡, 镇 or 旗 that name no township or banner: 下乡, 集镇, 乡镇, 苏木镇, 国旗. */
export const NOT_TOWNSHIPS = ['[下进回返]乡', '集镇', '小镇', '乡镇', '苏木镇', '[国党红彩锦战军令]旗'];
/** `今年以来，青山街道……`: how an opening sentence dates itself without a year. */
export const SINCE = ['今年以来', '一年来', '近年来'];
/** The offices of a place's own government and party committee: `石桥镇人民政府`, `中共石桥镇委员会`. */
export const OWN_OFFICES = ['人民政府', '政府', '党委', '党工委', '委员会', '办事处', '管委会'];
/** Townships: 镇, 乡, 街道, and the 苏木 of Inner Mongolia. */
export const TOWNSHIPS = ['街道', '镇', '乡', '苏木'];
/** Places a report may speak for: townships, counties, 旗, districts, state forest farms and farms. */
export const PLACES = [...TOWNSHIPS, '县', '旗', '区', '林场', '农场'];

// People

/** Who is named as the first responsible person: `镇党委书记王建国`, `第一责任人：XXX`. */
export const LEADER_TITLES = [
  '党委书记',
  '党工委书记',
  '党组书记',
  '书记',
  '镇长',
  '乡长',
  '县长',
  '区长',
  '市长',
  '主任',
  '第一责任人[：:为是]?',
];
/** Common Chinese surnames, one character each: a name after a title starts with one. */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝蔺';
