import { detectLineMarker, splitHeading } from '../../../src/parsing/headings';
import { normalizeText } from '../../../src/parsing/normalize';
import { buildOutline, OutlineNode } from '../../../src/parsing/outline';
import { lineSpans } from '../../../src/parsing/spans';

const marker = (line: string) => detectLineMarker(normalizeText(line));

describe('numbered line markers of official documents', () => {
  test.each([
    ['一、提高政治站位', 'cn', 1],
    ['十二、其他', 'cn', 12],
    ['三. 存在问题', 'cn', 3],
    ['（一）自觉接受监督', 'cnParen', 1],
    ['(二)全面实行清单制度', 'cnParen', 2],
    ['（ 三 ）完善决策机制'.replace(/ /g, ''), 'cnParen', 3],
    ['四）加强宣传', 'cnParen', 4],
    ['1.深入贯彻习近平法治思想', 'num', 1],
    ['2、全面普及法律知识', 'num', 2],
    ['3．全面开展依法行政工作', 'num', 3],
    ['１０．加强领导', 'num', 10],
    ['（1）完善制度', 'numParen', 1],
    ['(2)加强培训', 'numParen', 2],
    ['3）落实责任', 'numParen', 3],
    ['①加强学习', 'circled', 1],
    ['第二部分 存在的问题', 'cnOrdinal', 2],
  ])('%s → %s %d', (line, style, value) => {
    expect(marker(line)).toMatchObject({ style, value });
  });

  test.each([
    '1.5万元用于普法',
    '2023年，我镇',
    '一是确保责任到位',
    '十分重视法治建设',
    '第一责任人职责',
    '第一，加强学习',
    '（2021-2025年）',
    '一、',
  ])('%s is not a numbered heading', (line) => {
    expect(marker(line)).toBeNull();
  });
});

describe('splitHeading', () => {
  const split = (line: string, markerLength: number) => {
    const { headingEnd, bodyStart } = splitHeading(line, markerLength, line.length);
    return [line.slice(markerLength, headingEnd), line.slice(bodyStart)];
  };

  test('a heading with its body on the same line ends at the first full stop', () => {
    expect(split('（一）着力提升法治思维，发挥示范引领作用。增强学法针对性。', 3)).toEqual([
      '着力提升法治思维，发挥示范引领作用',
      '增强学法针对性。',
    ]);
  });

  test('a heading line with or without a final full stop is all heading', () => {
    expect(split('（一）加强行政执法队伍建设。', 3)).toEqual(['加强行政执法队伍建设', '']);
    expect(split('（一）加强行政执法队伍建设', 3)).toEqual(['加强行政执法队伍建设', '']);
  });

  test('a short heading followed by a colon is a label with its body after the colon', () => {
    expect(split('三、存在的问题：一是执法力量不足。', 2)).toEqual(['存在的问题', '一是执法力量不足。']);
  });
});

describe('outline', () => {
  const outline = (text: string) => {
    const normalized = normalizeText(text);
    return { root: buildOutline(normalized, lineSpans(normalized), 0, 2024), text: normalized };
  };
  const shape = (node: OutlineNode): unknown => ({
    h: node.heading,
    k: node.kinds,
    c: node.children.map(shape),
  });

  test('nests 一、 > （一） > 1. > （1） and returns to the right level', () => {
    const { root } = outline('一、甲\n（一）乙\n1.丙\n（1）丁\n2.戊\n（二）己\n二、庚');
    expect(root.children.map(shape)).toEqual([
      {
        h: '甲',
        k: [],
        c: [
          {
            h: '乙',
            k: [],
            c: [
              { h: '丙', k: [], c: [{ h: '丁', k: [], c: [] }] },
              { h: '戊', k: [], c: [] },
            ],
          },
          { h: '己', k: [], c: [] },
        ],
      },
      { h: '庚', k: [], c: [] },
    ]);
  });

  test('a style met before a higher one does not swallow it (1. before 一、)', () => {
    const { root } = outline('1.前言\n一、甲\n二、乙');
    expect(root.children.map((n) => n.heading)).toEqual(['前言', '甲', '乙']);
  });

  test('sub-labels 不足：原因：整改情况： split a combined section', () => {
    const { root } = outline(
      '三、存在的不足、原因和问题整改情况\n不足：一是甲。\n原因：一是乙。\n整改情况：一是丙。\n四、下一步工作打算',
    );
    expect(root.children[0].kinds).toEqual(['problems', 'causes', 'rectification']);
    expect(root.children[0].children.map((n) => [n.heading, n.kinds])).toEqual([
      ['不足', ['problems']],
      ['原因', ['causes']],
      ['整改情况', ['rectification']],
    ]);
    expect(root.children[1].kinds).toEqual(['plans']);
  });

  test('an unnumbered section heading line closes a section of another kind', () => {
    const { root } = outline('一、加强执法\n正文。\n存在的主要问题\n第一，甲。\n2025年工作打算\n1.乙');
    expect(root.children.map((n) => [n.heading, n.kinds])).toEqual([
      ['加强执法', []],
      ['存在的主要问题', ['problems']],
      ['2025年工作打算', ['plans']],
    ]);
  });

  test('an unnumbered section heading between numbered sections ranks with them', () => {
    const { root } = outline(
      '一、主要工作\n正文。\n存在的问题\n1.甲。\n2.乙。\n三、下一步工作打算\n（一）丙。',
    );
    expect(root.children.map(shape)).toEqual([
      { h: '主要工作', k: ['achievements'], c: [] },
      {
        h: '存在的问题',
        k: ['problems'],
        c: [
          { h: '甲', k: [], c: [] },
          { h: '乙', k: [], c: [] },
        ],
      },
      { h: '下一步工作打算', k: ['plans'], c: [{ h: '丙', k: [], c: [] }] },
    ]);
  });

  test('a list that goes on numbering in another style (2. then （3）) stays one list', () => {
    const { root } = outline(
      '一、整改措施\n1.建立考勤制度。\n2.开展案卷评查。每季度抽查。\n（3）完善顾问机制。\n（4）强化村级指导。',
    );
    expect(root.children[0].children.map((n) => n.heading)).toEqual([
      '建立考勤制度',
      '开展案卷评查',
      '完善顾问机制',
      '强化村级指导',
    ]);
    const nested = outline('一、存在的问题\n1.思想认识方面\n（1）学法不够。\n（2）用法不足。');
    expect(nested.root.children[0].children[0].children.map((n) => n.heading)).toEqual([
      '学法不够',
      '用法不足',
    ]);
  });

  test('a numbered list interrupted by a label continues after it', () => {
    const { root } = outline('三、存在问题及整改措施\n1.甲问题。\n整改措施：已整改。\n2.乙问题。');
    expect(root.children[0].children.map((n) => n.heading)).toEqual(['甲问题', '整改措施', '乙问题']);
  });

  test('a label naming the kind of its section is body text', () => {
    const { root } = outline('四、整改情况\n1.关于甲的问题\n整改情况：已完成。');
    expect(root.children[0].children.map((n) => n.heading)).toEqual(['关于甲的问题']);
  });
});
