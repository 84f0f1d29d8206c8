import { loadDraftTemplates } from '../../../src/rollup/draft-templates';
import { DraftTask } from '../../../src/rollup/draft-types';
import { BuildDraftInput } from '../../../src/rollup/build-draft';

export function task(overrides: Partial<DraftTask> & Pick<DraftTask, 'id' | 'title'>): DraftTask {
  return {
    reportItemId: `item-${overrides.id}`,
    kind: 'plan',
    headingPath: ['2025年度推进法治政府建设的初步安排'],
    deadline: '2025-12-31',
    status: 'in_progress',
    outcome: null,
    completedOn: null,
    longTerm: false,
    latestNote: null,
    ...overrides,
  };
}

export function sampleInput(overrides: Partial<BuildDraftInput> = {}): BuildDraftInput {
  return {
    organizationName: '鲁山县张良镇人民政府',
    year: 2025,
    asOf: '2025-11-01',
    templates: loadDraftTemplates(),
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
      task({
        id: 't1',
        title: '深入贯彻习近平法治思想',
        status: 'completed',
        outcome: '全年开展专题学习12次。',
        completedOn: '2025-06-30',
      }),
      task({
        id: 't2',
        title: '全面普及法律知识',
        status: 'completed',
        outcome: '开展普法宣传活动30场。',
        completedOn: '2025-12-31',
        deadline: '2025-06-30',
      }),
      task({ id: 't3', title: '全面开展依法行政工作', deadline: '2025-12-31' }),
      task({
        id: 't4',
        title: '加强对行政执法工作的领导',
        deadline: '2025-09-30',
        latestNote: '人员调整，培训推迟',
      }),
      task({
        id: 'r1',
        reportItemId: 'm1',
        kind: 'rectification',
        title: '加大对执法人员的培训力度',
        status: 'completed',
        outcome: '组织执法培训4期',
        completedOn: '2025-05-01',
      }),
      task({
        id: 'r2',
        reportItemId: 'm2',
        kind: 'rectification',
        title: '开展领导干部学法活动',
        deadline: '2025-03-31',
      }),
      task({ id: 'c1', title: '已取消的任务', status: 'cancelled' }),
    ],
    ...overrides,
  };
}
