import { BuildDraftInput } from '../../../src/rollup/build-draft';
import { loadDraftTemplates } from '../../../src/rollup/draft-templates';
import { DraftCategory, ReportEntry, ReportTask } from '../../../src/rollup/draft-types';
import { loadConfiguredCategories } from '../../../src/worklog/worklog-categories';

export function task(overrides: Partial<ReportTask> & Pick<ReportTask, 'id' | 'title'>): ReportTask {
  return {
    reportItemId: `item-${overrides.id}`,
    kind: 'plan',
    itemKind: 'plan',
    headingPath: ['2025年度推进法治政府建设的初步安排'],
    longTerm: false,
    status: 'in_progress',
    outcome: null,
    completedOn: null,
    verifiedOn: null,
    deadline: '2025-12-31',
    originalDeadline: overrides.deadline ?? '2025-12-31',
    extensions: [],
    carryOver: null,
    category: null,
    ...overrides,
  };
}

/** A task done on `completedOn` and approved the same day. */
export function done(
  overrides: Partial<ReportTask> & Pick<ReportTask, 'id' | 'title' | 'outcome' | 'completedOn'>,
): ReportTask {
  return task({ status: 'completed', verifiedOn: overrides.completedOn, ...overrides });
}

export function entry(
  overrides: Partial<ReportEntry> & Pick<ReportEntry, 'id' | 'date' | 'text'>,
): ReportEntry {
  return { category: 'publicity', kind: 'work', cause: null, taskId: null, ...overrides };
}

export const CATEGORIES: DraftCategory[] = loadConfiguredCategories().map((category) => ({
  key: category.key,
  label: category.label,
  part: category.part ?? 'achievements',
  keywords: category.keywords ?? [],
}));

/**
 * 张良镇's 2025 as its 2024 report (seed 001) set it: two problems with a measure each, five plans. One plan is
 * done on time, one after an approved extension, one awaits 核验, one is carried into 2026 with its reason, one is
 * overdue with none; the log has work in several categories, the 第一责任人 part and a problem found in the year.
 */
export function sampleInput(overrides: Partial<BuildDraftInput> = {}): BuildDraftInput {
  return {
    organizationName: '鲁山县张良镇人民政府',
    year: 2025,
    asOf: '2025-12-31',
    issuedOn: '2026-01-10',
    addressee: null,
    templates: loadDraftTemplates(),
    categories: CATEGORIES,
    previousProblems: [
      {
        itemId: 'p1',
        title: '执法人员业务水平有待提高',
        text: '一是执法人员业务水平有待提高。',
        measureItemIds: ['m1'],
      },
      {
        itemId: 'p2',
        title: '领导干部和执法人员的法治意识有待提高',
        text: '二是领导干部和执法人员的法治意识有待提高。',
        measureItemIds: ['m2'],
      },
    ],
    earlierYearsProblems: [],
    tasks: [
      done({
        id: 't1',
        title: '深入贯彻习近平法治思想',
        outcome: '全年开展党委理论学习中心组专题学法12次',
        completedOn: '2025-06-30',
      }),
      done({
        id: 't2',
        title: '全面普及法律知识',
        outcome: '开展普法宣传活动30场，发放资料5000余份',
        completedOn: '2025-09-20',
        deadline: '2025-09-30',
        originalDeadline: '2025-06-30',
        extensions: [{ deadline: '2025-09-30', reason: '等待上级统一部署', approvedOn: '2025-06-20' }],
      }),
      task({
        id: 't3',
        title: '全面开展依法行政工作',
        status: 'pending_review',
        outcome: '梳理公布镇级权责清单81项',
        completedOn: '2025-12-20',
      }),
      task({
        id: 't4',
        title: '加强对行政执法工作的领导',
        deadline: '2025-09-30',
        carryOver: {
          reason: '综合行政执法队人员调整，集中培训推迟',
          nextStep: '配齐执法队人员并完成轮训',
          deadline: '2026-06-30',
        },
      }),
      task({ id: 't5', title: '全面落实政务信息公开', deadline: '2025-11-30' }),
      done({
        id: 'r1',
        reportItemId: 'm1',
        kind: 'rectification',
        itemKind: 'measure',
        title: '加大对执法人员的培训力度',
        outcome: '组织执法人员培训4期，新增持证执法人员6名',
        completedOn: '2025-05-01',
        deadline: '2025-06-30',
      }),
      task({
        id: 'r2',
        reportItemId: 'm2',
        kind: 'rectification',
        itemKind: 'measure',
        title: '开展领导干部学法活动',
        deadline: '2025-03-31',
        carryOver: { reason: '学法计划调整', nextStep: null, deadline: '2026-03-31' },
      }),
      task({ id: 'c1', title: '已撤销的工作', status: 'cancelled' }),
    ],
    entries: [
      entry({ id: 'e1', date: '2025-03-15', text: '开展法治讲座12场，覆盖群众1500余人' }),
      entry({ id: 'e2', date: '2025-03-28', text: '组织“法律明白人”培训2次，参训180人次' }),
      entry({ id: 'e3', date: '2025-05-10', category: 'disputes', text: '排查化解矛盾纠纷326件，化解率98%' }),
      entry({ id: 'e4', date: '2025-04-02', category: 'leadership', text: '镇党委书记带头讲授法治课1次' }),
      entry({
        id: 'e5',
        date: '2025-10-12',
        category: 'enforcement',
        kind: 'problem',
        text: '部分行政执法案卷文书填写不规范',
        cause: '新任执法人员业务培训不够系统',
      }),
    ],
    newProblems: [],
    leaderPlans: [],
    ...overrides,
  };
}
