import type { OfficialBlock, OfficialDocument } from '../documents/official-docx';
import { chineseNumber } from '../rollup/draft-text';
import type { OverdueTask } from '../tasks/task.repository';
import type { OverviewCountsDto, OverviewOrganizationDto } from './dto/county-overview.dto';

/** What a 通报 states, stored as it stood when issued (county_bulletins.content). */
export interface BulletinContent {
  month: string;
  /** The figures are as of this day: the month's last day, or the issue day if the month is not over. */
  asOf: string;
  issuedOn: string;
  issuer: string;
  /** 乡（镇）or 县（市、区）: what the lines are. */
  childrenAreCounties: boolean;
  lines: OverviewOrganizationDto[];
  totals: OverviewCountsDto;
  overdue: Array<Pick<OverdueTask, 'title' | 'deadline' | 'daysOverdue' | 'unitName'> & { lineId: string }>;
  redList: string[];
  blackList: string[];
}

/** Items listed per line in the document; the rest are counted, so a 通报 stays readable at any scale. */
export const OVERDUE_ITEMS_PER_LINE = 20;
const BOARD_SIZE = 5;

export function bulletinTitle(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return `关于${year}年${monthNumber}月法治政府建设整改工作进展情况的通报`;
}

/** 红榜: the best five (rate, then fewest overdue); 黑榜: the worst five, worst first; never the same unit on both. */
export function boards(lines: OverviewOrganizationDto[]): { redList: string[]; blackList: string[] } {
  const ranked = lines.filter((line) => line.planned > 0);
  const size = Math.min(BOARD_SIZE, Math.floor(ranked.length / 2));
  return {
    redList: ranked.slice(0, size).map((line) => line.id),
    blackList: ranked
      .slice(ranked.length - size)
      .reverse()
      .map((line) => line.id),
  };
}

export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * The 通报 as a GB/T 9704 document. With `onlyLineId`, a township's copy: its own line, rank and overdue items,
 * and whether it is on either board, without the other townships' figures.
 */
export function bulletinDocument(
  title: string,
  content: BulletinContent,
  onlyLineId?: string,
): OfficialDocument {
  const own = onlyLineId ? content.lines.filter((line) => line.id === onlyLineId) : content.lines;
  const unit = content.childrenAreCounties ? '县（市、区）' : '乡（镇）';
  const names = new Map(content.lines.map((line) => [line.id, line.name]));
  const { totals } = content;
  const blocks: OfficialBlock[] = [
    {
      kind: 'body',
      text: `为推动法治政府建设年度报告所列问题整改落实，现将截至${chineseDate(content.asOf)}各${unit}整改工作进展情况通报如下。`,
    },
    { kind: 'levelOne', text: '一、总体情况' },
    {
      kind: 'body',
      text: `纳入${content.asOf.slice(0, 4)}年度计划的整改任务共${totals.planned}项，已销号${totals.completed}项（其中按期完成${totals.onTime}项），完成率${totals.rate}%；逾期未办结${totals.overdue}项，临期或滞后于序时进度${totals.yellow}项。`,
    },
    { kind: 'levelOne', text: `二、各${unit}完成情况及排名` },
    {
      kind: 'table',
      header: ['排名', '单位', '计划', '已销号', '按期完成', '逾期', '黄灯', '完成率'],
      widths: [7, 22, 7, 9, 11, 7, 7, 9],
      rows: own.map((line) => [
        String(line.rank),
        line.name,
        String(line.planned),
        String(line.completed),
        String(line.onTime),
        String(line.overdue),
        String(line.yellow),
        `${line.rate}%`,
      ]),
    },
    ...(onlyLineId && own[0]
      ? [
          {
            kind: 'body' as const,
            text: `本单位在${content.lines.length}个${unit}中排名第${own[0].rank}位。`,
          },
        ]
      : []),
    { kind: 'levelOne', text: '三、逾期未办结事项' },
    ...overdueBlocks(content, own),
    { kind: 'levelOne', text: '四、红黑榜' },
    ...boardBlocks(content, names, onlyLineId),
    { kind: 'levelOne', text: '五、工作要求' },
    {
      kind: 'body',
      text: `各${unit}要对照逾期事项逐项明确责任单位和完成时限，按月报送办理情况；列入黑榜的单位要向县委全面依法治县委员会办公室书面说明原因和整改措施。`,
    },
  ];
  return { title, blocks, signature: content.issuer, date: chineseDate(content.issuedOn) };
}

function overdueBlocks(content: BulletinContent, lines: OverviewOrganizationDto[]): OfficialBlock[] {
  const withItems = lines.filter((line) => content.overdue.some((item) => item.lineId === line.id));
  if (!withItems.length) return [{ kind: 'body', text: '截至通报日，无逾期未办结事项。' }];
  return withItems.flatMap((line, index) => {
    const items = content.overdue.filter((item) => item.lineId === line.id);
    const shown = items.slice(0, OVERDUE_ITEMS_PER_LINE);
    return [
      { kind: 'levelTwo' as const, text: `（${chineseNumber(index + 1)}）${line.name}（${items.length}项）` },
      ...shown.map((item, n) => ({
        kind: 'body' as const,
        text: `${n + 1}. ${item.title}（责任单位：${item.unitName ?? '未明确'}；完成时限：${chineseDate(item.deadline)}；已逾期${item.daysOverdue}天）`,
      })),
      ...(items.length > shown.length
        ? [{ kind: 'body' as const, text: `另有${items.length - shown.length}项逾期事项，详见整改台账。` }]
        : []),
    ];
  });
}

function boardBlocks(
  content: BulletinContent,
  names: Map<string, string>,
  onlyLineId?: string,
): OfficialBlock[] {
  const list = (ids: string[]) => ids.map((id) => names.get(id)).join('、') || '无';
  if (onlyLineId) {
    const where = content.redList.includes(onlyLineId)
      ? '本单位列入红榜。'
      : content.blackList.includes(onlyLineId)
        ? '本单位列入黑榜，请于通报印发后10个工作日内书面说明原因和整改措施。'
        : '本单位未列入红榜或黑榜。';
    return [{ kind: 'body', text: where }];
  }
  return [
    { kind: 'body', text: `红榜（完成率居前）：${list(content.redList)}。` },
    { kind: 'body', text: `黑榜（完成率靠后、逾期较多）：${list(content.blackList)}。` },
  ];
}
